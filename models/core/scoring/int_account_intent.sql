-- One row per account of the golden records (workspace_id, company_id): the sum of its
-- contacts' BIT scores (int_contact_intent), the tier and action, the tier the day before, and
-- its strongest contacts. marts.account_intent is this with the as_of day. An account gone
-- from the golden records stays as a withdrawn row (is_withdrawn, score 0).
-- Incremental: a run sums again the accounts that a contact rewritten since its last run
-- counts for now or counted for before (int_contact_intent: refreshed_at, company_id,
-- previous_company_id), and those whose golden record is new, changed or gone; every account
-- when int_contact_intent was rebuilt whole or ran more than once since (who moved where is
-- then not known), or when the scoring rules, tiers included, changed.
{{ config(
    materialized='incremental',
    unique_key=['workspace_id', 'company_id'],
    incremental_strategy='delete+insert',
    on_schema_change='fail',
    indexes=[
        {'columns': ['workspace_id', 'company_id'], 'unique': true},
        {'columns': ['refreshed_at']},
    ],
) }}

-- depends_on: {{ ref('int_bit_scoring_rules') }}
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

{% if is_incremental() %}
    {%- set refreshed_since = incremental_watermark('refreshed_at') %}
    {%- set contacts = ref('int_contact_intent') %}
    {%- set sum_everyone = bit_scoring_rules_changed_since(refreshed_since)
        or rewritten_whole_since(contacts, 'refreshed_at', refreshed_since)
        or runs_since(contacts, 'refreshed_at', refreshed_since) > 1 %}
    -- the accounts of the contacts rewritten since: the one each counts for now and before
    accounts_of_contacts_rewritten as (
        select
            workspace_id,
            company_id
        from {{ contacts }}
        where refreshed_at > {{ refreshed_since }} and company_id is not null
        union
        select
            workspace_id,
            previous_company_id
        from {{ contacts }}
        where refreshed_at > {{ refreshed_since }} and previous_company_id is not null
    ),

    -- the golden records against this table's rows: new, changed, gone or re-summed accounts
    accounts_to_sum as (
        select
            coalesce(dim_company.workspace_id, previous.workspace_id) as workspace_id,
            coalesce(dim_company.company_id, previous.company_id) as company_id,
            dim_company.company_id is null as is_withdrawn,
            dim_company.company_name,
            dim_company.company_domain,
            dim_company.industry,
            dim_company.owner
        from dim_company
        full join {{ this }} as previous
            on
                dim_company.workspace_id = previous.workspace_id
                and dim_company.company_id = previous.company_id
        left join accounts_of_contacts_rewritten as rewritten
            on
                dim_company.workspace_id = rewritten.workspace_id
                and dim_company.company_id = rewritten.company_id
        where
            -- an account withdrawn before and still gone stays as it is
            not (dim_company.company_id is null and previous.is_withdrawn)
            and (
                {{ 'true' if sum_everyone else 'false' }}
                or rewritten.company_id is not null
                or previous.company_id is null
                or (dim_company.company_id is null and not previous.is_withdrawn)
                or (dim_company.company_id is not null and previous.is_withdrawn)
                {% for column in ['company_name', 'company_domain', 'industry', 'owner'] %}
                    or {{ values_differ('dim_company.' ~ column, 'previous.' ~ column) }}
                {% endfor %}
            )
    ),
{% else %}
    {%- set sum_everyone = true %}
    accounts_to_sum as (
        select
            workspace_id,
            company_id,
            false as is_withdrawn,
            company_name,
            company_domain,
            industry,
            owner
        from dim_company
    ),
{% endif %}

-- the contacts of the accounts to sum (an index probe per account on a daily run, every
-- contact otherwise), summed, and named for the three with the highest scores
contacts_summed as (
    select
        contacts.workspace_id,
        contacts.company_id,
        sum(contacts.bit_score) as bit_score,
        sum(contacts.previous_bit_score) as previous_bit_score,
        count(*) as contacts,
        sum(case when contacts.bit_score > 0 then 1 else 0 end) as contacts_with_intent,
        max(contacts.last_signal_at) as last_signal_at,
        nullif({{ dbt.listagg(
            "case when contacts.bit_score > 0 then contacts.full_name || ' ' || "
            ~ "cast(round(contacts.bit_score, 1) as " ~ dbt.type_string() ~ ") end",
            "', '",
            "order by contacts.bit_score desc, contacts.full_name",
            revops_var('bit_top_explanations'),
        ) }}, '') as top_contacts
    from {{ ref('int_contact_intent') }} as contacts
    {% if not sum_everyone %}
        inner join accounts_to_sum
            on
                contacts.workspace_id = accounts_to_sum.workspace_id
                and contacts.company_id = accounts_to_sum.company_id
    {% endif %}
    where not contacts.is_withdrawn
    group by contacts.workspace_id, contacts.company_id
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

accounts_scored as (
    select
        accounts.workspace_id,
        accounts.company_id,
        accounts.is_withdrawn,
        accounts.company_name,
        accounts.company_domain,
        accounts.industry,
        accounts.owner,
        contacts_summed.top_contacts,
        coalesce(contacts_summed.bit_score, 0) as bit_score,
        coalesce(contacts_summed.previous_bit_score, 0) as previous_bit_score,
        coalesce(contacts_summed.contacts, 0) as contacts,
        coalesce(contacts_summed.contacts_with_intent, 0) as contacts_with_intent,
        contacts_summed.last_signal_at
    from accounts_to_sum as accounts
    left join contacts_summed
        on
            accounts.workspace_id = contacts_summed.workspace_id
            and accounts.company_id = contacts_summed.company_id
            -- a withdrawn account counts for nothing, whatever contacts still name it
            and not accounts.is_withdrawn
),

accounts_tiered as (
    select
        accounts_scored.workspace_id,
        accounts_scored.company_id,
        accounts_scored.is_withdrawn,
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
        cast(accounts_scored.contacts as {{ dbt.type_bigint() }}) as contacts,
        cast(
            accounts_scored.contacts_with_intent as {{ dbt.type_bigint() }}
        ) as contacts_with_intent,
        accounts_scored.last_signal_at,
        {{ run_started_timestamp() }} as refreshed_at
    from accounts_scored
    inner join tiers_today
        on {{ points_in_tier('accounts_scored.bit_score', 'tiers_today') }}
    inner join tiers_yesterday
        on {{ points_in_tier('accounts_scored.previous_bit_score', 'tiers_yesterday') }}
)

select * from accounts_tiered
