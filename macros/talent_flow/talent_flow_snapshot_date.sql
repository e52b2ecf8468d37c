{#
    The people delivery the talent-flow snapshot takes, from the `talent_flow_snapshot_date`
    var: its YYYY-MM-DD text, or none when the var is unset (each workspace's latest delivery).
    Anything but a calendar date fails compilation (revops_var), so a typo never snapshots the
    wrong month.
#}
{% macro talent_flow_snapshot_date() -%}
    {%- set value = revops_var('talent_flow_snapshot_date') -%}
    {{ return(none if value is none else value | string | trim) }}
{%- endmacro %}
