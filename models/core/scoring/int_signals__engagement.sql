-- One row per accepted engagement event that is a buying signal (its event type maps to a
-- signal type; an unknown type is its own signal type, scored at the fallback weight and
-- flagged): the signal as the feed named it (CRM person id or email). A view: accepted
-- events never change (the base table rejects a repeat of an event id), so a table would only
-- copy them; the resolution reads the raw rows loaded since its last run through it, on the
-- base table's raw_row_id index.
{{ config(materialized='view') }}

with

stg_engagement__events as (
    select
        workspace_id,
        event_id,
        event_type,
        is_unknown_event_type,
        crm_person_id,
        person_email,
        source_system,
        occurred_at,
        raw_row_id,
        loaded_at
    from {{ ref('stg_engagement__events') }}
),

event_types as (
    select
        event_type,
        signal_type
    from {{ ref('event_types') }}
),

signals as (
    select
        events.workspace_id || ':event:' || events.event_id as signal_id,
        events.workspace_id,
        events.event_id as origin_record_id,
        case
            when events.is_unknown_event_type then events.event_type else event_types.signal_type
        end as signal_type,
        coalesce(events.source_system, 'crm') as signal_source,
        events.crm_person_id,
        events.person_email,
        cast(1 as numeric) as signal_value,
        events.occurred_at,
        events.raw_row_id,
        events.loaded_at
    from stg_engagement__events as events
    left join event_types
        on events.event_type = event_types.event_type
    where events.is_unknown_event_type or event_types.signal_type is not null
)

select * from signals
