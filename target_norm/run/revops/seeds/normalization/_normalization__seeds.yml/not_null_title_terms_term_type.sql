
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select term_type
from "revops_norm"."config"."title_terms"
where term_type is null



  
  
      
    ) dbt_internal_test