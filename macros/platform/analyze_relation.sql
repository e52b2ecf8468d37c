{#
    A post-hook that refreshes the planner's statistics of a table the pipeline has just
    written, so the next model, run seconds later, plans its joins on real row counts rather
    than on an empty table's (autovacuum's analyze comes too late for a large fresh table).
    Postgres: ANALYZE, when the table is new or has grown by more than
    var('analyze_growth_share') since its last one. The planner scales the row count it read
    at that analyze by the table's pages now, so a daily increment of a few percent plans as
    well without one; sampling a 10M-row table again took up to 3 s of a 1% run. Adapters that keep
    statistics themselves: a no-op.
#}
{% macro analyze_relation(relation) -%}
    {{ return(adapter.dispatch('analyze_relation')(relation)) }}
{%- endmacro %}

{% macro postgres__analyze_relation(relation) -%}
    {%- set statement -%}
        do $$
        begin
            if (
                select
                    tables.reltuples < 0
                    or pg_relation_size(tables.oid)
                    > (1 + {{ var('analyze_growth_share') }}) * tables.relpages
                    * current_setting('block_size')::int
                from pg_class as tables
                where tables.oid = '{{ relation }}'::regclass
            ) then
                analyze {{ relation }};
            end if;
        end
        $$
    {%- endset %}
    {{ return(statement) }}
{%- endmacro %}

{% macro default__analyze_relation(relation) -%}
    {{ return('select 1 as no_analyze') }}
{%- endmacro %}
