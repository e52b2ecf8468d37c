-- One row per workspace and as_of day (workspace_id, as_of_date): the day's tier rises and what
-- became of them. A rise into a tier that queues outreach is queued (outreach_queue), held back
-- as stale history (no signal within var bit_trigger_freshness_days: a backfill imported that
-- day), or held back by the cooldown (the contact triggered the same or a stronger action
-- lately). Incremental: each run writes its day, a rerun of the day replaces it.
{{ config(
    materialized='incremental',
    unique_key=['workspace_id', 'as_of_date'],
    incremental_strategy='delete+insert',
    on_schema_change='fail',
) }}

with

int_tier_rises as (
    select
        workspace_id,
        triggers_outreach,
        has_fresh_signal
    from {{ ref('int_tier_rises') }}
),

outreach_queue as (
    select
        workspace_id,
        trigger_id
    from {{ ref('outreach_queue') }}
    where as_of_date = {{ bit_as_of_date() }}
),

workspaces as (
    select distinct workspace_id from {{ ref('contact_intent') }}
),

rises as (
    select
        workspace_id,
        count(*) as tier_rises,
        sum(case when triggers_outreach then 1 else 0 end) as outreach_rises,
        sum(
            case when triggers_outreach and not has_fresh_signal then 1 else 0 end
        ) as held_stale_history,
        sum(case when triggers_outreach and has_fresh_signal then 1 else 0 end) as fresh_rises
    from int_tier_rises
    group by workspace_id
),

queued as (
    select
        workspace_id,
        count(*) as queued
    from outreach_queue
    group by workspace_id
),

audit as (
    select
        workspaces.workspace_id,
        {{ bit_as_of_date() }} as as_of_date,
        cast(coalesce(rises.tier_rises, 0) as {{ dbt.type_bigint() }}) as tier_rises,
        cast(coalesce(rises.outreach_rises, 0) as {{ dbt.type_bigint() }}) as outreach_rises,
        cast(coalesce(queued.queued, 0) as {{ dbt.type_bigint() }}) as queued,
        cast(
            coalesce(rises.held_stale_history, 0) as {{ dbt.type_bigint() }}
        ) as held_stale_history,
        cast(
            coalesce(rises.fresh_rises, 0) - coalesce(queued.queued, 0) as {{ dbt.type_bigint() }}
        ) as held_cooldown
    from workspaces
    left join rises
        on workspaces.workspace_id = rises.workspace_id
    left join queued
        on workspaces.workspace_id = queued.workspace_id
)

select * from audit
