
    
    



select dialing_prefix
from "revops_norm"."config"."phone_international_prefixes"
where dialing_prefix is null


