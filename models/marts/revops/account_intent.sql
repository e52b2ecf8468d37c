-- One row per account (workspace_id, company_id) as of the as_of day: the sum of its contacts'
-- BIT scores, the tier and action, the tier the day before, and its strongest contacts.
-- A view of int_account_intent, which a daily run rewrites only where something changed: the
-- day is the run's, so a new day does not rewrite every row.
{{ config(materialized='view') }}

with

int_account_intent as (
    select
        workspace_id,
        company_id,
        company_name,
        company_domain,
        industry,
        owner,
        tier,
        action,
        previous_tier,
        top_contacts,
        bit_score,
        previous_bit_score,
        tier_rank,
        tier_min_points,
        contacts,
        contacts_with_intent,
        last_signal_at
    from {{ ref('int_account_intent') }}
    where not is_withdrawn
),

accounts as (
    select
        workspace_id,
        company_id,
        {{ spreadsheet_safe('company_name') }} as company_name,
        {{ spreadsheet_safe('company_domain') }} as company_domain,
        {{ spreadsheet_safe('industry') }} as industry,
        {{ spreadsheet_safe('owner') }} as owner,
        tier,
        action,
        previous_tier,
        {{ spreadsheet_safe('top_contacts') }} as top_contacts,
        bit_score,
        previous_bit_score,
        tier_rank,
        tier_min_points,
        contacts,
        contacts_with_intent,
        {{ bit_as_of_date() }} as as_of_date,
        last_signal_at
    from int_account_intent
)

select * from accounts
