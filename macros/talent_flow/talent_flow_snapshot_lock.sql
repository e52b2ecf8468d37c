{#
    A snapshot pre-hook that serializes concurrent runs of one snapshot: it takes a lock held
    until the snapshot's transaction ends, so a second run waits, then sees the first run's
    versions and writes only what is still new. `lock_name` names the lock (one per snapshot).
    Postgres: a transaction-level advisory lock; adapters without one run unserialized.
#}
{% macro talent_flow_snapshot_lock(lock_name) -%}
    {{ return(adapter.dispatch('talent_flow_snapshot_lock')(lock_name)) }}
{%- endmacro %}

{% macro postgres__talent_flow_snapshot_lock(lock_name) -%}
    {{ return("select pg_advisory_xact_lock(hashtext('" ~ lock_name ~ "'))") }}
{%- endmacro %}

{% macro default__talent_flow_snapshot_lock(lock_name) -%}
    {{ return("select 1 as no_lock") }}
{%- endmacro %}
