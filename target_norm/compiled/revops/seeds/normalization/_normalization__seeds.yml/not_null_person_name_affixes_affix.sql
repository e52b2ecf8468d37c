
    
    



select affix
from "revops_norm"."config"."person_name_affixes"
where affix is null


