
    
    



select min_value
from "revops_norm"."config"."normalization_settings"
where min_value is null


