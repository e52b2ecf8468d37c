
    
    



select affix_type
from "revops_norm"."config"."person_name_affixes"
where affix_type is null


