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

{#
    The value of `column` in the rows this incremental model's last run wrote (those with the
    newest `stamp_column`), where every row carries the run's setting (an as_of day): the
    setting the table's rows are valid for, which the newest value is not when a run went back
    in time. Read when the model compiles, as a literal; a subquery in a unit test.
#}
{% macro last_run_value(column, stamp_column, data_type='timestamp', default='1900-01-01') -%}
    {%- set query = 'select ' ~ column ~ ' from ' ~ this ~ ' where ' ~ stamp_column
        ~ ' = (select max(' ~ stamp_column ~ ') from ' ~ this ~ ') limit 1' -%}
    {%- if can_query_at_compile_time() -%}
        {%- set result = run_query(query) -%}
        {%- set values = result.columns[0].values() -%}
        {%- set text = default if values | length == 0 or values[0] is none
            else values[0] | string -%}
        {{ return(typed_literal(text, data_type)) }}
    {%- else -%}
        {{ return('coalesce((' ~ query ~ '), ' ~ typed_literal(default, data_type) ~ ')') }}
    {%- endif -%}
{%- endmacro %}
