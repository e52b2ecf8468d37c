-- One row per contact whose tier rose on the as_of day (workspace_id, person_id): the rise,
-- whether its action queues outreach (tier_thresholds.triggers_outreach), and whether the
-- contact has a fresh signal (within var bit_trigger_freshness_days of the day). A rise made of
-- history alone (a legacy backfill imported today, dated by its last activity) is no news to a
-- sales team: outreach_queue takes fresh rises only, and marts.outreach_audit counts the rest.
with

contact_intent as (
    select
        workspace_id,
        person_id,
        company_id,
        full_name,
        company_name,
        tier,
        action,
        previous_tier,
        top_signals,
        bit_score,
        tier_rank,
        previous_tier_rank,
        last_signal_at,
        as_of_date
    from {{ ref('contact_intent') }}
    where tier_rank > previous_tier_rank
),

tier_thresholds as (
    select
        action,
        triggers_outreach
    from {{ ref('tier_thresholds') }}
),

tier_rises as (
    select
        contact_intent.*,
        coalesce(tier_thresholds.triggers_outreach, false) as triggers_outreach,
        coalesce(
            contact_intent.last_signal_at >= {{ dbt.dateadd(
                'day', -1 * revops_var('bit_trigger_freshness_days'), 'contact_intent.as_of_date'
            ) }},
            false
        ) as has_fresh_signal
    from contact_intent
    left join tier_thresholds
        on contact_intent.action = tier_thresholds.action
)

select * from tier_rises
