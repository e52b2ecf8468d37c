

    select *
    from "revops_norm"."config"."legal_suffixes"
    where not coalesce((legal_suffix = lower(btrim(legal_suffix)) and legal_suffix !~ '[.]' and legal_suffix !~ '  ' and legal_suffix ~ '[[:alnum:]]'), false)

