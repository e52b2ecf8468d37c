
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  

    select *
    from "revops_norm"."staging"."stg_normalization__examples"
    where not coalesce((renormalized_value is not distinct from normalized_value), false)


  
  
      
    ) dbt_internal_test