
    
    

select
    free_mail_domain as unique_field,
    count(*) as n_records

from "revops_norm"."config"."free_mail_domains"
where free_mail_domain is not null
group by free_mail_domain
having count(*) > 1


