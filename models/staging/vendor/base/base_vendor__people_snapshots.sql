-- One row per raw vendor snapshot row: typed, normalized and judged. Incremental and
-- append-only: the monthly deliveries add up to (people x months) rows and a row's verdict never
-- changes once given, so each run judges only the raw rows loaded since the last, checking
-- them against the rows already accepted for the same person and delivery.
{{ config(
    materialized='incremental',
    incremental_strategy='append',
    on_schema_change='fail',
    pre_hook="{{ analyze_relation(source('vendor', 'vendor_people_snapshots'), revops_var('analyze_raw_growth_share')) }}",
    indexes=[
        {'columns': ['raw_row_id'], 'unique': true},
        {'columns': ['workspace_id', 'snapshot_date']},
        {'columns': ['workspace_id', 'vendor_person_id', 'snapshot_date']},
    ],
) }}

{%- set identity_columns = [
    'full_name', 'email', 'phone', 'title', 'company_name', 'company_domain', 'linkedin_url',
] %}
{#- an identity's key, written alike by the rows and by the distinct identities they join -#}
{%- set identity_key = row_content_key(identity_columns) %}
{%- set new_rows_only %}
    {% if is_incremental() %}
        where raw_row_id > {{ incremental_watermark('raw_row_id', 'bigint', '0') }}
    {% endif %}
{%- endset %}

-- The raw table is read twice (the rows, and their distinct identities) rather than through
-- one CTE: a CTE read twice is written out whole first, and this one is every new vendor row.
with

cleaned as (
    select
        raw_row_id,
        workspace_id,
        load_batch_id,
        {{ clean_text('vendor_person_id') }} as vendor_person_id,
        lower(translate({{ clean_text('seniority') }}, ' -', '__')) as seniority,
        lower(replace({{ clean_text('department') }}, ' ', '_')) as department,
        {{ clean_text('company_name') }} as company_name_text,
        {{ clean_text('country') }} as country,
        {{ clean_text('snapshot_date') }} as snapshot_date_text,
        loaded_at,
        {{ identity_key }} as identity_key,
        {{ row_content_hash([
            'vendor_person_id', 'snapshot_date', 'full_name', 'email', 'phone', 'title',
            'seniority', 'department', 'company_name', 'company_domain', 'linkedin_url', 'country',
        ]) }} as content_hash
    from {{ source('vendor', 'vendor_people_snapshots') }}
    {{ new_rows_only }}
),

-- every monthly delivery repeats a person's name, email, phone, title, company and profile:
-- each distinct set is normalized once, not once per delivery (the normalizations are most of
-- this model's cost). Normalized inside the aggregate, so the planner cannot move them above
-- the join back to the rows (where they would run once per row again). The set is keyed by
-- its raw values written into one text (not an md5 of it): joined on seven columns, the
-- planner multiplied their selectivities into one row and looped over every identity for
-- each row of a monthly delivery.
identities_normalized as (
    select
        {{ identity_key }} as identity_key,
        {{ normalize_person_name('max(' ~ clean_text('full_name') ~ ')') }} as full_name,
        {{ normalize_email('max(' ~ clean_text('email') ~ ')') }} as email,
        {{ normalize_phone('max(' ~ clean_text('phone') ~ ')') }} as phone,
        {{ normalize_title('max(' ~ clean_text('title') ~ ')') }} as title,
        {{ normalize_company_name('max(' ~ clean_text('company_name') ~ ')') }} as company_name,
        {{ normalize_domain('max(' ~ clean_text('company_domain') ~ ')') }} as company_domain,
        {{ normalize_linkedin_url('max(' ~ clean_text('linkedin_url') ~ ')') }} as linkedin_url
    from {{ source('vendor', 'vendor_people_snapshots') }}
    {{ new_rows_only }}
    group by 1
),

typed as (
    select
        cleaned.raw_row_id,
        cleaned.workspace_id,
        cleaned.load_batch_id,
        cleaned.vendor_person_id,
        cleaned.seniority,
        cleaned.department,
        cleaned.company_name_text,
        cleaned.country,
        cleaned.snapshot_date_text,
        cleaned.loaded_at,
        cleaned.content_hash,
        identities_normalized.full_name,
        identities_normalized.email,
        identities_normalized.phone,
        identities_normalized.title,
        identities_normalized.company_name,
        identities_normalized.company_domain,
        identities_normalized.linkedin_url,
        {{ parse_date('cleaned.snapshot_date_text') }} as snapshot_date
    from cleaned
    inner join identities_normalized
        on cleaned.identity_key = identities_normalized.identity_key
),

validated as (
    select
        *,
        case
            when vendor_person_id is null then 'missing_record_id'
            when {{ key_too_long(['vendor_person_id', 'company_name_text']) }}
                then 'value_too_long'
            when snapshot_date_text is null then 'missing_timestamp'
            when snapshot_date is null then 'unparseable_timestamp'
            when
                full_name is null and email is null and linkedin_url is null
                then 'no_usable_identifier'
        end as invalid_reason
    from typed
),

-- a repeat of a unique key is an exact replay or a conflicting duplicate
{{ judge_repeats(['workspace_id', 'vendor_person_id', 'snapshot_date']) }}

select
    raw_row_id,
    workspace_id,
    load_batch_id,
    -- indexed: a rejected over-long id keeps its first characters (the raw row keeps it all)
    {{ key_within_limit('vendor_person_id') }} as vendor_person_id,
    full_name,
    email,
    phone,
    title,
    seniority,
    department,
    company_name,
    company_name_text as company_name_as_written,
    company_domain,
    linkedin_url,
    country,
    reject_reason,
    content_hash,
    snapshot_date,
    loaded_at
from deduplicated
