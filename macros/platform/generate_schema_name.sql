{#
    Custom schemas are used as written (staging, core, marts, config), not prefixed with the
    target schema: one warehouse per database, and BI tools find `marts.contact_intent` where the
    docs say it is. See DECISIONS.md.
    The var `schema_suffix` sends a whole build to side schemas (`marts_<suffix>`): `revops
    backtest` builds a proposed scoring there next to the real one, `revops replay` a past day.
#}
{% macro generate_schema_name(custom_schema_name, node) -%}
    {%- set base = target.schema if custom_schema_name is none else custom_schema_name | trim -%}
    {%- set suffix = revops_var('schema_suffix') -%}
    {%- if suffix -%}
        {{ base }}_{{ suffix | lower }}
    {%- else -%}
        {{ base }}
    {%- endif -%}
{%- endmacro %}
