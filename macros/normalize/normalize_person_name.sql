{#
    Person name -> display form: "Mr. JOHN SMITH, Jr." -> "John Smith".
    Whitespace collapsed, title-cased (initcap keeps "O'Brien" and "Mary-Jane" right, and
    "José", "Zoë", "李伟"), then leading honorifics and trailing generational, academic and
    professional suffixes (seed person_name_affixes), with or without dots, and the commas and
    blanks around them stripped. Null when no letter is left.
    No Unicode normalization (see normalize_company_name): decomposed accents ("e" + U+0301)
    are title-cased as they come.
#}
{% macro normalize_person_name(expr) -%}
    {{ return(adapter.dispatch('normalize_person_name')(expr)) }}
{%- endmacro %}

{% macro default__normalize_person_name(expr) -%}
    {{ normalization_unsupported_adapter('normalize_person_name') }}
{%- endmacro %}

{% macro postgres__normalize_person_name(expr) -%}
    {# separators around honorifics and suffixes: blanks , . #}
    {% set separator = '[[:space:],.]' %}
    substring(
        {# trailing suffixes: a "^"-anchored regex on the reversed name (fails fast) #}
        reverse(
            regexp_replace(
                reverse(
                    {# leading honorifics #}
                    regexp_replace(
                        initcap(btrim(regexp_replace({{ dbt.cast(expr, dbt.type_string()) }}, '[[:space:]]+', ' ', 'g'))),
                        '^{{ separator }}*(?:'
                        || {{ normalization_affix_regex(ref('person_name_affixes'), 'affix', "affix_position = 'prefix'") }}
                        || '(?:{{ separator }}+|$))*',
                        ''
                    )
                ),
                '^{{ separator }}*(?:'
                || {{ normalization_affix_regex(ref('person_name_affixes'), 'affix', "affix_position = 'suffix'", reversed=true) }}
                || '{{ separator }}+)*',
                ''
            )
        )
        from '^.*[[:alpha:]].*$'
    )
{%- endmacro %}
