
    
    



select term
from "revops_norm"."config"."title_terms"
where term is null


