
    -- Build actual result given inputs
with dbt_internal_unit_test_actual as (
  select
    "input_value","normalized_value", 'actual' as "actual_or_expected"
  from (
    with

 __dbt__cte__normalization_examples as (

-- Fixture for normalization_examples
select cast(null as text) as "example_id", 
    
    cast('company_name' as text)
 as "field", 
    
    cast('ACME CORPORATION, INC.' as text)
 as "input_value", cast(null as text) as "expected_value"
union all
select cast(null as text) as "example_id", 
    
    cast('person_name' as text)
 as "field", 
    
    cast('Mr. JOHN SMITH, Jr.' as text)
 as "input_value", cast(null as text) as "expected_value"
union all
select cast(null as text) as "example_id", 
    
    cast('title' as text)
 as "field", 
    
    cast('v.p. of hr operations' as text)
 as "input_value", cast(null as text) as "expected_value"
union all
select cast(null as text) as "example_id", 
    
    cast('email' as text)
 as "field", 
    
    cast('jsmith@gmail.com; John.Smith@acme.com' as text)
 as "input_value", cast(null as text) as "expected_value"
union all
select cast(null as text) as "example_id", 
    
    cast('phone' as text)
 as "field", 
    
    cast('0044 20 7946 0958' as text)
 as "input_value", cast(null as text) as "expected_value"
union all
select cast(null as text) as "example_id", 
    
    cast('phone' as text)
 as "field", 
    
    cast('(555) 123-4567' as text)
 as "input_value", cast(null as text) as "expected_value"
),  __dbt__cte__legal_suffixes as (

-- Fixture for legal_suffixes
select cast(null as text) as "legal_suffix", cast(null as text) as "legal_form", cast(null as text) as "region"
    limit 0
),  __dbt__cte__normalization_settings as (

-- Fixture for normalization_settings
select 
    
    cast('phone_default_country_code' as text)
 as "setting_name", 
    
    cast('1' as integer)
 as "setting_value", 
    
    cast('1' as integer)
 as "min_value", 
    
    cast('999' as integer)
 as "max_value", 
    
    cast('E.164 country calling code' as text)
 as "unit", 
    
    cast('Country code given to a national number (one with phone_national_number_digits digits and no international prefix); 1 = North America' as text)
 as "description"
union all
select 
    
    cast('phone_national_number_digits' as text)
 as "setting_name", 
    
    cast('10' as integer)
 as "setting_value", 
    
    cast('4' as integer)
 as "min_value", 
    
    cast('14' as integer)
 as "max_value", 
    
    cast('digits' as text)
 as "unit", 
    
    cast('Length of a national number in the default country (10 in North America)' as text)
 as "description"
union all
select 
    
    cast('phone_min_digits' as text)
 as "setting_name", 
    
    cast('8' as integer)
 as "setting_value", 
    
    cast('7' as integer)
 as "min_value", 
    
    cast('15' as integer)
 as "max_value", 
    
    cast('digits' as text)
 as "unit", 
    
    cast('Fewest digits (country code included) of a number kept as E.164; shorter numbers become null' as text)
 as "description"
union all
select 
    
    cast('phone_max_digits' as text)
 as "setting_name", 
    
    cast('15' as integer)
 as "setting_value", 
    
    cast('8' as integer)
 as "min_value", 
    
    cast('15' as integer)
 as "max_value", 
    
    cast('digits' as text)
 as "unit", 
    
    cast('Most digits (country code included) of a number kept as E.164 (ITU-T E.164 allows 15); longer numbers become null' as text)
 as "description"
union all
select 
    
    cast('domain_max_length' as text)
 as "setting_name", 
    
    cast('253' as integer)
 as "setting_value", 
    
    cast('4' as integer)
 as "min_value", 
    
    cast('253' as integer)
 as "max_value", 
    
    cast('characters' as text)
 as "unit", 
    
    cast('Longest host name accepted (RFC 1035)' as text)
 as "description"
union all
select 
    
    cast('domain_label_max_length' as text)
 as "setting_name", 
    
    cast('63' as integer)
 as "setting_value", 
    
    cast('5' as integer)
 as "min_value", 
    
    cast('63' as integer)
 as "max_value", 
    
    cast('characters' as text)
 as "unit", 
    
    cast('Longest label (part between dots) of a host name (RFC 1035)' as text)
 as "description"
union all
select 
    
    cast('email_max_length' as text)
 as "setting_name", 
    
    cast('254' as integer)
 as "setting_value", 
    
    cast('6' as integer)
 as "min_value", 
    
    cast('254' as integer)
 as "max_value", 
    
    cast('characters' as text)
 as "unit", 
    
    cast('Longest email address accepted (RFC 5321 path limit)' as text)
 as "description"
union all
select 
    
    cast('email_local_part_max_length' as text)
 as "setting_name", 
    
    cast('64' as integer)
 as "setting_value", 
    
    cast('1' as integer)
 as "min_value", 
    
    cast('64' as integer)
 as "max_value", 
    
    cast('characters' as text)
 as "unit", 
    
    cast('Longest part before the @ of an email address (RFC 5321)' as text)
 as "description"
),  __dbt__cte__person_name_affixes as (

-- Fixture for person_name_affixes
select cast(null as text) as "affix", cast(null as text) as "affix_position", cast(null as text) as "affix_type", cast(null as text) as "description"
    limit 0
),  __dbt__cte__free_mail_domains as (

-- Fixture for free_mail_domains
select cast(null as text) as "free_mail_domain", cast(null as text) as "provider"
    limit 0
),  __dbt__cte__phone_international_prefixes as (

-- Fixture for phone_international_prefixes
select cast(null as text) as "dialing_prefix", cast(null as text) as "description"
    limit 0
),  __dbt__cte__title_terms as (

-- Fixture for title_terms
select cast(null as text) as "term", cast(null as text) as "replacement", cast(null as text) as "term_type"
    limit 0
), normalization_examples as (

    select
        example_id,
        field,
        input_value,
        expected_value
    from __dbt__cte__normalization_examples

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
                from __dbt__cte__legal_suffixes
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
        from __dbt__cte__normalization_settings as settings
        where settings.setting_name = 'domain_max_length'
    ) || '}$)'
        || '(?:[[:alnum:]](?:[[:alnum:]-]{0,'
        || ((
        select settings.setting_value
        from __dbt__cte__normalization_settings as settings
        where settings.setting_name = 'domain_label_max_length'
    ) - 2)
        || '}[[:alnum:]])?\.)+'
        || '(?:[[:alpha:]]{2,' || (
        select settings.setting_value
        from __dbt__cte__normalization_settings as settings
        where settings.setting_name = 'domain_label_max_length'
    ) || '}'
        || '|xn--[a-z0-9-]{1,' || ((
        select settings.setting_value
        from __dbt__cte__normalization_settings as settings
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
                from __dbt__cte__person_name_affixes
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
                from __dbt__cte__person_name_affixes
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
        from __dbt__cte__normalization_settings as settings
        where settings.setting_name = 'email_max_length'
    ) || '}$)'
        || '(?=[^@]{1,' || (
        select settings.setting_value
        from __dbt__cte__normalization_settings as settings
        where settings.setting_name = 'email_local_part_max_length'
    ) || '}@)'
        || '[a-z0-9!#$%&''*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&''*+/=?^_`{|}~-]+)*'
        || '@' || (
        '(?=.{1,' || (
        select settings.setting_value
        from __dbt__cte__normalization_settings as settings
        where settings.setting_name = 'domain_max_length'
    ) || '}$)'
        || '(?:[[:alnum:]](?:[[:alnum:]-]{0,'
        || ((
        select settings.setting_value
        from __dbt__cte__normalization_settings as settings
        where settings.setting_name = 'domain_label_max_length'
    ) - 2)
        || '}[[:alnum:]])?\.)+'
        || '(?:[[:alpha:]]{2,' || (
        select settings.setting_value
        from __dbt__cte__normalization_settings as settings
        where settings.setting_name = 'domain_label_max_length'
    ) || '}'
        || '|xn--[a-z0-9-]{1,' || ((
        select settings.setting_value
        from __dbt__cte__normalization_settings as settings
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


  

) = any(array(select free_mail_domain from __dbt__cte__free_mail_domains))),
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
                        from __dbt__cte__phone_international_prefixes as prefixes
                    ),
                    '+'
                ),
                '^([0-9]{' || (
        select settings.setting_value
        from __dbt__cte__normalization_settings as settings
        where settings.setting_name = 'phone_national_number_digits'
    ) || '})$',
                coalesce('+' || 
    cast((
        select settings.setting_value
        from __dbt__cte__normalization_settings as settings
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
        from __dbt__cte__normalization_settings as settings
        where settings.setting_name = 'phone_min_digits'
    ) - 1)
        || ','
        || ((
        select settings.setting_value
        from __dbt__cte__normalization_settings as settings
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
                    from __dbt__cte__title_terms as terms
                    where terms.term_type <> 'small_word'
                ) ->> lower(replace(title_matches.token_parts[1], '.', '')) as term_replacement,
                lower(replace(title_matches.token_parts[1], '.', '')) = any(
                    array(
                        select terms.term
                        from __dbt__cte__title_terms as terms
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
                from __dbt__cte__legal_suffixes
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
        from __dbt__cte__normalization_settings as settings
        where settings.setting_name = 'domain_max_length'
    ) || '}$)'
        || '(?:[[:alnum:]](?:[[:alnum:]-]{0,'
        || ((
        select settings.setting_value
        from __dbt__cte__normalization_settings as settings
        where settings.setting_name = 'domain_label_max_length'
    ) - 2)
        || '}[[:alnum:]])?\.)+'
        || '(?:[[:alpha:]]{2,' || (
        select settings.setting_value
        from __dbt__cte__normalization_settings as settings
        where settings.setting_name = 'domain_label_max_length'
    ) || '}'
        || '|xn--[a-z0-9-]{1,' || ((
        select settings.setting_value
        from __dbt__cte__normalization_settings as settings
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
                from __dbt__cte__person_name_affixes
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
                from __dbt__cte__person_name_affixes
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
        from __dbt__cte__normalization_settings as settings
        where settings.setting_name = 'email_max_length'
    ) || '}$)'
        || '(?=[^@]{1,' || (
        select settings.setting_value
        from __dbt__cte__normalization_settings as settings
        where settings.setting_name = 'email_local_part_max_length'
    ) || '}@)'
        || '[a-z0-9!#$%&''*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&''*+/=?^_`{|}~-]+)*'
        || '@' || (
        '(?=.{1,' || (
        select settings.setting_value
        from __dbt__cte__normalization_settings as settings
        where settings.setting_name = 'domain_max_length'
    ) || '}$)'
        || '(?:[[:alnum:]](?:[[:alnum:]-]{0,'
        || ((
        select settings.setting_value
        from __dbt__cte__normalization_settings as settings
        where settings.setting_name = 'domain_label_max_length'
    ) - 2)
        || '}[[:alnum:]])?\.)+'
        || '(?:[[:alpha:]]{2,' || (
        select settings.setting_value
        from __dbt__cte__normalization_settings as settings
        where settings.setting_name = 'domain_label_max_length'
    ) || '}'
        || '|xn--[a-z0-9-]{1,' || ((
        select settings.setting_value
        from __dbt__cte__normalization_settings as settings
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


  

) = any(array(select free_mail_domain from __dbt__cte__free_mail_domains))),
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
                        from __dbt__cte__phone_international_prefixes as prefixes
                    ),
                    '+'
                ),
                '^([0-9]{' || (
        select settings.setting_value
        from __dbt__cte__normalization_settings as settings
        where settings.setting_name = 'phone_national_number_digits'
    ) || '})$',
                coalesce('+' || 
    cast((
        select settings.setting_value
        from __dbt__cte__normalization_settings as settings
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
        from __dbt__cte__normalization_settings as settings
        where settings.setting_name = 'phone_min_digits'
    ) - 1)
        || ','
        || ((
        select settings.setting_value
        from __dbt__cte__normalization_settings as settings
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
                    from __dbt__cte__title_terms as terms
                    where terms.term_type <> 'small_word'
                ) ->> lower(replace(title_matches.token_parts[1], '.', '')) as term_replacement,
                lower(replace(title_matches.token_parts[1], '.', '')) = any(
                    array(
                        select terms.term
                        from __dbt__cte__title_terms as terms
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
  ) _dbt_internal_unit_test_actual
),
-- Build expected result
dbt_internal_unit_test_expected as (
  select
    "input_value", "normalized_value", 'expected' as "actual_or_expected"
  from (
    select 
    
    cast('ACME CORPORATION, INC.' as text)
 as "input_value", 
    
    cast('Acme Corporation, Inc' as text)
 as "normalized_value"
union all
select 
    
    cast('Mr. JOHN SMITH, Jr.' as text)
 as "input_value", 
    
    cast('Mr. John Smith, Jr' as text)
 as "normalized_value"
union all
select 
    
    cast('v.p. of hr operations' as text)
 as "input_value", 
    
    cast('V.P. Of Hr Operations' as text)
 as "normalized_value"
union all
select 
    
    cast('jsmith@gmail.com; John.Smith@acme.com' as text)
 as "input_value", 
    
    cast('jsmith@gmail.com' as text)
 as "normalized_value"
union all
select 
    
    cast('0044 20 7946 0958' as text)
 as "input_value", 
    
    cast(null as text)
 as "normalized_value"
union all
select 
    
    cast('(555) 123-4567' as text)
 as "input_value", 
    
    cast('+15551234567' as text)
 as "normalized_value"
  ) _dbt_internal_unit_test_expected
)
-- Union actual and expected results
select * from dbt_internal_unit_test_actual
union all
select * from dbt_internal_unit_test_expected