{#- Escapes every character of a text expression that is special in a regular expression. -#}
{% macro normalization_regex_escape(expr) -%}
    {{ return(adapter.dispatch('normalization_regex_escape')(expr)) }}
{%- endmacro %}

{% macro default__normalization_regex_escape(expr) -%}
    {{ normalization_unsupported_adapter('normalization_regex_escape') }}
{%- endmacro %}

{% macro postgres__normalization_regex_escape(expr) -%}
    {# In an ARE a backslash before any non-alphanumeric character makes it literal. #}
    regexp_replace({{ expr }}, '([^[:alnum:][:space:]])', '\\\1', 'g')
{%- endmacro %}
