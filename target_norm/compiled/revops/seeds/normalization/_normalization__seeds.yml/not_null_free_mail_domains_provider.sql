
    
    



select provider
from "revops_norm"."config"."free_mail_domains"
where provider is null


