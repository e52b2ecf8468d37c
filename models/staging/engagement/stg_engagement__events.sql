with

base_engagement__events as (
    select * from {{ ref('base_engagement__events') }}
),

-- the seeds are read here rather than judged into the append-only base table, so a name added
-- to one applies to every event already loaded
event_types as (
    select event_type from {{ ref('event_types') }}
),

event_type_aliases as (
    select
        event_type_alias,
        event_type
    from {{ ref('event_type_aliases') }}
),

reply_sentiments as (
    select
        reply_sentiment_label,
        reply_sentiment
    from {{ ref('reply_sentiments') }}
),

accepted as (
    select
        events.workspace_id,
        events.event_id,
        events.crm_person_id,
        events.crm_company_id,
        coalesce(event_type_aliases.event_type, events.event_type) as event_type,
        events.event_type as event_type_token,
        event_types.event_type is null as is_unknown_event_type,
        events.person_email,
        events.source_system,
        events.campaign_id,
        events.page_url,
        reply_sentiments.reply_sentiment,
        events.reply_sentiment as reply_sentiment_label,
        coalesce(
            events.reply_sentiment is not null and reply_sentiments.reply_sentiment is null, false
        ) as is_unknown_reply_sentiment,
        events.occurred_at,
        events.raw_row_id,
        events.load_batch_id,
        events.loaded_at
    from base_engagement__events as events
    left join event_type_aliases
        on events.event_type = event_type_aliases.event_type_alias
    left join event_types
        on coalesce(event_type_aliases.event_type, events.event_type) = event_types.event_type
    left join reply_sentiments
        on
            translate(events.reply_sentiment, '_-', '  ')
            = reply_sentiments.reply_sentiment_label
    where events.reject_reason is null
)

select * from accepted
