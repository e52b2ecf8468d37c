
    
    



select example_id
from "revops_norm"."config"."normalization_examples"
where example_id is null


