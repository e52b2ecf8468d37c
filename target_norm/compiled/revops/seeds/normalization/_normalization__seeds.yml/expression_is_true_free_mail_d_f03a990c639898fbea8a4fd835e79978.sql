

    select *
    from "revops_norm"."config"."free_mail_domains"
    where not coalesce((free_mail_domain ~ '^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$'), false)

