

    select *
    from "revops_norm"."config"."normalization_settings"
    where not coalesce((setting_value between min_value and max_value), false)

