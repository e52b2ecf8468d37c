{#
    Building blocks shared by the normalize_* macros. Each returns a SQL expression (text).
    Seeds are read through ref() inside uncorrelated scalar subqueries, which PostgreSQL runs
    once per query (InitPlan), so a macro costs the same on 10 rows as per row on 10,000,000.
#}

{#-
    Raises a clear compile error where a macro has no implementation for the current adapter
    (the default__ branch of a macro that needs POSIX regular expressions).
-#}
{% macro normalization_unsupported_adapter(macro_name) -%}
    {{ exceptions.raise_compiler_error(
        macro_name ~ " has no implementation for adapter '" ~ adapter.type()
        ~ "': it needs POSIX regular expressions, which have no portable SQL form. Add a "
        ~ adapter.type() ~ "__" ~ macro_name ~ " macro (see macros/normalize/)."
    ) }}
{%- endmacro %}


{#- A value of the normalization_settings seed, as an integer scalar subquery. -#}
{% macro normalization_setting(setting_name) -%}
    {%- if not modules.re.fullmatch('[a-z0-9_]+', setting_name) -%}
        {{ exceptions.raise_compiler_error("normalization_setting: invalid setting name '" ~ setting_name ~ "'") }}
    {%- endif -%}
    (
        select settings.setting_value
        from {{ ref('normalization_settings') }} as settings
        where settings.setting_name = '{{ setting_name }}'
    )
{%- endmacro %}


{#- Escapes every character of a text expression that is special in a regular expression. -#}
{% macro normalization_regex_escape(expr) -%}
    {{ return(adapter.dispatch('normalization_regex_escape')(expr)) }}
{%- endmacro %}

{% macro default__normalization_regex_escape(expr) -%}
    {{ normalization_unsupported_adapter('normalization_regex_escape') }}
{%- endmacro %}

{% macro postgres__normalization_regex_escape(expr) -%}
    {#- In an ARE a backslash before any non-alphanumeric character makes it literal. -#}
    regexp_replace({{ expr }}, '([^[:alnum:][:space:]])', '\\\1', 'g')
{%- endmacro %}


{#-
    A regex alternation "(?:a|b|...)" of the affixes in column `column` of `relation`
    (optionally filtered by the SQL condition `where`). Affixes are written lower-case without
    dots in the seed ("llc", "phd", "sp z oo"); in the pattern a dot is optional between any two
    letters ("L.L.C", "Ph.D") and words match across "." and blanks ("Sp. z o.o").
    An empty seed gives a pattern that never matches, so nothing is stripped.
-#}
{% macro normalization_affix_regex(relation, column, where=none) -%}
    {{ return(adapter.dispatch('normalization_affix_regex')(relation, column, where)) }}
{%- endmacro %}

{% macro default__normalization_affix_regex(relation, column, where=none) -%}
    {{ normalization_unsupported_adapter('normalization_affix_regex') }}
{%- endmacro %}

{% macro postgres__normalization_affix_regex(relation, column, where=none) -%}
    coalesce(
        (
            select
                '(?:' || {{ dbt.listagg(
                    'affixes.affix_regex',
                    "'|'",
                    'order by ' ~ dbt.length('affixes.affix_regex') ~ ' desc, affixes.affix_regex'
                ) }} || ')'
            from (
                select
                    replace(
                        regexp_replace(
                            {{ normalization_regex_escape(
                                "btrim(regexp_replace(lower(replace(" ~ column ~ ", '.', '')), '[[:space:]]+', ' ', 'g'))"
                            ) }},
                            '([[:alnum:]])(?=[[:alnum:]])',
                            '\1\\.?',
                            'g'
                        ),
                        ' ',
                        '\.?[[:space:]]+'
                    ) as affix_regex
                from {{ relation }}
                {%- if where %}
                where {{ where }}
                {%- endif %}
            ) as affixes
            where affixes.affix_regex <> ''
        ),
        {#- 'a^' never matches: "a" cannot be followed by the start of the string. #}
        'a^'
    )
{%- endmacro %}


{#-
    Boolean expression: `host_expr` (lower-case, already stripped) is a plausible host name:
    two or more dot-separated labels of letters, digits and inner hyphens, the last one
    alphabetic (or an "xn--" IDN label); no label longer than domain_label_max_length and at
    most domain_max_length characters in all. The lengths are checked apart from the regex:
    bounded repetitions ({0,61}) make PostgreSQL's regex engine 20 times slower.
    `host_expr` is evaluated three times: pass a column or alias, not a long expression.
-#}
{% macro normalization_is_plausible_host(host_expr) -%}
    {{ return(adapter.dispatch('normalization_is_plausible_host')(host_expr)) }}
{%- endmacro %}

{% macro default__normalization_is_plausible_host(host_expr) -%}
    {{ normalization_unsupported_adapter('normalization_is_plausible_host') }}
{%- endmacro %}

{% macro postgres__normalization_is_plausible_host(host_expr) -%}
    (
        {{ host_expr }} ~ '^(?:[[:alnum:]](?:[[:alnum:]-]*[[:alnum:]])?\.)+(?:[[:alpha:]][[:alpha:]]+|xn--[a-z0-9-]+)$'
        and {{ dbt.length(host_expr) }} <= {{ normalization_setting('domain_max_length') }}
        and {{ host_expr }} !~ ('[^.]{' || ({{ normalization_setting('domain_label_max_length') }} + 1) || '}')
    )
{%- endmacro %}


{#-
    Boolean expression: `email_expr` (lower-case, already stripped) is a syntactically valid
    email address: an RFC 5322 dot-atom local part (ASCII) of at most
    email_local_part_max_length characters, "@", a plausible host name; at most
    email_max_length characters in all. `email_expr` is evaluated several times: pass a column
    or alias.
-#}
{% macro normalization_is_valid_email(email_expr) -%}
    {{ return(adapter.dispatch('normalization_is_valid_email')(email_expr)) }}
{%- endmacro %}

{% macro default__normalization_is_valid_email(email_expr) -%}
    {{ normalization_unsupported_adapter('normalization_is_valid_email') }}
{%- endmacro %}

{% macro postgres__normalization_is_valid_email(email_expr) -%}
    {%- set local_part = dbt.split_part(email_expr, "'@'", 1) -%}
    {%- set domain_part = dbt.split_part(email_expr, "'@'", 2) -%}
    (
        {{ email_expr }} ~ '^[a-z0-9!#$%&''*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&''*+/=?^_`{|}~-]+)*@[^@]+$'
        and {{ dbt.length(email_expr) }} <= {{ normalization_setting('email_max_length') }}
        and {{ dbt.length(local_part) }} <= {{ normalization_setting('email_local_part_max_length') }}
        and {{ normalization_is_plausible_host(domain_part) }}
    )
{%- endmacro %}
