

    select *
    from "revops_norm"."config"."phone_international_prefixes"
    where not coalesce((dialing_prefix ~ '^0[0-9]{1,3}$'), false)

