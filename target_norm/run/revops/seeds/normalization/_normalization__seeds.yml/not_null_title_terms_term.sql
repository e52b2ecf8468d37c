
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select term
from "revops_norm"."config"."title_terms"
where term is null



  
  
      
    ) dbt_internal_test