
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select field
from "revops_norm"."config"."normalization_examples"
where field is null



  
  
      
    ) dbt_internal_test