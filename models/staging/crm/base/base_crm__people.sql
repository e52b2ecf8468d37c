-- One row per raw CRM person row: typed, normalized, and judged (reject_reason is null when
-- the row is usable). stg_crm__people and stg_crm__people_rejected both read it.
with

source as (
    select * from {{ source('crm', 'crm_people') }}
),

cleaned as (
    select
        raw_row_id,
        workspace_id,
        load_batch_id,
        {{ clean_text('crm_person_id') }} as crm_person_id,
        {{ clean_text('crm_company_id') }} as crm_company_id,
        {{ clean_text('full_name') }} as full_name_text,
        {{ clean_text('email') }} as email_text,
        {{ clean_text('phone') }} as phone_text,
        {{ clean_text('title') }} as title_text,
        {{ clean_text('linkedin_url') }} as linkedin_url_text,
        {{ clean_text('country') }} as country,
        {{ clean_text('owner') }} as owner,
        lower(replace({{ clean_text('lifecycle_stage') }}, ' ', '_')) as lifecycle_stage,
        {{ clean_text('created_at') }} as created_at_text,
        {{ clean_text('updated_at') }} as updated_at_text,
        loaded_at,
        {{ row_content_hash([
            'crm_person_id', 'crm_company_id', 'full_name', 'email', 'phone', 'title',
            'linkedin_url', 'country', 'owner', 'lifecycle_stage', 'created_at', 'updated_at',
        ]) }} as content_hash
    from source
),

typed as (
    select
        *,
        {{ normalize_person_name('full_name_text') }} as full_name,
        {{ normalize_email('email_text') }} as email,
        {{ normalize_phone('phone_text') }} as phone,
        {{ normalize_title('title_text') }} as title,
        {{ normalize_linkedin_url('linkedin_url_text') }} as linkedin_url,
        {{ parse_utc_timestamp('created_at_text') }} as created_at,
        {{ parse_utc_timestamp('updated_at_text') }} as updated_at,
        row_number() over (
            partition by workspace_id, crm_person_id, content_hash
            order by raw_row_id
        ) as copy_number
    from cleaned
),

judged as (
    select
        *,
        case
            when crm_person_id is null then 'missing_record_id'
            when {{ key_too_long(['crm_person_id', 'crm_company_id']) }} then 'value_too_long'
            when
                full_name is null and email is null and linkedin_url is null
                then 'no_usable_identifier'
            when
                {{ is_unparsed('created_at_text', 'created_at') }}
                or {{ is_unparsed('updated_at_text', 'updated_at') }}
                then 'unparseable_timestamp'
            when copy_number > 1 then 'exact_replay'
        end as reject_reason
    from typed
)

select
    raw_row_id,
    workspace_id,
    load_batch_id,
    crm_person_id,
    crm_company_id,
    full_name,
    email,
    phone,
    title,
    linkedin_url,
    country,
    owner,
    lifecycle_stage,
    reject_reason,
    created_at,
    updated_at,
    loaded_at
from judged
