
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select setting_name
from "revops_norm"."config"."normalization_settings"
where setting_name is null



  
  
      
    ) dbt_internal_test