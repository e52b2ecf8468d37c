
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select affix_type
from "revops_norm"."config"."person_name_affixes"
where affix_type is null



  
  
      
    ) dbt_internal_test