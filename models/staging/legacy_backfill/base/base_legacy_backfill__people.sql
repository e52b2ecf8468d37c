-- One row per raw legacy backfill row: typed, normalized and judged.
with

source as (
    select * from {{ source('legacy_backfill', 'backfill_people') }}
),

cleaned as (
    select
        raw_row_id,
        workspace_id,
        load_batch_id,
        {{ clean_text('legacy_person_id') }} as legacy_person_id,
        {{ clean_text('legacy_company_id') }} as legacy_company_id,
        {{ clean_text('company_name') }} as company_name_text,
        {{ clean_text('company_domain') }} as company_domain_text,
        {{ clean_text('full_name') }} as full_name_text,
        {{ clean_text('email') }} as email_text,
        {{ clean_text('phone') }} as phone_text,
        {{ clean_text('title') }} as title_text,
        lower(translate({{ clean_text('seniority') }}, ' -', '__')) as seniority,
        {{ clean_text('linkedin_url') }} as linkedin_url_text,
        {{ clean_text('opens') }} as opens_text,
        {{ clean_text('replies') }} as replies_text,
        {{ clean_text('meetings') }} as meetings_text,
        {{ clean_text('last_activity_date') }} as last_activity_date_text,
        loaded_at,
        {{ row_content_hash([
            'legacy_person_id', 'legacy_company_id', 'company_name', 'company_domain',
            'full_name', 'email', 'phone', 'title', 'seniority', 'linkedin_url', 'opens',
            'replies', 'meetings', 'last_activity_date',
        ]) }} as content_hash
    from source
),

typed as (
    select
        *,
        {{ normalize_company_name('company_name_text') }} as company_name,
        {{ normalize_domain('company_domain_text') }} as company_domain,
        {{ normalize_person_name('full_name_text') }} as full_name,
        {{ normalize_email('email_text') }} as email,
        {{ normalize_phone('phone_text') }} as phone,
        {{ normalize_title('title_text') }} as title,
        {{ normalize_linkedin_url('linkedin_url_text') }} as linkedin_url,
        {{ try_cast('opens_text', 'integer') }} as opens,
        {{ try_cast('replies_text', 'integer') }} as replies,
        {{ try_cast('meetings_text', 'integer') }} as meetings,
        {{ parse_date('last_activity_date_text') }} as last_activity_date,
        row_number() over (
            partition by workspace_id, legacy_person_id, content_hash
            order by raw_row_id
        ) as copy_number
    from cleaned
),

judged as (
    select
        *,
        case
            when legacy_person_id is null then 'missing_record_id'
            when {{ key_too_long(['legacy_person_id', 'legacy_company_id']) }}
                then 'value_too_long'
            when
                full_name is null and email is null and linkedin_url is null
                then 'no_usable_identifier'
            when
                {{ is_unparsed('opens_text', 'opens') }} or opens < 0
                or {{ is_unparsed('replies_text', 'replies') }} or replies < 0
                or {{ is_unparsed('meetings_text', 'meetings') }} or meetings < 0
                then 'invalid_count'
            when {{ is_unparsed('last_activity_date_text', 'last_activity_date') }}
                then 'unparseable_timestamp'
            when copy_number > 1 then 'exact_replay'
        end as reject_reason
    from typed
)

select
    raw_row_id,
    workspace_id,
    load_batch_id,
    legacy_person_id,
    legacy_company_id,
    company_name,
    company_domain,
    full_name,
    email,
    phone,
    title,
    seniority,
    linkedin_url,
    reject_reason,
    opens,
    replies,
    meetings,
    last_activity_date,
    loaded_at
from judged
