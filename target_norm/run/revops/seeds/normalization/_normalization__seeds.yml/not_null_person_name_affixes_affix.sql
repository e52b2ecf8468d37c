
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select affix
from "revops_norm"."config"."person_name_affixes"
where affix is null



  
  
      
    ) dbt_internal_test