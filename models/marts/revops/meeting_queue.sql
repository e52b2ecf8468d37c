-- One row per burning contact (workspace_id, person_id) waiting for a meeting: the latest
-- auto_meeting trigger of a contact who is still burning on the as_of day.
with

outreach_queue as (
    select
        trigger_id,
        workspace_id,
        person_id,
        company_id,
        full_name,
        company_name,
        top_signals,
        crm_person_id,
        crm_company_id,
        owner,
        email,
        title,
        phone,
        linkedin_url,
        as_of_date as triggered_on,
        row_number() over (
            partition by workspace_id, person_id
            order by as_of_date desc
        ) as recency_rank
    from {{ ref('outreach_queue') }}
    where action = 'auto_meeting'
),

contact_intent as (
    select
        workspace_id,
        person_id,
        bit_score,
        action
    from {{ ref('contact_intent') }}
),

waiting_for_meeting as (
    select
        outreach_queue.workspace_id,
        outreach_queue.person_id,
        outreach_queue.company_id,
        outreach_queue.trigger_id,
        {{ spreadsheet_safe('outreach_queue.full_name') }} as full_name,
        {{ spreadsheet_safe('outreach_queue.company_name') }} as company_name,
        outreach_queue.top_signals,
        outreach_queue.crm_person_id,
        outreach_queue.crm_company_id,
        outreach_queue.owner,
        outreach_queue.email,
        outreach_queue.title,
        outreach_queue.phone,
        outreach_queue.linkedin_url,
        contact_intent.bit_score,
        outreach_queue.triggered_on
    from outreach_queue
    inner join contact_intent
        on
            outreach_queue.workspace_id = contact_intent.workspace_id
            and outreach_queue.person_id = contact_intent.person_id
    where outreach_queue.recency_rank = 1 and contact_intent.action = 'auto_meeting'
)

select * from waiting_for_meeting
