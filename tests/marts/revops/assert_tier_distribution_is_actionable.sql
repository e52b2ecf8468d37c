-- Guards: the tier distribution stays one a sales team can act on. Fails (as a warning) when
-- more than var bit_max_escalated_share (default 60%) of the contacts with any intent sit in
-- the top two tiers (hot and burning by default), as of the as_of day: a scoring change that
-- inflates everyone shows up here before it floods the SDR queue.
{{ config(severity='warn') }}

with

contact_intent as (
    select
        workspace_id,
        tier_rank,
        bit_score
    from {{ ref('contact_intent') }}
    where bit_score > 0
),

tier_thresholds as (
    select max(tier_rank) as top_tier_rank from {{ ref('tier_thresholds') }}
),

escalated_shares as (
    select
        contact_intent.workspace_id,
        count(*) as scored_contacts,
        sum(
            case when contact_intent.tier_rank >= tier_thresholds.top_tier_rank - 1 then 1 else 0 end
        ) as escalated_contacts
    from contact_intent
    cross join tier_thresholds
    group by contact_intent.workspace_id
),

unactionable as (
    select *
    from escalated_shares
    where escalated_contacts > {{ revops_var('bit_max_escalated_share') }} * scored_contacts
)

select * from unactionable
