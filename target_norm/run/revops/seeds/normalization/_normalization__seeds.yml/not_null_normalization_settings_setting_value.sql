
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select setting_value
from "revops_norm"."config"."normalization_settings"
where setting_value is null



  
  
      
    ) dbt_internal_test