
    
    



select legal_suffix
from "revops_norm"."config"."legal_suffixes"
where legal_suffix is null


