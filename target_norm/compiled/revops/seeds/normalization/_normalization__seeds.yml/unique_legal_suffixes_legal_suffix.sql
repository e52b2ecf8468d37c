
    
    

select
    legal_suffix as unique_field,
    count(*) as n_records

from "revops_norm"."config"."legal_suffixes"
where legal_suffix is not null
group by legal_suffix
having count(*) > 1


