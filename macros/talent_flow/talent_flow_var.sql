{#
    A talent-flow var: its value from dbt_project.yml (where each is documented with its unit)
    or --vars; the default below only while a project has not declared it, so the talent-flow
    models compile in a project that has not yet taken the vars. Change values in
    dbt_project.yml, not here.
#}
{% macro talent_flow_var(name) -%}
    {%- set defaults = {
        'talent_flow_snapshot_date': none,
        'talent_flow_min_input_share': 0.5,
        'talent_flow_cooldown_hours': 168,
        'talent_flow_monthly_movement_cap': 2,
        'talent_flow_reversal_window_days': 35,
    } -%}
    {%- if name not in defaults -%}
        {{ exceptions.raise_compiler_error("unknown talent-flow var '" ~ name ~ "'") }}
    {%- endif -%}
    {{ return(var(name, defaults[name])) }}
{%- endmacro %}
