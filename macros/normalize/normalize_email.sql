{#
    Email field -> one lower-case address:
    "John.Smith@acme.com; jsmith@gmail.com" -> "john.smith@acme.com".
    Unicode NFC-composed and lower-cased; splits on ; , and blanks; strips "mailto:", angle
    brackets, quotes and brackets around each token; keeps the syntactically valid addresses
    (see normalization_is_valid_email); returns the first corporate one, else the first
    free-mail one (seed free_mail_domains), else null.
#}
{% macro normalize_email(expr) -%}
    {{ return(adapter.dispatch('normalize_email')(expr)) }}
{%- endmacro %}

{% macro default__normalize_email(expr) -%}
    {{ normalization_unsupported_adapter('normalize_email') }}
{%- endmacro %}

{% macro postgres__normalize_email(expr) -%}
    (
        select email_candidates.email_address
        from
            regexp_split_to_table(
                lower(normalize({{ dbt.cast(expr, dbt.type_string()) }}, nfc)), '[;,[:space:]]+'
            ) with ordinality as email_tokens (email_token, token_number)
        cross join lateral (
            select
                regexp_replace(
                    regexp_replace(email_token_input.email_token, '^[[<("'']*(?:mailto:)?[[<("'']*', ''),
                    '[]>)"''.]*$',
                    ''
                ) as email_address
            from (select email_tokens.email_token) as email_token_input
            {# offset 0 keeps PostgreSQL from inlining email_address (and its regexes) 6 times #}
            offset 0 -- noqa: AM09
        ) as email_candidates
        where {{ normalization_is_valid_email('email_candidates.email_address') }}
        order by
            {{ is_free_mail_domain(dbt.split_part('email_candidates.email_address', "'@'", 2)) }},
            email_tokens.token_number
        limit 1
    )
{%- endmacro %}
