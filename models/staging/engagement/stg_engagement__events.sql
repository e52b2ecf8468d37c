with

base_engagement__events as (
    select * from {{ ref('base_engagement__events') }}
),

accepted as (
    select
        workspace_id,
        event_id,
        crm_person_id,
        crm_company_id,
        event_type,
        person_email,
        source_system,
        campaign_id,
        page_url,
        reply_sentiment,
        occurred_at,
        raw_row_id,
        load_batch_id,
        loaded_at
    from base_engagement__events
    where reject_reason is null
)

select * from accepted
