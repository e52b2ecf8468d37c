{#
    Company name -> display form: "ACME CORPORATION, INC." -> "Acme".
    Whitespace collapsed, title-cased ("Mcdonald's", not "Mcdonald'S"), leading punctuation
    trimmed, then the trailing run of legal suffixes (seed legal_suffixes; "Corporation, Inc.",
    "GmbH & Co. KG", "L.L.C.") and the punctuation around them stripped in one pass.
    Null when no letter or digit is left. A suffix is only stripped after a separator, so a
    name that is nothing but a suffix ("Inc") is kept.
    No Unicode normalization here: NFC composition does not commute with initcap ("i" + U+0307
    becomes "I" + U+0307, which composes to one letter on a second pass), so it would break
    idempotence; decomposed input is title-cased as it comes.
#}
{% macro normalize_company_name(expr) -%}
    {{ return(adapter.dispatch('normalize_company_name')(expr)) }}
{%- endmacro %}

{% macro default__normalize_company_name(expr) -%}
    {{ normalization_unsupported_adapter('normalize_company_name') }}
{%- endmacro %}

{% macro postgres__normalize_company_name(expr) -%}
    {# separators around legal suffixes: blanks , ; . & #}
    {% set separator = '[[:space:],;.&]' %}
    substring(
        {# trailing suffixes: a "^"-anchored regex on the reversed name (fails fast) #}
        reverse(
            regexp_replace(
                reverse(
                    regexp_replace(
                        regexp_replace(
                            initcap(btrim(regexp_replace({{ dbt.cast(expr, dbt.type_string()) }}, '[[:space:]]+', ' ', 'g'))),
                            '([''’])S\M',
                            '\1s',
                            'g'
                        ),
                        '^{{ separator }}+',
                        ''
                    )
                ),
                '^{{ separator }}*(?:'
                || {{ normalization_affix_regex(ref('legal_suffixes'), 'legal_suffix', reversed=true) }}
                || '{{ separator }}+)*',
                ''
            )
        )
        from '^.*[[:alnum:]].*$'
    )
{%- endmacro %}
