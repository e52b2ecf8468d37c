{#
    A hook that refreshes the planner's statistics of a table: after the pipeline writes one,
    so the next model, run seconds later, plans its joins on real row counts rather than on an
    empty table's (autovacuum's analyze comes too late for a large fresh table); before an
    incremental base model reads the raw rows loaded since its last run.
    Postgres: ANALYZE, when the table is new or has grown by more than `growth_share` (var
    analyze_growth_share by default) since its last one. The planner scales the row count it
    read at that analyze by the table's pages now, so a daily increment of a few percent plans
    as well without one; sampling a 10M-row table again took up to 3 s of a 1% run. Adapters
    that keep statistics themselves: a no-op.
#}
{% macro analyze_relation(relation, growth_share=revops_var('analyze_growth_share')) -%}
    {{ return(adapter.dispatch('analyze_relation')(relation, growth_share)) }}
{%- endmacro %}

{% macro postgres__analyze_relation(relation, growth_share) -%}
    {%- set statement -%}
        do $$
        begin
            if (
                select
                    tables.reltuples < 0
                    or pg_relation_size(tables.oid)
                    > (1 + {{ growth_share }}) * tables.relpages
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

{% macro default__analyze_relation(relation, growth_share) -%}
    {{ return('select 1 as no_analyze') }}
{%- endmacro %}
