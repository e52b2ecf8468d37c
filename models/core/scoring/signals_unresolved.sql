-- One row per signal that resolves to no golden person (an event naming an unknown CRM id or
-- email): kept here, not dropped, so the gap is visible and counted.
with

int_signals_resolved as (
    select
        signal_id,
        workspace_id,
        origin_record_id,
        signal_origin,
        signal_type,
        signal_source,
        occurred_at
    from {{ ref('int_signals_resolved') }}
    where person_id is null
)

select * from int_signals_resolved
