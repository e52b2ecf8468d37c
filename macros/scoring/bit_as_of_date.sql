{#
    The day scores are computed for: the `as_of` var (YYYY-MM-DD) when set, else the run date.
    Every score, decay age and trigger is relative to it, so a past day replays exactly.
#}
{% macro bit_as_of_date() -%}
    {%- if var('as_of') -%}
        cast('{{ var("as_of") }}' as date)
    {%- else -%}
        cast({{ dbt.current_timestamp() }} as date)
    {%- endif -%}
{%- endmacro %}
