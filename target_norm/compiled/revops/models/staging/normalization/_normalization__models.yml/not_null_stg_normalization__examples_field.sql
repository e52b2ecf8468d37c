
    
    



select field
from "revops_norm"."staging"."stg_normalization__examples"
where field is null


