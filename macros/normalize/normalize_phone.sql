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
    {% set country_code_sql = normalization_phone_country_code(default_country_code) %}
    {#
        Steps nest inside out (phone_input -> phone_text -> phone_parsed -> phone_prefix_stripped
        -> phone_e164). "offset 0" fences each step: without it PostgreSQL inlines a step's
        expression at every use, running its regexes several times per row.
    #}
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
                case
                    when phone_prefix_stripped.has_plus then phone_prefix_stripped.digits
                    when phone_prefix_stripped.digits_after_prefix <> phone_prefix_stripped.digits
                        then phone_prefix_stripped.digits_after_prefix
                    when {{ dbt.length('phone_prefix_stripped.digits') }}
                        = {{ normalization_setting('phone_national_number_digits') }}
                        then {{ country_code_sql }} || phone_prefix_stripped.digits
                    else phone_prefix_stripped.digits
                end as e164_digits
            from (
                select
                    phone_parsed.has_plus,
                    phone_parsed.digits,
                    {# an international call prefix (00, 011) stands for "+" #}
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
                                    {# no prefixes: a pattern that never matches #}
                                    'a^'
                                )
                            from {{ ref('phone_international_prefixes') }} as prefixes
                        ),
                        ''
                    ) as digits_after_prefix
                from (
                    select
                        {# a "+" before the first digit: the digits start with a country code #}
                        phone_text.number_text ~ '^[^0-9]*\+' as has_plus,
                        regexp_replace(phone_text.number_text, '[^0-9]', '', 'g') as digits
                    from (
                        select
                            {# the text up to the number's end: drops "x204", "ext. 12", "#3" #}
                            substring(phone_input.input_value from '^[^0-9]*[0-9][^[:alpha:]#]*') as number_text
                        from (select {{ dbt.cast(expr, dbt.type_string()) }} as input_value) as phone_input
                        offset 0 -- noqa: AM09
                    ) as phone_text
                    offset 0 -- noqa: AM09
                ) as phone_parsed
                offset 0 -- noqa: AM09
            ) as phone_prefix_stripped
            offset 0 -- noqa: AM09
        ) as phone_e164
    )
{%- endmacro %}
