
    
    



select term_type
from "revops_norm"."config"."title_terms"
where term_type is null


