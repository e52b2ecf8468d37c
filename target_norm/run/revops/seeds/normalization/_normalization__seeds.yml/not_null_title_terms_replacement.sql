
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select replacement
from "revops_norm"."config"."title_terms"
where replacement is null



  
  
      
    ) dbt_internal_test