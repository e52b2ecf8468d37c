-- One row per person record from any source (workspace_id, person_record_id), with the
-- company record they belong to in the same source: the candidates entity matching resolves
-- into golden people. The vendor's view of a person is their latest delivery.
with

stg_crm__people as (
    select
        workspace_id,
        crm_person_id,
        crm_company_id,
        full_name,
        email,
        linkedin_url,
        title,
        phone,
        owner,
        first_loaded_at
    from {{ ref('stg_crm__people') }}
),

stg_vendor__people_snapshots as (
    select
        workspace_id,
        vendor_person_id,
        company_name_as_written,
        full_name,
        email,
        linkedin_url,
        title,
        phone,
        snapshot_date,
        loaded_at
    from {{ ref('stg_vendor__people_snapshots') }}
),

stg_legacy_backfill__people as (
    select
        workspace_id,
        legacy_person_id,
        legacy_company_id,
        full_name,
        email,
        linkedin_url,
        title,
        phone,
        first_loaded_at
    from {{ ref('stg_legacy_backfill__people') }}
),

source_trust as (
    select
        source,
        trust_rank
    from {{ ref('source_trust') }}
),

vendor_latest_deliveries as (
    select
        *,
        row_number() over (
            partition by workspace_id, vendor_person_id
            order by snapshot_date desc
        ) as recency_rank,
        min(loaded_at) over (
            partition by workspace_id, vendor_person_id
        ) as first_loaded_at
    from stg_vendor__people_snapshots
),

records_unioned as (
    select
        workspace_id,
        'crm' as source,
        crm_person_id as source_record_id,
        'crm:' || crm_company_id as company_record_id,
        full_name,
        email,
        linkedin_url,
        title,
        phone,
        owner,
        first_loaded_at
    from stg_crm__people
    union all
    select
        workspace_id,
        'vendor' as source,
        vendor_person_id as source_record_id,
        'vendor:' || company_name_as_written as company_record_id,
        full_name,
        email,
        linkedin_url,
        title,
        phone,
        cast(null as {{ dbt.type_string() }}) as owner,
        first_loaded_at
    from vendor_latest_deliveries
    where recency_rank = 1
    union all
    select
        workspace_id,
        'backfill' as source,
        legacy_person_id as source_record_id,
        'backfill:' || legacy_company_id as company_record_id,
        full_name,
        email,
        linkedin_url,
        title,
        phone,
        cast(null as {{ dbt.type_string() }}) as owner,
        first_loaded_at
    from stg_legacy_backfill__people
),

records_ranked as (
    select
        records_unioned.workspace_id,
        records_unioned.source || ':' || records_unioned.source_record_id as person_record_id,
        records_unioned.source,
        records_unioned.source_record_id,
        records_unioned.company_record_id,
        records_unioned.full_name,
        records_unioned.email,
        records_unioned.linkedin_url,
        records_unioned.title,
        records_unioned.phone,
        records_unioned.owner,
        source_trust.trust_rank,
        records_unioned.first_loaded_at
    from records_unioned
    inner join source_trust
        on records_unioned.source = source_trust.source
)

select * from records_ranked
