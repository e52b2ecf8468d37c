

    select *
    from "revops_norm"."config"."normalization_settings"
    where not coalesce((max_value between min_value and 255), false)

