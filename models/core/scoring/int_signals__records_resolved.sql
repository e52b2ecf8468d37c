-- One row per signal that comes from a record rather than an event (workspace_id, signal_id):
-- legacy baselines and roles, resolved through their person record, and talent-flow
-- movements, which arrive keyed to the golden person and account. Null ids: resolves to nobody.
-- Incremental: these signals are few, so each run resolves them all, but it rewrites only the
-- ones that are new or changed, plus the ones that vanished (kept as withdrawn, with null
-- ids), stamped resolved_at, so scoring downstream recomputes only the people they touch.
{{ config(
    materialized='incremental',
    unique_key='signal_id',
    incremental_strategy='delete+insert',
    on_schema_change='fail',
    indexes=[
        {'columns': ['signal_id'], 'unique': true},
        {'columns': ['resolved_at']},
        {'columns': ['person_id', 'workspace_id', 'occurred_at']},
    ],
) }}

with

int_signals__baselines as (
    select * from {{ ref('int_signals__baselines') }}
),

int_signals__roles as (
    select * from {{ ref('int_signals__roles') }}
),

int_signals__movements as (
    select
        signal_id,
        workspace_id,
        person_id,
        company_id,
        origin_record_id,
        signal_origin,
        signal_type,
        signal_source,
        signal_value,
        occurred_at
    from {{ ref('int_signals__movements') }}
),

int_person_records_resolved as (
    select
        workspace_id,
        person_record_id,
        person_id,
        company_id
    from {{ ref('int_person_records_resolved') }}
),

record_signals as (
    select
        signal_id,
        workspace_id,
        origin_record_id,
        'backfill_baseline' as signal_origin,
        signal_type,
        signal_source,
        person_record_id,
        signal_value,
        occurred_at
    from int_signals__baselines
    union all
    select
        signal_id,
        workspace_id,
        origin_record_id,
        'role' as signal_origin,
        signal_type,
        signal_source,
        person_record_id,
        signal_value,
        occurred_at
    from int_signals__roles
),

signals_resolved as (
    select
        signals.signal_id,
        signals.workspace_id,
        records.person_id,
        records.company_id,
        signals.origin_record_id,
        signals.signal_origin,
        signals.signal_type,
        signals.signal_source,
        signals.signal_value,
        signals.occurred_at
    from record_signals as signals
    left join int_person_records_resolved as records
        on
            signals.workspace_id = records.workspace_id
            and signals.person_record_id = records.person_record_id
    union all
    select * from int_signals__movements
),

{% if is_incremental() %}
    signals_changed as (
        select
            coalesce(fresh.signal_id, previous.signal_id) as signal_id,
            coalesce(fresh.workspace_id, previous.workspace_id) as workspace_id,
            fresh.person_id,
            fresh.company_id,
            coalesce(fresh.origin_record_id, previous.origin_record_id) as origin_record_id,
            coalesce(fresh.signal_origin, previous.signal_origin) as signal_origin,
            coalesce(fresh.signal_type, previous.signal_type) as signal_type,
            coalesce(fresh.signal_source, previous.signal_source) as signal_source,
            coalesce(fresh.signal_value, previous.signal_value) as signal_value,
            coalesce(fresh.occurred_at, previous.occurred_at) as occurred_at,
            fresh.signal_id is null as is_withdrawn
        from signals_resolved as fresh
        full outer join {{ this }} as previous
            on fresh.signal_id = previous.signal_id
        where
            previous.signal_id is null
            or (fresh.signal_id is null and not previous.is_withdrawn)
            or (
                fresh.signal_id is not null
                and (
                    previous.is_withdrawn
                    {% for column in [
                        'person_id', 'company_id', 'signal_type', 'signal_source',
                        'signal_value', 'occurred_at',
                    ] %}
                        or {{ values_differ('fresh.' ~ column, 'previous.' ~ column) }}
                    {% endfor %}
                )
            )
    ),
{% else %}
    signals_changed as (
        select
            *,
            false as is_withdrawn
        from signals_resolved
    ),
{% endif %}

signals_stamped as (
    select
        signal_id,
        workspace_id,
        person_id,
        company_id,
        origin_record_id,
        signal_origin,
        signal_type,
        signal_source,
        signal_value,
        occurred_at,
        is_withdrawn,
        {{ run_started_timestamp() }} as resolved_at
    from signals_changed
)

select * from signals_stamped
