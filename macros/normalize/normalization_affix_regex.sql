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
    {% set affix_form = 'initcap(affix_forms.affix_form)' %}
    {% if reversed %}
        {% set affix_form = 'reverse(' ~ affix_form ~ ')' %}
    {% endif %}
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
                    where {{ where or 'true' }}
                ) as affixes
                cross join lateral (
                    {# as written (trailing dots off), and without any dot #}
                    select regexp_replace(affixes.affix, '\.+$', '') as affix_form
                    union all
                    select btrim(regexp_replace(replace(affixes.affix, '.', ''), ' +', ' ', 'g'))
                ) as affix_forms
                where affix_forms.affix_form ~ '[^[:space:]]'
            ) as affix_patterns
        ),
        {# 'a^' never matches: "a" cannot be followed by the start of the string. #}
        'a^'
    )
{%- endmacro %}
