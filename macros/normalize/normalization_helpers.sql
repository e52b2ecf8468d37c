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
    A regex alternation "(?:a|b|...)" (text expression) of the affixes in column `column` of
    `relation` (optionally filtered by the SQL condition `where`), for matching against a value
    that went through initcap(): each affix is initcap()-ed too and matched case-sensitively
    (an "i" flag would make PostgreSQL's regex engine several times slower). An affix is
    written lower-case with its conventional dots ("l.l.c.", "ph.d.", "sp. z o.o."); it
    matches with those dots and without any ("L.L.C", "Llc"); a trailing dot is left to the
    caller's separator class. Regex metacharacters in the seed match literally.
    reversed=true gives the alternation of the reversed affixes, to strip trailing affixes with
    a "^"-anchored regex on reverse(value) (anchored patterns fail fast; "$"-anchored ones make
    the engine try every start position).
    An empty seed gives a pattern that never matches, so nothing is stripped.
-#}
{% macro normalization_affix_regex(relation, column, where=none, reversed=false) -%}
    {{ return(adapter.dispatch('normalization_affix_regex')(relation, column, where, reversed)) }}
{%- endmacro %}

{% macro default__normalization_affix_regex(relation, column, where=none, reversed=false) -%}
    {{ normalization_unsupported_adapter('normalization_affix_regex') }}
{%- endmacro %}

{% macro postgres__normalization_affix_regex(relation, column, where=none, reversed=false) -%}
    {%- set affix_form = 'initcap(affix_forms.affix_form)' -%}
    {%- if reversed -%}
        {%- set affix_form = 'reverse(' ~ affix_form ~ ')' -%}
    {%- endif -%}
    coalesce(
        (
            select
                '(?:' || {{ dbt.listagg(
                    'affix_patterns.affix_regex',
                    "'|'",
                    'order by ' ~ dbt.length('affix_patterns.affix_regex') ~ ' desc, affix_patterns.affix_regex'
                ) }} || ')'
            from (
                select distinct
                    replace(
                        {{ normalization_regex_escape(affix_form) }},
                        ' ',
                        '[[:space:]]+'
                    ) as affix_regex
                from (
                    select btrim(regexp_replace(lower({{ column }}), '[[:space:]]+', ' ', 'g')) as affix
                    from {{ relation }}
                    {%- if where %}
                    where {{ where }}
                    {%- endif %}
                ) as affixes
                cross join lateral (
                    {#- as written (trailing dots off), and without any dot #}
                    select regexp_replace(affixes.affix, '\.+$', '') as affix_form
                    union all
                    select btrim(regexp_replace(replace(affixes.affix, '.', ''), ' +', ' ', 'g'))
                ) as affix_forms
                where affix_forms.affix_form ~ '[^[:space:]]'
            ) as affix_patterns
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
