{#
    A post-hook that refreshes the planner's statistics of a table the pipeline has just
    written, so the next model, run seconds later, plans its joins on real row counts rather
    than on an empty table's (autovacuum's analyze comes too late for a large fresh table).
    Postgres: ANALYZE; adapters that keep statistics themselves: a no-op.
#}
{% macro analyze_relation(relation) -%}
    {{ return(adapter.dispatch('analyze_relation')(relation)) }}
{%- endmacro %}

{% macro postgres__analyze_relation(relation) -%}
    {{ return('analyze ' ~ relation) }}
{%- endmacro %}

{% macro default__analyze_relation(relation) -%}
    {{ return('select 1 as no_analyze') }}
{%- endmacro %}
