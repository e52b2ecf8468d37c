

    select *
    from "revops_norm"."config"."normalization_examples"
    where not coalesce((example_id like field || '\_\_%'), false)

