-- One row per raw CRM company row: typed, normalized, and judged (reject_reason is null when
-- the row is usable). stg_crm__companies and stg_crm__companies_rejected both read it.
with

source as (
    select * from {{ source('crm', 'crm_companies') }}
),

cleaned as (
    select
        raw_row_id,
        workspace_id,
        load_batch_id,
        {{ clean_text('crm_company_id') }} as crm_company_id,
        {{ clean_text('company_name') }} as company_name_text,
        {{ clean_text('website') }} as website_text,
        {{ clean_text('industry') }} as industry,
        {{ clean_text('phone') }} as phone_text,
        {{ clean_text('state') }} as state,
        {{ clean_text('country') }} as country,
        {{ clean_text('owner') }} as owner,
        lower(replace({{ clean_text('lifecycle_stage') }}, ' ', '_')) as lifecycle_stage,
        {{ clean_text('employee_count') }} as employee_count_text,
        {{ clean_text('annual_revenue') }} as annual_revenue_text,
        {{ clean_text('created_at') }} as created_at_text,
        {{ clean_text('updated_at') }} as updated_at_text,
        loaded_at,
        {{ row_content_hash([
            'crm_company_id', 'company_name', 'website', 'industry', 'employee_count',
            'annual_revenue', 'phone', 'state', 'country', 'owner', 'lifecycle_stage',
            'created_at', 'updated_at',
        ]) }} as content_hash
    from source
),

typed as (
    select
        *,
        {{ normalize_company_name('company_name_text') }} as company_name,
        {{ normalize_domain('website_text') }} as company_domain,
        {{ normalize_phone('phone_text') }} as phone,
        {{ try_cast('employee_count_text', 'integer') }} as employee_count,
        {{ try_cast('annual_revenue_text', 'numeric') }} as annual_revenue,
        {{ parse_utc_timestamp('created_at_text') }} as created_at,
        {{ parse_utc_timestamp('updated_at_text') }} as updated_at,
        row_number() over (
            partition by workspace_id, crm_company_id, content_hash
            order by raw_row_id
        ) as copy_number
    from cleaned
),

judged as (
    select
        *,
        case
            when crm_company_id is null then 'missing_record_id'
            when {{ key_too_long(['crm_company_id']) }} then 'value_too_long'
            when company_name is null and company_domain is null then 'no_usable_identifier'
            when
                {{ is_unparsed('created_at_text', 'created_at') }}
                or {{ is_unparsed('updated_at_text', 'updated_at') }}
                then 'unparseable_timestamp'
            when
                {{ is_unparsed('employee_count_text', 'employee_count') }}
                or employee_count < 0
                then 'invalid_count'
            when
                {{ is_unparsed('annual_revenue_text', 'annual_revenue') }}
                or annual_revenue < 0
                then 'invalid_amount'
            when copy_number > 1 then 'exact_replay'
        end as reject_reason
    from typed
)

select
    raw_row_id,
    workspace_id,
    load_batch_id,
    crm_company_id,
    company_name,
    company_domain,
    industry,
    phone,
    state,
    country,
    owner,
    lifecycle_stage,
    reject_reason,
    employee_count,
    annual_revenue,
    created_at,
    updated_at,
    loaded_at
from judged
