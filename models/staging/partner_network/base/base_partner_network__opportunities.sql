-- One row per raw partner-network deal registration: typed, normalized and judged.
with

source as (
    select * from {{ source('partner_network', 'partner_opportunities') }}
),

cleaned as (
    select
        raw_row_id,
        workspace_id,
        load_batch_id,
        {{ clean_text('partner_opportunity_id') }} as partner_opportunity_id,
        {{ clean_text('partner_name') }} as partner_name,
        {{ clean_text('account_name') }} as account_name_text,
        {{ clean_text('account_domain') }} as account_domain_text,
        {{ clean_text('opportunity_name') }} as opportunity_name,
        {{ clean_text('description') }} as description,
        upper({{ clean_text('currency') }}) as currency,
        lower(replace({{ clean_text('stage') }}, ' ', '_')) as stage,
        {{ clean_text('amount') }} as amount_text,
        {{ clean_text('expected_close_date') }} as expected_close_date_text,
        {{ clean_text('registered_at') }} as registered_at_text,
        loaded_at,
        {{ row_content_hash([
            'partner_opportunity_id', 'partner_name', 'account_name', 'account_domain',
            'opportunity_name', 'description', 'amount', 'currency', 'stage',
            'expected_close_date', 'registered_at',
        ]) }} as content_hash
    from source
),

typed as (
    select
        *,
        {{ normalize_company_name('account_name_text') }} as account_name,
        {{ normalize_domain('account_domain_text') }} as account_domain,
        {{ try_cast('amount_text', 'numeric') }} as amount,
        {{ parse_date('expected_close_date_text') }} as expected_close_date,
        {{ parse_utc_timestamp('registered_at_text') }} as registered_at,
        row_number() over (
            partition by workspace_id, partner_opportunity_id, content_hash
            order by raw_row_id
        ) as copy_number
    from cleaned
),

judged as (
    select
        *,
        case
            when partner_opportunity_id is null then 'missing_record_id'
            when {{ key_too_long(['partner_opportunity_id']) }} then 'value_too_long'
            when account_name is null and account_domain is null then 'no_usable_identifier'
            when
                {{ is_unparsed('expected_close_date_text', 'expected_close_date') }}
                or {{ is_unparsed('registered_at_text', 'registered_at') }}
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
    partner_opportunity_id,
    partner_name,
    account_name,
    account_domain,
    opportunity_name,
    description,
    currency,
    stage,
    reject_reason,
    amount,
    expected_close_date,
    registered_at,
    loaded_at
from judged
