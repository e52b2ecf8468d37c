
    
    



select field
from "revops_norm"."config"."normalization_examples"
where field is null


