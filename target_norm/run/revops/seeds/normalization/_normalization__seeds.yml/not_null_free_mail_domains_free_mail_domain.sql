
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select free_mail_domain
from "revops_norm"."config"."free_mail_domains"
where free_mail_domain is null



  
  
      
    ) dbt_internal_test