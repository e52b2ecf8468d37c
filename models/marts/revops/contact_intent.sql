-- One row per contact (workspace_id, person_id) as of the as_of day: BIT score, tier and the
-- action it calls for, the tier the day before, the last signal and the signal types that
-- contributed most (int_contact_scores), with who they are. Contacts without signals score 0
-- (cold).
with

dim_person as (
    select
        workspace_id,
        person_id,
        company_id,
        full_name,
        email,
        title
    from {{ ref('dim_person') }}
),

dim_company as (
    select
        workspace_id,
        company_id,
        company_name
    from {{ ref('dim_company') }}
),

int_contact_scores as (
    select
        workspace_id,
        person_id,
        bit_score,
        previous_bit_score,
        signal_count,
        counted_signal_count,
        top_signals,
        last_signal_type,
        last_signal_at
    from {{ ref('int_contact_scores') }}
),

-- the tiers twice, as two imports each read once: one CTE read twice is written out first,
-- and the planner then loops over every row once per tier instead of over the five tiers once
-- per row
tiers_today as (
    select
        tier,
        action,
        tier_rank,
        min_points,
        max_points
    from {{ ref('tier_thresholds') }}
),

tiers_yesterday as (
    select
        tier,
        tier_rank,
        min_points,
        max_points
    from {{ ref('tier_thresholds') }}
),

contacts_scored as (
    select
        dim_person.workspace_id,
        dim_person.person_id,
        dim_person.company_id,
        dim_person.full_name,
        dim_person.email,
        dim_person.title,
        dim_company.company_name,
        coalesce(scores.bit_score, 0) as bit_score,
        coalesce(scores.previous_bit_score, 0) as previous_bit_score,
        coalesce(scores.signal_count, 0) as signal_count,
        coalesce(scores.counted_signal_count, 0) as counted_signal_count,
        scores.top_signals,
        scores.last_signal_type,
        scores.last_signal_at
    from dim_person
    left join dim_company
        on
            dim_person.workspace_id = dim_company.workspace_id
            and dim_person.company_id = dim_company.company_id
    left join int_contact_scores as scores
        on
            dim_person.workspace_id = scores.workspace_id
            and dim_person.person_id = scores.person_id
),

contacts_tiered as (
    select
        contacts_scored.workspace_id,
        contacts_scored.person_id,
        contacts_scored.company_id,
        contacts_scored.full_name,
        contacts_scored.email,
        contacts_scored.title,
        contacts_scored.company_name,
        tiers_today.tier,
        tiers_today.action,
        tiers_yesterday.tier as previous_tier,
        contacts_scored.top_signals,
        contacts_scored.last_signal_type,
        cast(round(contacts_scored.bit_score, 2) as {{ dbt.type_numeric() }}) as bit_score,
        cast(
            round(contacts_scored.previous_bit_score, 2) as {{ dbt.type_numeric() }}
        ) as previous_bit_score,
        tiers_today.tier_rank,
        tiers_yesterday.tier_rank as previous_tier_rank,
        tiers_today.min_points as tier_min_points,
        contacts_scored.signal_count,
        contacts_scored.counted_signal_count,
        {{ bit_as_of_date() }} as as_of_date,
        contacts_scored.last_signal_at
    from contacts_scored
    inner join tiers_today
        on {{ points_in_tier('contacts_scored.bit_score', 'tiers_today') }}
    inner join tiers_yesterday
        on {{ points_in_tier('contacts_scored.previous_bit_score', 'tiers_yesterday') }}
)

select * from contacts_tiered
