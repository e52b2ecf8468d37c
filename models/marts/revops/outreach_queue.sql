-- One row per outreach trigger (trigger_id): a contact whose tier rose on the as_of day into a
-- tier whose action queues outreach (tier_thresholds.triggers_outreach: nurture, sdr_escalate,
-- auto_meeting by default), with a fresh signal (int_tier_rises). A contact that triggered
-- the same or a stronger action within the cooldown does not trigger again, so a contact flapping
-- around a threshold is queued once. Incremental: each day adds its triggers, and re-running a
-- day replaces all of that day's rows (a same-day rerun with new data revises the day's
-- triggers, as a full refresh would; the outbox keeps its own copy of what it took).
{{ config(
    materialized='incremental',
    unique_key='trigger_id',
    incremental_strategy='delete+insert',
    on_schema_change='append_new_columns',
    pre_hook="{% if is_incremental() %}delete from {{ this }} where as_of_date = "
        ~ "{{ bit_as_of_date() }}{% endif %}",
) }}

with

tier_thresholds as (
    select
        action,
        tier_rank as action_rank
    from {{ ref('tier_thresholds') }}
),

-- rises into a tier that queues outreach, with a fresh signal (int_tier_rises)
tier_rises as (
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
        as_of_date
    from {{ ref('int_tier_rises') }}
    where triggers_outreach and has_fresh_signal
),

-- the CRM records the push writes back to, and how to reach the contact
dim_person as (
    select
        workspace_id,
        person_id,
        crm_person_id,
        email,
        title,
        phone,
        linkedin_url,
        owner
    from {{ ref('dim_person') }}
),

dim_company as (
    select
        workspace_id,
        company_id,
        crm_company_id,
        owner
    from {{ ref('dim_company') }}
),

{% if is_incremental() %}
    recent_triggers as (
        select
            earlier.workspace_id,
            earlier.person_id,
            max(actions.action_rank) as strongest_recent_action_rank
        from {{ this }} as earlier
        inner join tier_thresholds as actions
            on earlier.action = actions.action
        where
            earlier.as_of_date < {{ bit_as_of_date() }}
            and earlier.as_of_date
            >= {{ dbt.dateadd('day', -1 * revops_var('bit_trigger_cooldown_days'), bit_as_of_date()) }}
        group by earlier.workspace_id, earlier.person_id
    ),
{% else %}
    recent_triggers as (
        select
            cast(null as {{ dbt.type_string() }}) as workspace_id,
            cast(null as {{ dbt.type_string() }}) as person_id,
            cast(null as {{ dbt.type_int() }}) as strongest_recent_action_rank
        where 1 = 0
    ),
{% endif %}

triggers as (
    select
        rises.workspace_id || ':' || rises.person_id || ':'
        || cast(rises.as_of_date as {{ dbt.type_string() }}) as trigger_id,
        rises.workspace_id,
        rises.person_id,
        rises.company_id,
        {{ spreadsheet_safe('rises.full_name') }} as full_name,
        {{ spreadsheet_safe('rises.company_name') }} as company_name,
        rises.action,
        rises.tier,
        rises.previous_tier,
        rises.top_signals,
        rises.bit_score,
        rises.as_of_date,
        {{ spreadsheet_safe('people.crm_person_id') }} as crm_person_id,
        {{ spreadsheet_safe('companies.crm_company_id') }} as crm_company_id,
        -- the contact's own CRM owner, else the account's
        {{ spreadsheet_safe('coalesce(people.owner, companies.owner)') }} as owner,
        {{ spreadsheet_safe('people.email') }} as email,
        {{ spreadsheet_safe('people.title') }} as title,
        people.phone,
        {{ spreadsheet_safe('people.linkedin_url') }} as linkedin_url
    from tier_rises as rises
    inner join tier_thresholds as actions
        on rises.action = actions.action
    left join dim_person as people
        on
            rises.workspace_id = people.workspace_id
            and rises.person_id = people.person_id
    left join dim_company as companies
        on
            rises.workspace_id = companies.workspace_id
            and rises.company_id = companies.company_id
    left join recent_triggers
        on
            rises.workspace_id = recent_triggers.workspace_id
            and rises.person_id = recent_triggers.person_id
    where
        recent_triggers.strongest_recent_action_rank is null
        or actions.action_rank > recent_triggers.strongest_recent_action_rank
)

select * from triggers
