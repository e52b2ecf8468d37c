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
    {% set local_part = dbt.split_part(email_expr, "'@'", 1) %}
    {% set domain_part = dbt.split_part(email_expr, "'@'", 2) %}
    (
        {{ email_expr }} ~ '^[a-z0-9!#$%&''*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&''*+/=?^_`{|}~-]+)*@[^@]+$'
        and {{ dbt.length(email_expr) }} <= {{ normalization_setting('email_max_length') }}
        and {{ dbt.length(local_part) }} <= {{ normalization_setting('email_local_part_max_length') }}
        and {{ normalization_is_plausible_host(domain_part) }}
    )
{%- endmacro %}
