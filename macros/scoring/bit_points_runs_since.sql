{#
    How many runs of int_bit_signal_points wrote rows after `since` (a timestamp SQL
    expression). The per-contact scores run after every points run; more than one since their
    own last run means one was missed, and who changed is no longer known. Decided when the
    model compiles, so a normal run's plan holds no branch for it. Where that query cannot run
    (can_query_at_compile_time), it counts one run.
#}
{% macro bit_points_runs_since(since) -%}
    {%- if can_query_at_compile_time() -%}
        {%- set result = run_query(
            'select count(distinct scored_at) from ' ~ ref('int_bit_signal_points')
            ~ ' where scored_at > ' ~ since
        ) -%}
        {{ return(result.columns[0].values()[0] | int) }}
    {%- else -%}
        {{ return(1) }}
    {%- endif -%}
{%- endmacro %}
