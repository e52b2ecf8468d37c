
    
    

select
    term as unique_field,
    count(*) as n_records

from "revops_norm"."config"."title_terms"
where term is not null
group by term
having count(*) > 1


