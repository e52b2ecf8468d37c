-- One row per account (workspace_id, company_id) as of the as_of day: the sum of its contacts'
-- BIT scores, the tier and action, the tier the day before, and its strongest contacts.
with

dim_company as (
    select
        workspace_id,
        company_id,
        company_name,
        company_domain,
        industry,
        owner
    from {{ ref('dim_company') }}
),

-- the contacts twice, as two imports each read once (a CTE read twice is written out whole
-- first): every contact for the sums, the ones with intent for the names
contact_intent as (
    select
        workspace_id,
        company_id,
        bit_score,
        previous_bit_score,
        last_signal_at
    from {{ ref('contact_intent') }}
),

contacts_with_intent as (
    select
        workspace_id,
        company_id,
        full_name,
        bit_score
    from {{ ref('contact_intent') }}
    where bit_score > 0
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

contacts_summed as (
    select
        workspace_id,
        company_id,
        sum(bit_score) as bit_score,
        sum(previous_bit_score) as previous_bit_score,
        count(*) as contacts,
        sum(case when bit_score > 0 then 1 else 0 end) as contacts_with_intent,
        max(last_signal_at) as last_signal_at
    from contact_intent
    group by workspace_id, company_id
),

top_contacts as (
    select
        workspace_id,
        company_id,
        {{ dbt.listagg(
            "full_name || ' ' || cast(round(bit_score, 1) as " ~ dbt.type_string() ~ ")",
            "', '",
            "order by bit_score desc, full_name",
            3,
        ) }} as top_contacts
    from contacts_with_intent
    group by workspace_id, company_id
),

accounts_scored as (
    select
        dim_company.workspace_id,
        dim_company.company_id,
        dim_company.company_name,
        dim_company.company_domain,
        dim_company.industry,
        dim_company.owner,
        top_contacts.top_contacts,
        coalesce(contacts_summed.bit_score, 0) as bit_score,
        coalesce(contacts_summed.previous_bit_score, 0) as previous_bit_score,
        coalesce(contacts_summed.contacts, 0) as contacts,
        coalesce(contacts_summed.contacts_with_intent, 0) as contacts_with_intent,
        contacts_summed.last_signal_at
    from dim_company
    left join contacts_summed
        on
            dim_company.workspace_id = contacts_summed.workspace_id
            and dim_company.company_id = contacts_summed.company_id
    left join top_contacts
        on
            dim_company.workspace_id = top_contacts.workspace_id
            and dim_company.company_id = top_contacts.company_id
),

accounts_tiered as (
    select
        accounts_scored.workspace_id,
        accounts_scored.company_id,
        accounts_scored.company_name,
        accounts_scored.company_domain,
        accounts_scored.industry,
        accounts_scored.owner,
        tiers_today.tier,
        tiers_today.action,
        tiers_yesterday.tier as previous_tier,
        accounts_scored.top_contacts,
        cast(round(accounts_scored.bit_score, 2) as {{ dbt.type_numeric() }}) as bit_score,
        cast(
            round(accounts_scored.previous_bit_score, 2) as {{ dbt.type_numeric() }}
        ) as previous_bit_score,
        tiers_today.tier_rank,
        tiers_today.min_points as tier_min_points,
        accounts_scored.contacts,
        accounts_scored.contacts_with_intent,
        {{ bit_as_of_date() }} as as_of_date,
        accounts_scored.last_signal_at
    from accounts_scored
    inner join tiers_today
        on {{ points_in_tier('accounts_scored.bit_score', 'tiers_today') }}
    inner join tiers_yesterday
        on {{ points_in_tier('accounts_scored.previous_bit_score', 'tiers_yesterday') }}
)

select * from accounts_tiered
