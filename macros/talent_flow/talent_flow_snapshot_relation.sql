{#
    The relation of the snapshot named `snapshot_name`, looked up in the graph rather than
    through ref(), so a test on the snapshot's input model can read the snapshot without
    becoming its child (dbt build then runs the test before the snapshot and skips the
    snapshot when the test fails). None at parse time or before the snapshot's first run.
#}
{% macro talent_flow_snapshot_relation(snapshot_name) -%}
    {%- if not execute -%}
        {{ return(none) }}
    {%- endif -%}
    {%- for node in graph.nodes.values() -%}
        {%- if node.resource_type == 'snapshot' and node.name == snapshot_name -%}
            {{ return(adapter.get_relation(
                database=node.database,
                schema=node.schema,
                identifier=node.alias or node.name,
            )) }}
        {%- endif -%}
    {%- endfor -%}
    {{ exceptions.raise_compiler_error("no snapshot named '" ~ snapshot_name ~ "'") }}
{%- endmacro %}
