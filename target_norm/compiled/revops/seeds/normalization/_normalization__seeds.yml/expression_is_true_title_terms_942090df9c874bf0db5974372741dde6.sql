

    select *
    from "revops_norm"."config"."title_terms"
    where not coalesce((replacement ~ '^[[:alnum:]]+$' and (term_type <> 'small_word' or replacement = term)), false)

