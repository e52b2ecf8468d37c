

    select *
    from "revops_norm"."config"."title_terms"
    where not coalesce((term = lower(term) and term ~ '^[[:alnum:]]+$'), false)

