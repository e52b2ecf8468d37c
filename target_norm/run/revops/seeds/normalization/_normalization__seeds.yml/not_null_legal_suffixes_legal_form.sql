
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select legal_form
from "revops_norm"."config"."legal_suffixes"
where legal_form is null



  
  
      
    ) dbt_internal_test