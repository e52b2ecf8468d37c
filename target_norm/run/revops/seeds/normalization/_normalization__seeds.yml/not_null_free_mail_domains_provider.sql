
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select provider
from "revops_norm"."config"."free_mail_domains"
where provider is null



  
  
      
    ) dbt_internal_test