
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    

with all_values as (

    select
        term_type as value_field,
        count(*) as n_records

    from "revops_norm"."config"."title_terms"
    group by term_type

)

select *
from all_values
where value_field not in (
    'abbreviation','acronym','casing_exception','small_word'
)



  
  
      
    ) dbt_internal_test