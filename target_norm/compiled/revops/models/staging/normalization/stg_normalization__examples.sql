with

normalization_examples as (

    select
        example_id,
        field,
        input_value,
        expected_value
    from "revops_norm"."config"."normalization_examples"

),

examples_normalized as (

    select
        example_id,
        field,
        input_value,
        expected_value,
        case field
            when 'company_name' then substring(
        regexp_replace(
            regexp_replace(
                initcap(btrim(regexp_replace(
    cast(input_value as TEXT)
, '[[:space:]]+', ' ', 'g'))),
                '([''’])S\M',
                '\1s',
                'g'
            ),
            '^[[:space:],;.&]+|(?:[[:space:],;.&]+'
            || coalesce(
        (
            select
                '(?:' || 
    string_agg(
        affixes.affix_regex,
        '|'
        order by 

    length(
        affixes.affix_regex
    ) desc, affixes.affix_regex
        ) || ')'
            from (
                select
                    replace(
                        regexp_replace(
                            regexp_replace(btrim(regexp_replace(lower(replace(legal_suffix, '.', '')), '[[:space:]]+', ' ', 'g')), '([^[:alnum:][:space:]])', '\\\1', 'g'),
                            '([[:alnum:]])(?=[[:alnum:]])',
                            '\1\\.?',
                            'g'
                        ),
                        ' ',
                        '\.?[[:space:]]+'
                    ) as affix_regex
                from "revops_norm"."config"."legal_suffixes"
            ) as affixes
            where affixes.affix_regex <> ''
        ),
        'a^'
    )
            || ')*[[:space:],;.&]*$',
            '',
            'gi'
        )
        from '^.*[[:alnum:]].*$'
    )
            when 'domain' then substring(
        regexp_replace(
            regexp_replace(
                regexp_replace(
                    regexp_replace(
                        regexp_replace(
                            regexp_replace(
                                regexp_replace(lower(
    cast(input_value as TEXT)
), '^[[:space:]]+|[[:space:]]+$', '', 'g'),
                                '^(?:[a-z][a-z0-9+.-]*://|//|mailto:)',
                                ''
                            ),
                            '[/?#].*$',
                            ''
                        ),
                        '^.*@',
                        ''
                    ),
                    ':[0-9]*$',
                    ''
                ),
                '^(?:www\.)+',
                ''
            ),
            '\.+$',
            ''
        )
        from '^' || (
        '(?=.{1,' || (
        select settings.setting_value
        from "revops_norm"."config"."normalization_settings" as settings
        where settings.setting_name = 'domain_max_length'
    ) || '}$)'
        || '(?:[[:alnum:]](?:[[:alnum:]-]{0,'
        || ((
        select settings.setting_value
        from "revops_norm"."config"."normalization_settings" as settings
        where settings.setting_name = 'domain_label_max_length'
    ) - 2)
        || '}[[:alnum:]])?\.)+'
        || '(?:[[:alpha:]]{2,' || (
        select settings.setting_value
        from "revops_norm"."config"."normalization_settings" as settings
        where settings.setting_name = 'domain_label_max_length'
    ) || '}'
        || '|xn--[a-z0-9-]{1,' || ((
        select settings.setting_value
        from "revops_norm"."config"."normalization_settings" as settings
        where settings.setting_name = 'domain_label_max_length'
    ) - 4) || '})'
    ) || '$'
    )
            when 'person_name' then substring(
        regexp_replace(
            regexp_replace(
                initcap(btrim(regexp_replace(
    cast(input_value as TEXT)
, '[[:space:]]+', ' ', 'g'))),
                '^[[:space:],.]*(?:'
                || coalesce(
        (
            select
                '(?:' || 
    string_agg(
        affixes.affix_regex,
        '|'
        order by 

    length(
        affixes.affix_regex
    ) desc, affixes.affix_regex
        ) || ')'
            from (
                select
                    replace(
                        regexp_replace(
                            regexp_replace(btrim(regexp_replace(lower(replace(affix, '.', '')), '[[:space:]]+', ' ', 'g')), '([^[:alnum:][:space:]])', '\\\1', 'g'),
                            '([[:alnum:]])(?=[[:alnum:]])',
                            '\1\\.?',
                            'g'
                        ),
                        ' ',
                        '\.?[[:space:]]+'
                    ) as affix_regex
                from "revops_norm"."config"."person_name_affixes"
                where affix_position = 'prefix'
            ) as affixes
            where affixes.affix_regex <> ''
        ),
        'a^'
    )
                || '(?:[[:space:],.]+|$))*',
                '',
                'i'
            ),
            '(?:[[:space:],.]+'
            || coalesce(
        (
            select
                '(?:' || 
    string_agg(
        affixes.affix_regex,
        '|'
        order by 

    length(
        affixes.affix_regex
    ) desc, affixes.affix_regex
        ) || ')'
            from (
                select
                    replace(
                        regexp_replace(
                            regexp_replace(btrim(regexp_replace(lower(replace(affix, '.', '')), '[[:space:]]+', ' ', 'g')), '([^[:alnum:][:space:]])', '\\\1', 'g'),
                            '([[:alnum:]])(?=[[:alnum:]])',
                            '\1\\.?',
                            'g'
                        ),
                        ' ',
                        '\.?[[:space:]]+'
                    ) as affix_regex
                from "revops_norm"."config"."person_name_affixes"
                where affix_position = 'suffix'
            ) as affixes
            where affixes.affix_regex <> ''
        ),
        'a^'
    )
            || ')*[[:space:],.]*$',
            '',
            'i'
        )
        from '^.*[[:alpha:]].*$'
    )
            when 'email' then (
        select email_candidates.email_address
        from
            regexp_split_to_table(
                lower(
    cast(input_value as TEXT)
), '[;,[:space:]]+'
            ) with ordinality as email_tokens (email_token, token_number)
        cross join lateral (
            select
                regexp_replace(
                    regexp_replace(email_tokens.email_token, '^[[<("'']*(?:mailto:)?[[<("'']*', ''),
                    '[]>)"''.]*$',
                    ''
                ) as email_address
        ) as email_candidates
        where email_candidates.email_address ~ (
        '^(?=.{1,' || (
        select settings.setting_value
        from "revops_norm"."config"."normalization_settings" as settings
        where settings.setting_name = 'email_max_length'
    ) || '}$)'
        || '(?=[^@]{1,' || (
        select settings.setting_value
        from "revops_norm"."config"."normalization_settings" as settings
        where settings.setting_name = 'email_local_part_max_length'
    ) || '}@)'
        || '[a-z0-9!#$%&''*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&''*+/=?^_`{|}~-]+)*'
        || '@' || (
        '(?=.{1,' || (
        select settings.setting_value
        from "revops_norm"."config"."normalization_settings" as settings
        where settings.setting_name = 'domain_max_length'
    ) || '}$)'
        || '(?:[[:alnum:]](?:[[:alnum:]-]{0,'
        || ((
        select settings.setting_value
        from "revops_norm"."config"."normalization_settings" as settings
        where settings.setting_name = 'domain_label_max_length'
    ) - 2)
        || '}[[:alnum:]])?\.)+'
        || '(?:[[:alpha:]]{2,' || (
        select settings.setting_value
        from "revops_norm"."config"."normalization_settings" as settings
        where settings.setting_name = 'domain_label_max_length'
    ) || '}'
        || '|xn--[a-z0-9-]{1,' || ((
        select settings.setting_value
        from "revops_norm"."config"."normalization_settings" as settings
        where settings.setting_name = 'domain_label_max_length'
    ) - 4) || '})'
    ) || '$'
    )
        order by
            (lower(

  
    

    split_part(
        email_candidates.email_address,
        '@',
        2
        )


  

) = any(array(select free_mail_domain from "revops_norm"."config"."free_mail_domains"))),
            email_tokens.token_number
        limit 1
    )
            when 'phone' then substring(
        regexp_replace(
            regexp_replace(
                regexp_replace(
                    regexp_replace(
                        regexp_replace(
                            substring(
    cast(input_value as TEXT)
 from '^[^0-9]*[0-9][^[:alpha:]#]*'),
                            '^[^0-9+]*(\+?)[^0-9]*',
                            '\1'
                        ),
                        '([0-9])[^0-9]+',
                        '\1',
                        'g'
                    ),
                    '^' || (
                        select
                            coalesce(
                                '(?:' || 
    string_agg(
        regexp_replace(prefixes.dialing_prefix, '([^[:alnum:][:space:]])', '\\\1', 'g'),
        '|'
        order by 

    length(
        prefixes.dialing_prefix
    ) desc
        ) || ')',
                                'a^'
                            )
                        from "revops_norm"."config"."phone_international_prefixes" as prefixes
                    ),
                    '+'
                ),
                '^([0-9]{' || (
        select settings.setting_value
        from "revops_norm"."config"."normalization_settings" as settings
        where settings.setting_name = 'phone_national_number_digits'
    ) || '})$',
                coalesce('+' || 
    cast((
        select settings.setting_value
        from "revops_norm"."config"."normalization_settings" as settings
        where settings.setting_name = 'phone_default_country_code'
    ) as TEXT)
 || '\1', 'unresolved')
            ),
            '^([0-9])',
            '+\1'
        )
        from '^\+[1-9][0-9]{'
        || ((
        select settings.setting_value
        from "revops_norm"."config"."normalization_settings" as settings
        where settings.setting_name = 'phone_min_digits'
    ) - 1)
        || ','
        || ((
        select settings.setting_value
        from "revops_norm"."config"."normalization_settings" as settings
        where settings.setting_name = 'phone_max_digits'
    ) - 1)
        || '}$'
    )
            when 'title' then (
        select
            substring(
                
    string_agg(
        case
                        when not title_tokens.is_word then title_tokens.token
                        when title_tokens.term_replacement is not null then title_tokens.term_replacement
                        when title_tokens.is_small_word and title_tokens.token_number > 2
                            then lower(title_tokens.token)
                        else regexp_replace(initcap(title_tokens.token), '([''’])S\M', '\1s', 'g')
                    end,
        ''
        order by title_tokens.token_number
        )
                from '^.*[[:alnum:]].*$'
            )
        from (
            select
                title_matches.token_number,
                title_matches.token_parts[1] as token,
                title_matches.token_parts[1] ~ '^[[:alnum:]]' as is_word,
                (
                    select jsonb_object_agg(terms.term, terms.replacement)
                    from "revops_norm"."config"."title_terms" as terms
                    where terms.term_type <> 'small_word'
                ) ->> lower(replace(title_matches.token_parts[1], '.', '')) as term_replacement,
                lower(replace(title_matches.token_parts[1], '.', '')) = any(
                    array(
                        select terms.term
                        from "revops_norm"."config"."title_terms" as terms
                        where terms.term_type = 'small_word'
                    )
                ) as is_small_word
            from regexp_matches(
                regexp_replace(
                    regexp_replace(
                        regexp_replace(
    cast(input_value as TEXT)
, '[[:space:]]+', ' ', 'g'),
                        '[[:space:]]*(?:,[[:space:]]*)+',
                        ', ',
                        'g'
                    ),
                    '^[[:space:],;]+|[[:space:],;]+$',
                    '',
                    'g'
                ),
                '[[:alnum:]][[:alnum:].]*(?:[''’][[:alnum:]][[:alnum:].]*)*|[^[:alnum:]]+',
                'g'
            ) with ordinality as title_matches (token_parts, token_number)
        ) as title_tokens
    )
        end as normalized_value
    from normalization_examples

),

