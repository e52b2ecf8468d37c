
    
    

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


