

    select *
    from "revops_norm"."staging"."stg_normalization__examples"
    where not coalesce((normalized_value is not distinct from expected_value), false)

