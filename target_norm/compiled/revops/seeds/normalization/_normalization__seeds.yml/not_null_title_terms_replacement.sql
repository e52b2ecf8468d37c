
    
    



select replacement
from "revops_norm"."config"."title_terms"
where replacement is null


