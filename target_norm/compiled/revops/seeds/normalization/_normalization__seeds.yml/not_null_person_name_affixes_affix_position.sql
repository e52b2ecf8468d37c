
    
    



select affix_position
from "revops_norm"."config"."person_name_affixes"
where affix_position is null


