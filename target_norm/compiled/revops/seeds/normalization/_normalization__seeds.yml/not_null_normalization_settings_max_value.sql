
    
    



select max_value
from "revops_norm"."config"."normalization_settings"
where max_value is null


