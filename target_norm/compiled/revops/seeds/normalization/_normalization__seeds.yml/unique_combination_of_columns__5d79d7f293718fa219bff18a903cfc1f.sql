

    select
        affix, affix_position,
        count(*) as occurrences
    from "revops_norm"."config"."person_name_affixes"
    group by affix, affix_position
    having count(*) > 1

