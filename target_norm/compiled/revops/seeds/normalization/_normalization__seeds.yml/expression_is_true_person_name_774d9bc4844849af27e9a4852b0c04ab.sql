

    select *
    from "revops_norm"."config"."person_name_affixes"
    where not coalesce((affix = lower(btrim(affix)) and affix !~ '[.]' and affix ~ '[[:alpha:]]'), false)

