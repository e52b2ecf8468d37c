
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    

with all_values as (

    select
        affix_position as value_field,
        count(*) as n_records

    from "revops_norm"."config"."person_name_affixes"
    group by affix_position

)

select *
from all_values
where value_field not in (
    'prefix','suffix'
)



  
  
      
    ) dbt_internal_test