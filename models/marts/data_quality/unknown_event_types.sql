-- One row per event type a feed sent that the event_types seed does not know (workspace_id,
-- event_type), by volume: such events are kept and scored at the fallback weight, flagged, so
-- someone can add the type (or an alias of a known one) to the seeds.
with

stg_engagement__events as (
    select
        workspace_id,
        event_type,
        coalesce(crm_person_id, person_email) as person_key,
        occurred_at,
        loaded_at
    from {{ ref('stg_engagement__events') }}
    where is_unknown_event_type
),

unknown_types as (
    select
        workspace_id,
        event_type,
        count(*) as events,
        count(distinct person_key) as people,
        min(occurred_at) as first_occurred_at,
        max(occurred_at) as last_occurred_at,
        max(loaded_at) as last_loaded_at
    from stg_engagement__events
    group by workspace_id, event_type
)

select * from unknown_types
