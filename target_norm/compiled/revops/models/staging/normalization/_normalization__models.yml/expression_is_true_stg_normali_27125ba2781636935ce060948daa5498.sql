

    select *
    from "revops_norm"."staging"."stg_normalization__examples"
    where not coalesce((renormalized_value is not distinct from normalized_value), false)

