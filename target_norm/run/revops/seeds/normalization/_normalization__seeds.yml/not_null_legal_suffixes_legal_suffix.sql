
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select legal_suffix
from "revops_norm"."config"."legal_suffixes"
where legal_suffix is null



  
  
      
    ) dbt_internal_test