-- One row per raw CRM opportunity row: typed and judged (reject_reason is null when usable).
with

source as (
    select * from {{ source('crm', 'crm_opportunities') }}
),

cleaned as (
    select
        raw_row_id,
        workspace_id,
        load_batch_id,
        {{ clean_text('crm_opportunity_id') }} as crm_opportunity_id,
        {{ clean_text('crm_company_id') }} as crm_company_id,
        {{ clean_text('opportunity_name') }} as opportunity_name,
        {{ clean_text('description') }} as description,
        upper({{ clean_text('currency') }}) as currency,
        lower(replace({{ clean_text('stage') }}, ' ', '_')) as stage,
        {{ clean_text('owner') }} as owner,
        {{ clean_text('amount') }} as amount_text,
        {{ clean_text('close_date') }} as close_date_text,
        {{ clean_text('created_at') }} as created_at_text,
        {{ clean_text('updated_at') }} as updated_at_text,
        loaded_at,
        {{ row_content_hash([
            'crm_opportunity_id', 'crm_company_id', 'opportunity_name', 'description', 'amount',
            'currency', 'stage', 'close_date', 'owner', 'created_at', 'updated_at',
        ]) }} as content_hash
    from source
),

typed as (
    select
        *,
        {{ try_cast('amount_text', 'numeric') }} as amount,
        {{ parse_date('close_date_text') }} as close_date,
        {{ parse_utc_timestamp('created_at_text') }} as created_at,
        {{ parse_utc_timestamp('updated_at_text') }} as updated_at,
        row_number() over (
            partition by workspace_id, crm_opportunity_id, content_hash
            order by raw_row_id
        ) as copy_number
    from cleaned
),

judged as (
    select
        *,
        case
            when crm_opportunity_id is null then 'missing_record_id'
            when {{ key_too_long(['crm_opportunity_id', 'crm_company_id']) }} then 'value_too_long'
            when
                {{ is_unparsed('close_date_text', 'close_date') }}
                or {{ is_unparsed('created_at_text', 'created_at') }}
                or {{ is_unparsed('updated_at_text', 'updated_at') }}
                then 'unparseable_timestamp'
            when {{ is_unparsed('amount_text', 'amount') }} or amount < 0 then 'invalid_amount'
            when copy_number > 1 then 'exact_replay'
        end as reject_reason
    from typed
)

select
    raw_row_id,
    workspace_id,
    load_batch_id,
    crm_opportunity_id,
    crm_company_id,
    opportunity_name,
    description,
    currency,
    stage,
    owner,
    reject_reason,
    amount,
    close_date,
    created_at,
    updated_at,
    loaded_at
from judged
