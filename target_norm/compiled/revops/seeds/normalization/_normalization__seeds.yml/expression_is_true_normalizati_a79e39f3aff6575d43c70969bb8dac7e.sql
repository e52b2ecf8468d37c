

    select *
    from "revops_norm"."config"."normalization_settings"
    where not coalesce((max_value >= min_value and (max_value <= 255 or setting_name = 'phone_default_country_code')), false)

