-- One row per raw engagement event row: typed, normalized and judged. Incremental and
-- append-only: events are the largest feed, a raw row's verdict never changes once given, so
-- each run judges only the raw rows loaded since the last (raw_row_id grows in load order),
-- checking their event ids against the rows already accepted (indexed event id first: a
-- constant workspace_id first defeats the sort's abbreviated keys and doubles the build).
{{ config(
    materialized='incremental',
    incremental_strategy='append',
    on_schema_change='fail',
    pre_hook="{{ analyze_relation(source('engagement', 'engagement_events'), revops_var('analyze_raw_growth_share')) }}",
    indexes=[
        {'columns': ['raw_row_id'], 'unique': true},
        {'columns': ['event_id', 'workspace_id']},
    ],
) }}

{%- set new_rows_only %}
    {% if is_incremental() %}
        where raw_row_id > {{ incremental_watermark('raw_row_id', 'bigint', '0') }}
    {% endif %}
{%- endset %}

-- The raw table is read twice (the rows, and their distinct addresses) rather than through one
-- CTE: a CTE read twice is written out whole first, and this one is every new event.
with

source as (
    select *
    from {{ source('engagement', 'engagement_events') }}
    {{ new_rows_only }}
),

cleaned as (
    select
        raw_row_id,
        workspace_id,
        load_batch_id,
        {{ clean_text('event_id') }} as event_id,
        {{ type_token(clean_text('event_type')) }} as event_type,
        {{ clean_text('crm_person_id') }} as crm_person_id,
        {{ clean_text('crm_company_id') }} as crm_company_id,
        {{ clean_text('person_email') }} as person_email_text,
        lower({{ clean_text('source_system') }}) as source_system,
        {{ clean_text('campaign_id') }} as campaign_id,
        {{ clean_text('page_url') }} as page_url,
        lower({{ clean_text('reply_sentiment') }}) as reply_sentiment,
        {{ clean_text('occurred_at') }} as occurred_at_text,
        loaded_at,
        {{ row_content_hash([
            'event_id', 'event_type', 'occurred_at', 'crm_person_id', 'person_email',
            'crm_company_id', 'source_system', 'campaign_id', 'page_url', 'reply_sentiment',
        ]) }} as content_hash
    from source
),

-- a person's events repeat their address: each distinct one is normalized once, not once per
-- event (and not again where the validation below reads it)
emails_normalized as (
    select
        {{ clean_text('person_email') }} as person_email_text,
        {{ normalize_email('max(' ~ clean_text('person_email') ~ ')') }} as person_email
    from {{ source('engagement', 'engagement_events') }}
    {{ new_rows_only }}
    group by 1
),

typed as (
    select
        cleaned.*,
        emails_normalized.person_email,
        {{ parse_utc_timestamp('cleaned.occurred_at_text') }} as occurred_at
    from cleaned
    left join emails_normalized
        on cleaned.person_email_text = emails_normalized.person_email_text
),

validated as (
    select
        *,
        case
            when event_id is null then 'missing_record_id'
            when {{ key_too_long(['event_id', 'crm_person_id', 'crm_company_id']) }}
                then 'value_too_long'
            when occurred_at_text is null then 'missing_timestamp'
            when occurred_at is null then 'unparseable_timestamp'
            -- any well-formed type is kept (an unknown one scores at the fallback weight,
            -- flagged downstream); only one that is no type token at all is rejected
            when event_type is null then 'malformed_event_type'
            when crm_person_id is null and person_email_text is null then 'no_usable_identifier'
            when crm_person_id is null and person_email is null then 'malformed_email'
        end as invalid_reason
    from typed
),

-- a repeat of a unique key is an exact replay or a conflicting duplicate
{{ judge_repeats(['workspace_id', 'event_id']) }}

select
    raw_row_id,
    workspace_id,
    load_batch_id,
    -- indexed: a rejected over-long id keeps its first characters (the raw row keeps it all)
    {{ key_within_limit('event_id') }} as event_id,
    crm_person_id,
    crm_company_id,
    event_type,
    person_email,
    source_system,
    campaign_id,
    page_url,
    reply_sentiment,
    reject_reason,
    content_hash,
    occurred_at,
    loaded_at
from deduplicated
