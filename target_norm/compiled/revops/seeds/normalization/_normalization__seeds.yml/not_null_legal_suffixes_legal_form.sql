
    
    



select legal_form
from "revops_norm"."config"."legal_suffixes"
where legal_form is null


