-- One row per contact (workspace_id, person_id) as of the as_of day: BIT score, tier and the
-- action it calls for, the tier the day before, the last signal and the signal types that
-- contributed most, with who they are. Contacts without signals score 0 (cold).
-- A view of int_contact_intent, which a daily run rewrites only where something changed: the
-- day is the run's, so a new day does not rewrite every row.
{{ config(materialized='view') }}

with

int_contact_intent as (
    select
        workspace_id,
        person_id,
        company_id,
        full_name,
        email,
        title,
        company_name,
        tier,
        action,
        previous_tier,
        top_signals,
        last_signal_type,
        bit_score,
        previous_bit_score,
        tier_rank,
        previous_tier_rank,
        tier_min_points,
        signal_count,
        counted_signal_count,
        last_signal_at
    from {{ ref('int_contact_intent') }}
    where not is_withdrawn
),

contacts as (
    select
        workspace_id,
        person_id,
        company_id,
        {{ spreadsheet_safe('full_name') }} as full_name,
        {{ spreadsheet_safe('email') }} as email,
        {{ spreadsheet_safe('title') }} as title,
        {{ spreadsheet_safe('company_name') }} as company_name,
        tier,
        action,
        previous_tier,
        top_signals,
        last_signal_type,
        bit_score,
        previous_bit_score,
        tier_rank,
        previous_tier_rank,
        tier_min_points,
        signal_count,
        counted_signal_count,
        {{ bit_as_of_date() }} as as_of_date,
        last_signal_at
    from int_contact_intent
)

select * from contacts
