
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    

with all_values as (

    select
        field as value_field,
        count(*) as n_records

    from "revops_norm"."staging"."stg_normalization__examples"
    group by field

)

select *
from all_values
where value_field not in (
    'company_name','domain','person_name','email','phone','title'
)



  
  
      
    ) dbt_internal_test