{#
    Domain, URL or email address -> bare lower-case host name:
    "https://www.Acme.com/about" -> "acme.com", "John@Acme.com" -> "acme.com".
    Unicode NFC-composed (a decomposed "ü" is one letter) and lower-cased; strips blanks,
    scheme (or "//", "mailto:"), path, query and fragment, userinfo (so an email gives its
    domain), port, leading "www." (repeatedly) and trailing dots. Null unless what is left is a
    plausible host name (see normalization_is_plausible_host): IP addresses, single
    labels and anything with blanks or odd characters are rejected.
#}
{% macro normalize_domain(expr) -%}
    {{ return(adapter.dispatch('normalize_domain')(expr)) }}
{%- endmacro %}

{% macro default__normalize_domain(expr) -%}
    {{ normalization_unsupported_adapter('normalize_domain') }}
{%- endmacro %}

{% macro postgres__normalize_domain(expr) -%}
    (
        select
            case
                when {{ normalization_is_plausible_host('domain_stripped.host_name') }}
                    then domain_stripped.host_name
            end
        from (
            select
                regexp_replace(
                    regexp_replace(
                        regexp_replace(
                            regexp_replace(
                                regexp_replace(
                                    regexp_replace(
                                        regexp_replace(
                                            lower(normalize(domain_input.input_value, nfc)),
                                            '^[[:space:]]+|[[:space:]]+$', '', 'g'
                                        ),
                                        {# scheme #}
                                        '^(?:[a-z][a-z0-9+.-]*://|//|mailto:)', ''
                                    ),
                                    {# path, query, fragment #}
                                    '[/?#].*$', ''
                                ),
                                {# userinfo, or the local part of an email #}
                                '^.*@', ''
                            ),
                            {# port #}
                            ':[0-9]*$', ''
                        ),
                        '^(?:www\.)+', ''
                    ),
                    '\.+$', ''
                ) as host_name
            from (select {{ dbt.cast(expr, dbt.type_string()) }} as input_value) as domain_input
            {# offset 0 keeps PostgreSQL from inlining host_name (and its regexes) 3 times #}
            offset 0 -- noqa: AM09
        ) as domain_stripped
    )
{%- endmacro %}
