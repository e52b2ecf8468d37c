-- One row per company record from any source (workspace_id, company_record_id): the candidates
-- entity matching resolves into golden companies. A record id is `<source>:<source id>`; the
-- vendor has no company id, so its records are the employer names it writes.
with

stg_crm__companies as (
    select
        workspace_id,
        crm_company_id,
        company_name,
        company_domain,
        first_loaded_at
    from {{ ref('stg_crm__companies') }}
),

stg_partner_network__opportunities as (
    select
        workspace_id,
        partner_opportunity_id,
        account_name,
        account_domain,
        first_loaded_at
    from {{ ref('stg_partner_network__opportunities') }}
),

stg_legacy_backfill__people as (
    select
        workspace_id,
        legacy_company_id,
        company_name,
        company_domain,
        first_loaded_at
    from {{ ref('stg_legacy_backfill__people') }}
    where legacy_company_id is not null
),

stg_vendor__people_snapshots as (
    select
        workspace_id,
        company_name_as_written,
        company_name,
        company_domain,
        loaded_at
    from {{ ref('stg_vendor__people_snapshots') }}
    where company_name_as_written is not null
),

source_trust as (
    select
        source,
        trust_rank
    from {{ ref('source_trust') }}
),

backfill_companies as (
    select
        workspace_id,
        legacy_company_id,
        min(company_name) as company_name,
        min(company_domain) as company_domain,
        min(first_loaded_at) as first_loaded_at
    from stg_legacy_backfill__people
    group by workspace_id, legacy_company_id
),

vendor_companies as (
    select
        workspace_id,
        company_name_as_written,
        min(company_name) as company_name,
        min(company_domain) as company_domain,
        min(loaded_at) as first_loaded_at
    from stg_vendor__people_snapshots
    group by workspace_id, company_name_as_written
),

records_unioned as (
    select
        workspace_id,
        'crm' as source,
        crm_company_id as source_record_id,
        company_name,
        company_domain,
        first_loaded_at
    from stg_crm__companies
    union all
    select
        workspace_id,
        'partner' as source,
        partner_opportunity_id as source_record_id,
        account_name as company_name,
        account_domain as company_domain,
        first_loaded_at
    from stg_partner_network__opportunities
    union all
    select
        workspace_id,
        'backfill' as source,
        legacy_company_id as source_record_id,
        company_name,
        company_domain,
        first_loaded_at
    from backfill_companies
    union all
    select
        workspace_id,
        'vendor' as source,
        company_name_as_written as source_record_id,
        company_name,
        company_domain,
        first_loaded_at
    from vendor_companies
),

records_ranked as (
    select
        records_unioned.workspace_id,
        records_unioned.source || ':' || records_unioned.source_record_id as company_record_id,
        records_unioned.source,
        records_unioned.source_record_id,
        records_unioned.company_name,
        records_unioned.company_domain,
        source_trust.trust_rank,
        records_unioned.first_loaded_at
    from records_unioned
    inner join source_trust
        on records_unioned.source = source_trust.source
    where records_unioned.company_name is not null or records_unioned.company_domain is not null
)

select * from records_ranked
