{#
    The as_of day of the last run of int_contact_scores (this model): the day of the rows it
    wrote last. Not the latest day of any row: a run for an earlier day rewrites only the
    contacts whose decay differs between the two days, and the rest keep the later day, which
    the next run would then take for its own and rescore nobody. A literal, read when the model
    compiles; where that query cannot run (a unit test), the latest day.
#}
{% macro bit_last_scored_as_of() -%}
    {%- if can_query_at_compile_time() -%}
        {%- set result = run_query(
            'select as_of_date from ' ~ this ~ ' order by scored_at desc limit 1'
        ) -%}
        {%- set rows = result.columns[0].values() -%}
        {%- if rows | length > 0 and rows[0] is not none -%}
            {{ return(typed_literal(rows[0] | string, 'date')) }}
        {%- endif -%}
    {%- endif -%}
    {{ return(incremental_watermark('as_of_date', 'date')) }}
{%- endmacro %}
