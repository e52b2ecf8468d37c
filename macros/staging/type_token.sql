{#
    A type name as a token: lower case, runs of blanks, '-' and '_' as one '_' ('EMAIL OPEN',
    'Email-Open' -> 'email_open'); null when the text is no token (empty, longer than 64
    characters, or holding anything but letters, digits and those separators: control
    characters, punctuation). Seeds then map spelling variants a token does not fold.
#}
{% macro type_token(expr) -%}
    {{ return(adapter.dispatch('type_token', 'revops')(expr)) }}
{%- endmacro %}

{% macro postgres__type_token(expr) -%}
    case
        when {{ expr }} ~ '^[[:alnum:][:space:]_-]{1,64}$'
            then nullif(
                trim(both '_' from lower(regexp_replace({{ expr }}, '[[:space:]_-]+', '_', 'g'))),
                ''
            )
    end
{%- endmacro %}

{% macro default__type_token(expr) -%}
    case
        when length({{ expr }}) <= 64
            then nullif(lower(replace(replace(trim({{ expr }}), ' ', '_'), '-', '_')), '')
    end
{%- endmacro %}
