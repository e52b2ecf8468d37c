
    
    

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


