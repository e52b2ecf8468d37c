{#
    Written at the end of a subquery that must be planned as written: PostgreSQL pulls a
    simple subquery up into the query around it (a lateral one becomes a plain join, free to be
    a hash or merge join over the whole table); `offset 0` stops that. Other adapters need
    nothing here.
#}
{% macro optimization_fence() -%}
    {{ return(adapter.dispatch('optimization_fence')()) }}
{%- endmacro %}

{% macro postgres__optimization_fence() -%}
    offset 0
{%- endmacro %}

{% macro default__optimization_fence() -%}
{%- endmacro %}
