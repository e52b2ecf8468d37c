
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select example_id
from "revops_norm"."config"."normalization_examples"
where example_id is null



  
  
      
    ) dbt_internal_test