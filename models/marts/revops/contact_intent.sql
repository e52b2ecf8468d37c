-- One row per contact (workspace_id, person_id) as of the as_of day: BIT score, tier and the
-- action it calls for, the tier the day before, the last signal and the signal types that
-- contributed most. Contacts without signals score 0 (cold).
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

fct_bit_score_contributions as (
    select
        workspace_id,
        person_id,
        signal_type,
        points,
        points_day_before,
        is_repeat,
        occurred_at
    from {{ ref('fct_bit_score_contributions') }}
),

tier_thresholds as (
    select * from {{ ref('tier_thresholds') }}
),

-- one pass over the breakdown; everything below reads this much smaller summary
points_by_signal_type as (
    select
        workspace_id,
        person_id,
        signal_type,
        sum(points) as points,
        sum(points_day_before) as points_day_before,
        count(*) as signal_count,
        sum(case when is_repeat then 0 else 1 end) as counted_signal_count,
        max(occurred_at) as last_signal_at
    from fct_bit_score_contributions
    group by workspace_id, person_id, signal_type
),

scores as (
    select
        workspace_id,
        person_id,
        sum(points) as bit_score,
        sum(points_day_before) as previous_bit_score,
        cast(sum(signal_count) as {{ dbt.type_bigint() }}) as signal_count,
        cast(sum(counted_signal_count) as {{ dbt.type_bigint() }}) as counted_signal_count
    from points_by_signal_type
    group by workspace_id, person_id
),

top_signal_types as (
    select
        workspace_id,
        person_id,
        {{ dbt.listagg(
            "signal_type || ' ' || cast(round(points, 1) as " ~ dbt.type_string() ~ ")",
            "', '",
            "order by points desc, signal_type",
            3,
        ) }} as top_signals
    from points_by_signal_type
    where points > 0
    group by workspace_id, person_id
),

last_signals as (
    select
        workspace_id,
        person_id,
        signal_type as last_signal_type,
        last_signal_at,
        row_number() over (
            partition by workspace_id, person_id
            order by last_signal_at desc, signal_type asc
        ) as recency_rank
    from points_by_signal_type
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
        top_signal_types.top_signals,
        last_signals.last_signal_type,
        last_signals.last_signal_at
    from dim_person
    left join dim_company
        on
            dim_person.workspace_id = dim_company.workspace_id
            and dim_person.company_id = dim_company.company_id
    left join scores
        on
            dim_person.workspace_id = scores.workspace_id
            and dim_person.person_id = scores.person_id
    left join top_signal_types
        on
            dim_person.workspace_id = top_signal_types.workspace_id
            and dim_person.person_id = top_signal_types.person_id
    left join last_signals
        on
            dim_person.workspace_id = last_signals.workspace_id
            and dim_person.person_id = last_signals.person_id
            and last_signals.recency_rank = 1
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
    inner join tier_thresholds as tiers_today
        on {{ points_in_tier('contacts_scored.bit_score', 'tiers_today') }}
    inner join tier_thresholds as tiers_yesterday
        on {{ points_in_tier('contacts_scored.previous_bit_score', 'tiers_yesterday') }}
)

select * from contacts_tiered
