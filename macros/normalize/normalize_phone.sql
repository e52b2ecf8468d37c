{#
    Phone number -> E.164: "(555) 123-4567" -> "+15551234567".
    The extension (from the first letter or "#" after the number: "x204", "ext. 12") is dropped
    and so is all punctuation. A "+" before the first digit, or a leading international call
    prefix (seed phone_international_prefixes: 00, 011), means the digits start with the
    country code; exactly phone_national_number_digits digits (10) get the default country code;
    any other digit string is read as already carrying its country code ("1 555 123 4567").
    Null unless the result is "+", a non-zero digit, and phone_min_digits..phone_max_digits
    digits in all (8..15).

    default_country_code: a SQL expression (a literal such as 44, or a column for a per-row
    country); when omitted, the var normalize_phone_default_country_code, else the seed setting
    phone_default_country_code. A null country code leaves national numbers null.
#}
{% macro normalize_phone(expr, default_country_code=none) -%}
    {{ return(adapter.dispatch('normalize_phone')(expr, default_country_code)) }}
{%- endmacro %}

{% macro default__normalize_phone(expr, default_country_code=none) -%}
    {{ normalization_unsupported_adapter('normalize_phone') }}
{%- endmacro %}

{% macro postgres__normalize_phone(expr, default_country_code=none) -%}
    {%- set country_code_var = var('normalize_phone_default_country_code', none) -%}
    {%- if default_country_code is not none -%}
        {%- set country_code_sql = default_country_code -%}
    {%- elif country_code_var is not none -%}
        {%- if not modules.re.fullmatch('[1-9][0-9]{0,2}', country_code_var | string) -%}
            {{ exceptions.raise_compiler_error(
                "var normalize_phone_default_country_code must be a country calling code "
                ~ "(1 to 3 digits, not starting with 0), got '" ~ country_code_var ~ "'"
            ) }}
        {%- endif -%}
        {%- set country_code_sql = "'" ~ country_code_var ~ "'" -%}
    {%- else -%}
        {%- set country_code_sql = normalization_setting('phone_default_country_code') -%}
    {%- endif -%}
    (
        select
            case
                when
                    phone_e164.e164_digits ~ '^[1-9][0-9]*$'
                    and {{ dbt.length('phone_e164.e164_digits') }}
                    between {{ normalization_setting('phone_min_digits') }}
                    and {{ normalization_setting('phone_max_digits') }}
                    then '+' || phone_e164.e164_digits
            end
        from (
            select
                {#- the text up to the number's end: drops "x204", "ext. 12", "#3" #}
                substring(
                    {{ dbt.cast(expr, dbt.type_string()) }} from '^[^0-9]*[0-9][^[:alpha:]#]*'
                ) as number_text
            {#- offset 0 in each step keeps PostgreSQL from inlining a step's expression at every use #}
            offset 0
        ) as phone_text
        cross join lateral (
            select
                phone_text.number_text ~ '^[^0-9]*\+' as has_plus,
                regexp_replace(phone_text.number_text, '[^0-9]', '', 'g') as digits
            offset 0
        ) as phone_parsed
        cross join lateral (
            select
                regexp_replace(
                    phone_parsed.digits,
                    '^' || (
                        select
                            coalesce(
                                '(?:' || {{ dbt.listagg(
                                    normalization_regex_escape('prefixes.dialing_prefix'),
                                    "'|'",
                                    'order by ' ~ dbt.length('prefixes.dialing_prefix') ~ ' desc'
                                ) }} || ')',
                                {#- no prefixes: a pattern that never matches #}
                                'a^'
                            )
                        from {{ ref('phone_international_prefixes') }} as prefixes
                    ),
                    ''
                ) as digits_after_prefix
            offset 0
        ) as phone_prefix
        cross join lateral (
            select
                case
                    when phone_parsed.has_plus then phone_parsed.digits
                    when phone_prefix.digits_after_prefix <> phone_parsed.digits
                        then phone_prefix.digits_after_prefix
                    when {{ dbt.length('phone_parsed.digits') }}
                        = {{ normalization_setting('phone_national_number_digits') }}
                        then {{ dbt.cast(country_code_sql, dbt.type_string()) }} || phone_parsed.digits
                    else phone_parsed.digits
                end as e164_digits
            offset 0
        ) as phone_e164
    )
{%- endmacro %}
