
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select min_value
from "revops_norm"."config"."normalization_settings"
where min_value is null



  
  
      
    ) dbt_internal_test