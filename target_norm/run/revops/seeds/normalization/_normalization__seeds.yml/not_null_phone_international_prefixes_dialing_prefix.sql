
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select dialing_prefix
from "revops_norm"."config"."phone_international_prefixes"
where dialing_prefix is null



  
  
      
    ) dbt_internal_test