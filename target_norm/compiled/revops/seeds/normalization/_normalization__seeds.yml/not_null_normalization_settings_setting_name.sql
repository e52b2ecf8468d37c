
    
    



select setting_name
from "revops_norm"."config"."normalization_settings"
where setting_name is null


