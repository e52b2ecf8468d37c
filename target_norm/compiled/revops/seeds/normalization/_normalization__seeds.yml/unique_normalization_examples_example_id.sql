
    
    

select
    example_id as unique_field,
    count(*) as n_records

from "revops_norm"."config"."normalization_examples"
where example_id is not null
group by example_id
having count(*) > 1


