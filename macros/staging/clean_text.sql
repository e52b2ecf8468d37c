{#
    Trim surrounding blanks; an empty or blank value becomes null. The first step for every raw
    text column, so "missing" has one spelling.
#}
{% macro clean_text(expr) -%}
    nullif(trim({{ expr }}), '')
{%- endmacro %}
