
    
    



select free_mail_domain
from "revops_norm"."config"."free_mail_domains"
where free_mail_domain is null


