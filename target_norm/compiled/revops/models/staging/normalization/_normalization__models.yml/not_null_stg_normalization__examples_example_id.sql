
    
    



select example_id
from "revops_norm"."staging"."stg_normalization__examples"
where example_id is null