examples_renormalized as (

    select
        example_id,
        field,
        input_value,
        expected_value,
        normalized_value,
        case field
            when 'company_name' then substring(
        regexp_replace(
            regexp_replace(
                initcap(btrim(regexp_replace(
    cast(normalized_value as TEXT)
, '[[:space:]]+', ' ', 'g'))),
                '([''’])S\M',
                '\1s',
                'g'
            ),
            '^[[:space:],;.&]+|(?:[[:space:],;.&]+'
            || coalesce(
        (
            select
                '(?:' || 
    string_agg(
        affixes.affix_regex,
        '|'
        order by 

    length(
        affixes.affix_regex
    ) desc, affixes.affix_regex
        ) || ')'
            from (
                select
                    replace(
                        regexp_replace(
                            regexp_replace(btrim(regexp_replace(lower(replace(legal_suffix, '.', '')), '[[:space:]]+', ' ', 'g')), '([^[:alnum:][:space:]])', '\\\1', 'g'),
                            '([[:alnum:]])(?=[[:alnum:]])',
                            '\1\\.?',
                            'g'
                        ),
                        ' ',
                        '\.?[[:space:]]+'
                    ) as affix_regex
                from "revops_norm"."config"."legal_suffixes"
            ) as affixes
            where affixes.affix_regex <> ''
        ),
        'a^'
    )
            || ')*[[:space:],;.&]*$',
            '',
            'gi'
        )
        from '^.*[[:alnum:]].*$'
    )
            when 'domain' then substring(
        regexp_replace(
            regexp_replace(
                regexp_replace(
                    regexp_replace(
                        regexp_replace(
                            regexp_replace(
                                regexp_replace(lower(
    cast(normalized_value as TEXT)
), '^[[:space:]]+|[[:space:]]+$', '', 'g'),
                                '^(?:[a-z][a-z0-9+.-]*://|//|mailto:)',
                                ''
                            ),
                            '[/?#].*$',
                            ''
                        ),
                        '^.*@',
                        ''
                    ),
                    ':[0-9]*$',
                    ''
                ),
                '^(?:www\.)+',
                ''
            ),
            '\.+$',
            ''
        )
        from '^' || (
        '(?=.{1,' || (
        select settings.setting_value
        from "revops_norm"."config"."normalization_settings" as settings
        where settings.setting_name = 'domain_max_length'
    ) || '}$)'
        || '(?:[[:alnum:]](?:[[:alnum:]-]{0,'
        || ((
        select settings.setting_value
        from "revops_norm"."config"."normalization_settings" as settings
        where settings.setting_name = 'domain_label_max_length'
    ) - 2)
        || '}[[:alnum:]])?\.)+'
        || '(?:[[:alpha:]]{2,' || (
        select settings.setting_value
        from "revops_norm"."config"."normalization_settings" as settings
        where settings.setting_name = 'domain_label_max_length'
    ) || '}'
        || '|xn--[a-z0-9-]{1,' || ((
        select settings.setting_value
        from "revops_norm"."config"."normalization_settings" as settings
        where settings.setting_name = 'domain_label_max_length'
    ) - 4) || '})'
    ) || '$'
    )
            when 'person_name' then substring(
        regexp_replace(
            regexp_replace(
                initcap(btrim(regexp_replace(
    cast(normalized_value as TEXT)
, '[[:space:]]+', ' ', 'g'))),
                '^[[:space:],.]*(?:'
                || coalesce(
        (
            select
                '(?:' || 
    string_agg(
        affixes.affix_regex,
        '|'
        order by 

    length(
        affixes.affix_regex
    ) desc, affixes.affix_regex
        ) || ')'
            from (
                select
                    replace(
                        regexp_replace(
                            regexp_replace(btrim(regexp_replace(lower(replace(affix, '.', '')), '[[:space:]]+', ' ', 'g')), '([^[:alnum:][:space:]])', '\\\1', 'g'),
                            '([[:alnum:]])(?=[[:alnum:]])',
                            '\1\\.?',
                            'g'
                        ),
                        ' ',
                        '\.?[[:space:]]+'
                    ) as affix_regex
                from "revops_norm"."config"."person_name_affixes"
                where affix_position = 'prefix'
            ) as affixes
            where affixes.affix_regex <> ''
        ),
        'a^'
    )
                || '(?:[[:space:],.]+|$))*',
                '',
                'i'
            ),
            '(?:[[:space:],.]+'
            || coalesce(
        (
            select
                '(?:' || 
    string_agg(
        affixes.affix_regex,
        '|'
        order by 

    length(
        affixes.affix_regex
    ) desc, affixes.affix_regex
        ) || ')'
            from (
                select
                    replace(
                        regexp_replace(
                            regexp_replace(btrim(regexp_replace(lower(replace(affix, '.', '')), '[[:space:]]+', ' ', 'g')), '([^[:alnum:][:space:]])', '\\\1', 'g'),
                            '([[:alnum:]])(?=[[:alnum:]])',
                            '\1\\.?',
                            'g'
                        ),
                        ' ',
                        '\.?[[:space:]]+'
                    ) as affix_regex
                from "revops_norm"."config"."person_name_affixes"
                where affix_position = 'suffix'
            ) as affixes
            where affixes.affix_regex <> ''
        ),
        'a^'
    )
            || ')*[[:space:],.]*$',
            '',
            'i'
        )
        from '^.*[[:alpha:]].*$'
    )
            when 'email' then (
        select email_candidates.email_address
        from
            regexp_split_to_table(
                lower(
    cast(normalized_value as TEXT)
), '[;,[:space:]]+'
            ) with ordinality as email_tokens (email_token, token_number)
        cross join lateral (
            select
                regexp_replace(
                    regexp_replace(email_tokens.email_token, '^[[<("'']*(?:mailto:)?[[<("'']*', ''),
                    '[]>)"''.]*$',
                    ''
                ) as email_address
        ) as email_candidates
        where email_candidates.email_address ~ (
        '^(?=.{1,' || (
        select settings.setting_value
        from "revops_norm"."config"."normalization_settings" as settings
        where settings.setting_name = 'email_max_length'
    ) || '}$)'
        || '(?=[^@]{1,' || (
        select settings.setting_value
        from "revops_norm"."config"."normalization_settings" as settings
        where settings.setting_name = 'email_local_part_max_length'
    ) || '}@)'
        || '[a-z0-9!#$%&''*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&''*+/=?^_`{|}~-]+)*'
        || '@' || (
        '(?=.{1,' || (
        select settings.setting_value
        from "revops_norm"."config"."normalization_settings" as settings
        where settings.setting_name = 'domain_max_length'
    ) || '}$)'
        || '(?:[[:alnum:]](?:[[:alnum:]-]{0,'
        || ((
        select settings.setting_value
        from "revops_norm"."config"."normalization_settings" as settings
        where settings.setting_name = 'domain_label_max_length'
    ) - 2)
        || '}[[:alnum:]])?\.)+'
        || '(?:[[:alpha:]]{2,' || (
        select settings.setting_value
        from "revops_norm"."config"."normalization_settings" as settings
        where settings.setting_name = 'domain_label_max_length'
    ) || '}'
        || '|xn--[a-z0-9-]{1,' || ((
        select settings.setting_value
        from "revops_norm"."config"."normalization_settings" as settings
        where settings.setting_name = 'domain_label_max_length'
    ) - 4) || '})'
    ) || '$'
    )
        order by
            (lower(

  
    

    split_part(
        email_candidates.email_address,
        '@',
        2
        )


  

) = any(array(select free_mail_domain from "revops_norm"."config"."free_mail_domains"))),
            email_tokens.token_number
        limit 1
    )
            when 'phone' then substring(
        regexp_replace(
            regexp_replace(
                regexp_replace(
                    regexp_replace(
                        regexp_replace(
                            substring(
    cast(normalized_value as TEXT)
 from '^[^0-9]*[0-9][^[:alpha:]#]*'),
                            '^[^0-9+]*(\+?)[^0-9]*',
                            '\1'
                        ),
                        '([0-9])[^0-9]+',
                        '\1',
                        'g'
                    ),
                    '^' || (
                        select
                            coalesce(
                                '(?:' || 
    string_agg(
        regexp_replace(prefixes.dialing_prefix, '([^[:alnum:][:space:]])', '\\\1', 'g'),
        '|'
        order by 

    length(
        prefixes.dialing_prefix
    ) desc
        ) || ')',
                                'a^'
                            )
                        from "revops_norm"."config"."phone_international_prefixes" as prefixes
                    ),
                    '+'
                ),
                '^([0-9]{' || (
        select settings.setting_value
        from "revops_norm"."config"."normalization_settings" as settings
        where settings.setting_name = 'phone_national_number_digits'
    ) || '})$',
                coalesce('+' || 
    cast((
        select settings.setting_value
        from "revops_norm"."config"."normalization_settings" as settings
        where settings.setting_name = 'phone_default_country_code'
    ) as TEXT)
 || '\1', 'unresolved')
            ),
            '^([0-9])',
            '+\1'
        )
        from '^\+[1-9][0-9]{'
        || ((
        select settings.setting_value
        from "revops_norm"."config"."normalization_settings" as settings
        where settings.setting_name = 'phone_min_digits'
    ) - 1)
        || ','
        || ((
        select settings.setting_value
        from "revops_norm"."config"."normalization_settings" as settings
        where settings.setting_name = 'phone_max_digits'
    ) - 1)
        || '}$'
    )
            when 'title' then (
        select
            substring(
                
    string_agg(
        case
                        when not title_tokens.is_word then title_tokens.token
                        when title_tokens.term_replacement is not null then title_tokens.term_replacement
                        when title_tokens.is_small_word and title_tokens.token_number > 2
                            then lower(title_tokens.token)
                        else regexp_replace(initcap(title_tokens.token), '([''’])S\M', '\1s', 'g')
                    end,
        ''
        order by title_tokens.token_number
        )
                from '^.*[[:alnum:]].*$'
            )
        from (
            select
                title_matches.token_number,
                title_matches.token_parts[1] as token,
                title_matches.token_parts[1] ~ '^[[:alnum:]]' as is_word,
                (
                    select jsonb_object_agg(terms.term, terms.replacement)
                    from "revops_norm"."config"."title_terms" as terms
                    where terms.term_type <> 'small_word'
                ) ->> lower(replace(title_matches.token_parts[1], '.', '')) as term_replacement,
                lower(replace(title_matches.token_parts[1], '.', '')) = any(
                    array(
                        select terms.term
                        from "revops_norm"."config"."title_terms" as terms
                        where terms.term_type = 'small_word'
                    )
                ) as is_small_word
            from regexp_matches(
                regexp_replace(
                    regexp_replace(
                        regexp_replace(
    cast(normalized_value as TEXT)
, '[[:space:]]+', ' ', 'g'),
                        '[[:space:]]*(?:,[[:space:]]*)+',
                        ', ',
                        'g'
                    ),
                    '^[[:space:],;]+|[[:space:],;]+$',
                    '',
                    'g'
                ),
                '[[:alnum:]][[:alnum:].]*(?:[''’][[:alnum:]][[:alnum:].]*)*|[^[:alnum:]]+',
                'g'
            ) with ordinality as title_matches (token_parts, token_number)
        ) as title_tokens
    )
        end as renormalized_value
    from examples_normalized

)

select * from examples_renormalized