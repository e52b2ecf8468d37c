
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select field
from "revops_norm"."staging"."stg_normalization__examples"
where field is null



  
  
      
    ) dbt_internal_test