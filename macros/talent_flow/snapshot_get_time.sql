{#
    The time a snapshot stamps on the versions it writes (dbt_valid_from, dbt_valid_to,
    dbt_updated_at), overriding dbt's own through its dispatch: the `talent_flow_snapshot_date`
    var's date at 00:00 UTC when set, so replaying monthly deliveries in order dates every
    version by the delivery that showed it, not by the run; else the current time in UTC.
    Always `timestamp without time zone` in UTC, whatever the server's or session's timezone.
#}
{% macro postgres__snapshot_get_time() -%}
    {%- set snapshot_date = talent_flow_snapshot_date() -%}
    {%- if snapshot_date -%}
        cast('{{ snapshot_date }} 00:00:00' as timestamp without time zone)
    {%- else -%}
        cast(now() at time zone 'utc' as timestamp without time zone)
    {%- endif -%}
{%- endmacro %}

{% macro default__snapshot_get_time() -%}
    {%- set snapshot_date = talent_flow_snapshot_date() -%}
    {%- if snapshot_date -%}
        {{ dbt.cast(dbt.string_literal(snapshot_date ~ ' 00:00:00'), api.Column.translate_type('timestamp')) }}
    {%- else -%}
        {{ dbt.current_timestamp() }}
    {%- endif -%}
{%- endmacro %}
