-- Guards the marts' code: no text a BI tool reads or exports from a mart starts as a
-- spreadsheet formula (=, +, -, @, tab, carriage return); spreadsheet_safe() neutralizes user
-- values there. Every text column of every mart, found in the database when the test runs, so
-- a new mart or column is covered without being listed. Threshold: no such value.
-- depends_on: {{ ref('contact_intent') }}, {{ ref('account_intent') }}
-- depends_on: {{ ref('outreach_queue') }}, {{ ref('meeting_queue') }}
-- depends_on: {{ ref('talent_flow_feed') }}, {{ ref('contradictions') }}
-- depends_on: {{ ref('missing_parts') }}, {{ ref('load_audit') }}
{%- set checks = [] %}
{%- if execute %}
    {%- for node in graph.nodes.values()
        if node.resource_type == 'model' and node.fqn[1] == 'marts' %}
        {%- set relation = adapter.get_relation(node.database, node.schema, node.alias) %}
        {%- if relation is not none %}
            {%- for column in adapter.get_columns_in_relation(relation)
                if column.is_string() %}
                {%- do checks.append((relation, node.name, column.name)) %}
            {%- endfor %}
        {%- endif %}
    {%- endfor %}
{%- endif %}

with

formula_values as (
    {%- for relation, mart, column in checks %}
        select
            '{{ mart }}' as mart,
            '{{ column }}' as column_name,
            {{ column }} as column_value
        from {{ relation }}
        where {{ column }} <> {{ spreadsheet_safe(column) }}
        {{- "\n        union all" if not loop.last }}
    {%- else %}
        select
            cast(null as {{ dbt.type_string() }}) as mart,
            cast(null as {{ dbt.type_string() }}) as column_name,
            cast(null as {{ dbt.type_string() }}) as column_value
        where 1 = 0
    {%- endfor %}
)

select * from formula_values
