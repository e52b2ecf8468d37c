
    
    



select setting_value
from "revops_norm"."config"."normalization_settings"
where setting_value is null


