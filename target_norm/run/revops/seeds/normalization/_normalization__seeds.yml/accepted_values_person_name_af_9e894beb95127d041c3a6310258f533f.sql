
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    

with all_values as (

    select
        affix_type as value_field,
        count(*) as n_records

    from "revops_norm"."config"."person_name_affixes"
    group by affix_type

)

select *
from all_values
where value_field not in (
    'honorific','generational','academic','professional','honour'
)



  
  
      
    ) dbt_internal_test