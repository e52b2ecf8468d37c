{#
    Custom schemas are used as written (staging, core, marts, config), not prefixed with the
    target schema: one warehouse per database, and BI tools find `marts.contact_intent` where the
    docs say it is. See DECISIONS.md.
#}
{% macro generate_schema_name(custom_schema_name, node) -%}
    {%- if custom_schema_name is none -%}
        {{ target.schema }}
    {%- else -%}
        {{ custom_schema_name | trim }}
    {%- endif -%}
{%- endmacro %}
