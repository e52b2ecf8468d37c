{#
    The people delivery the talent-flow snapshot takes, from the `talent_flow_snapshot_date`
    var: its YYYY-MM-DD text, or none when the var is unset (each workspace's latest delivery).
    Anything but a calendar date fails compilation, so a typo never snapshots the wrong month.
#}
{% macro talent_flow_snapshot_date() -%}
    {%- set value = talent_flow_var('talent_flow_snapshot_date') -%}
    {%- if value is none or value | string | trim in ['', 'none', 'null', 'None'] -%}
        {{ return(none) }}
    {%- endif -%}
    {%- set text = value | string | trim -%}
    {%- if not modules.re.match('^[0-9]{4}-[0-9]{2}-[0-9]{2}$', text) -%}
        {{ exceptions.raise_compiler_error(
            "var talent_flow_snapshot_date must be a date (YYYY-MM-DD), got '" ~ text ~ "'"
        ) }}
    {%- endif -%}
    {%- do modules.datetime.datetime.strptime(text, '%Y-%m-%d') -%}
    {{ return(text) }}
{%- endmacro %}
