{#
    Compile-time questions an incremental model asks of a table whose rows carry the time of
    the run that wrote them (a run stamp: resolved_at, scored_at, refreshed_at). Read when the
    model compiles, so a normal run's plan holds no branch for the answer. Where the query
    cannot run then (a unit test: can_query_at_compile_time), the answer is the ordinary case:
    one run, not rewritten whole.
#}

{# How many runs wrote rows of `relation` after `since` (a timestamp SQL expression). #}
{% macro runs_since(relation, stamp_column, since) -%}
    {%- if can_query_at_compile_time() -%}
        {%- set result = run_query(
            'select count(distinct ' ~ stamp_column ~ ') from ' ~ relation
            ~ ' where ' ~ stamp_column ~ ' > ' ~ since
        ) -%}
        {{ return(result.columns[0].values()[0] | int) }}
    {%- else -%}
        {{ return(1) }}
    {%- endif -%}
{%- endmacro %}

{#
    Whether every row of `relation` was written after `since`: it was rebuilt whole (a full
    refresh), and rows it no longer has left no trace of a change. An empty table counts as
    rebuilt.
#}
{% macro rewritten_whole_since(relation, stamp_column, since) -%}
    {%- if can_query_at_compile_time() -%}
        {%- set result = run_query(
            'select coalesce(min(' ~ stamp_column ~ ') > ' ~ since ~ ', true) from ' ~ relation
        ) -%}
        {{ return(result.columns[0].values()[0]) }}
    {%- else -%}
        {{ return(false) }}
    {%- endif -%}
{%- endmacro %}
