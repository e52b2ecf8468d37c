-- One row per contact of the golden records (workspace_id, person_id): the BIT score and tier,
-- the tier the day before, the last signal and the top signal types (int_contact_scores; a
-- contact without signals scores 0), with who the contact is and their account's name.
-- marts.contact_intent is this with the as_of day. A contact gone from the golden records
-- stays as a withdrawn row (is_withdrawn, no identity, score 0), so the account it was counted
-- for is summed again.
-- Incremental: a run rewrites the contacts whose scores were rewritten since its last one
-- (int_contact_scores.scored_at), and those whose golden record or account name is new,
-- changed or gone (one full join of the golden records with this table); every contact when
-- int_contact_scores was rebuilt whole or the scoring rules, tiers included, changed. A
-- rewritten row keeps the account it counted for before (previous_company_id) for
-- int_account_intent.
{{ config(
    materialized='incremental',
    unique_key=['workspace_id', 'person_id'],
    incremental_strategy='delete+insert',
    on_schema_change='fail',
    indexes=[
        {'columns': ['workspace_id', 'person_id'], 'unique': true},
        {'columns': ['workspace_id', 'company_id']},
        {'columns': ['refreshed_at']},
    ],
) }}

-- depends_on: {{ ref('int_bit_scoring_rules') }}
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

identities as (
    select
        dim_person.workspace_id,
        dim_person.person_id,
        dim_person.company_id,
        dim_person.full_name,
        dim_person.email,
        dim_person.title,
        dim_company.company_name
    from dim_person
    left join dim_company
        on
            dim_person.workspace_id = dim_company.workspace_id
            and dim_person.company_id = dim_company.company_id
),

{% if is_incremental() %}
    {%- set refreshed_since = incremental_watermark('refreshed_at') %}
    {%- set refresh_everyone = bit_scoring_rules_changed_since(refreshed_since)
        or rewritten_whole_since(ref('int_contact_scores'), 'scored_at', refreshed_since) %}
    scores_rewritten as (
        select
            workspace_id,
            person_id
        from {{ ref('int_contact_scores') }}
        where scored_at > {{ refreshed_since }}
    ),

    -- the golden records against this table's rows: new, changed, gone or rescored contacts
    contacts_to_refresh as (
        select
            coalesce(identities.workspace_id, previous.workspace_id) as workspace_id,
            coalesce(identities.person_id, previous.person_id) as person_id,
            identities.person_id is null as is_withdrawn,
            identities.company_id,
            previous.company_id as previous_company_id,
            identities.full_name,
            identities.email,
            identities.title,
            identities.company_name
        from identities
        full join {{ this }} as previous
            on
                identities.workspace_id = previous.workspace_id
                and identities.person_id = previous.person_id
        left join scores_rewritten
            on
                identities.workspace_id = scores_rewritten.workspace_id
                and identities.person_id = scores_rewritten.person_id
        where
            -- a contact withdrawn before and still gone stays as it is
            not (identities.person_id is null and previous.is_withdrawn)
            and (
                {{ 'true' if refresh_everyone else 'false' }}
                or scores_rewritten.person_id is not null
                or previous.person_id is null
                or (identities.person_id is null and not previous.is_withdrawn)
                or (identities.person_id is not null and previous.is_withdrawn)
                {% for column in ['company_id', 'full_name', 'email', 'title', 'company_name'] %}
                    or {{ values_differ('identities.' ~ column, 'previous.' ~ column) }}
                {% endfor %}
            )
    ),
{% else %}
    contacts_to_refresh as (
        select
            workspace_id,
            person_id,
            false as is_withdrawn,
            company_id,
            cast(null as {{ dbt.type_string() }}) as previous_company_id,
            full_name,
            email,
            title,
            company_name
        from identities
    ),
{% endif %}

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
        contacts.workspace_id,
        contacts.person_id,
        contacts.is_withdrawn,
        contacts.company_id,
        contacts.previous_company_id,
        contacts.full_name,
        contacts.email,
        contacts.title,
        contacts.company_name,
        coalesce(scores.bit_score, 0) as bit_score,
        coalesce(scores.previous_bit_score, 0) as previous_bit_score,
        coalesce(scores.signal_count, 0) as signal_count,
        coalesce(scores.counted_signal_count, 0) as counted_signal_count,
        scores.top_signals,
        scores.last_signal_type,
        scores.last_signal_at
    from contacts_to_refresh as contacts
    left join int_contact_scores as scores
        on
            contacts.workspace_id = scores.workspace_id
            and contacts.person_id = scores.person_id
            -- a withdrawn contact counts for nothing, whatever scores are left under its id
            and not contacts.is_withdrawn
),

contacts_tiered as (
    select
        contacts_scored.workspace_id,
        contacts_scored.person_id,
        contacts_scored.is_withdrawn,
        contacts_scored.company_id,
        contacts_scored.previous_company_id,
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
        cast(contacts_scored.signal_count as {{ dbt.type_bigint() }}) as signal_count,
        cast(
            contacts_scored.counted_signal_count as {{ dbt.type_bigint() }}
        ) as counted_signal_count,
        contacts_scored.last_signal_at,
        {{ run_started_timestamp() }} as refreshed_at
    from contacts_scored
    inner join tiers_today
        on {{ points_in_tier('contacts_scored.bit_score', 'tiers_today') }}
    inner join tiers_yesterday
        on {{ points_in_tier('contacts_scored.previous_bit_score', 'tiers_yesterday') }}
)

select * from contacts_tiered
