{#
    The newest value of `column` in this incremental model's own table, for "what changed since
    my last run" filters. Read when the model compiles and written into the SQL as a literal,
    so the planner sees how few rows lie past it and picks index scans; a subquery there would
    be planned as an unknown value (a third of the table). Where it cannot be read then (a unit
    test: can_query_at_compile_time), it stays a subquery.
    `data_type` is the column's type ('timestamp', 'date', 'bigint'); an empty table gives
    `default`.
#}
{% macro incremental_watermark(column, data_type='timestamp', default='1900-01-01') -%}
    {%- if can_query_at_compile_time() -%}
        {%- set result = run_query('select max(' ~ column ~ ') from ' ~ this) -%}
        {%- set value = result.columns[0].values()[0] -%}
        {%- set text = default if value is none else value | string -%}
        {{ return(typed_literal(text, data_type)) }}
    {%- else -%}
        {{ return(
            '(select coalesce(max(' ~ column ~ '), '
            ~ typed_literal(default, data_type) ~ ') from ' ~ this ~ ')'
        ) }}
    {%- endif -%}
{%- endmacro %}
