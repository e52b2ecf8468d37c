-- One row per company record (workspace_id, company_record_id) with the golden company it
-- resolved to.
with

int_company_records as (
    select * from {{ ref('int_company_records') }}
),

stg_matching__entity_assignments as (
    select
        workspace_id,
        record_id,
        entity_id
    from {{ ref('stg_matching__entity_assignments') }}
    where entity_type = 'company'
),

resolved as (
    select
        records.workspace_id,
        records.company_record_id,
        assignments.entity_id as company_id,
        records.source,
        records.source_record_id,
        records.company_name,
        records.company_domain,
        records.trust_rank,
        records.first_loaded_at
    from int_company_records as records
    left join stg_matching__entity_assignments as assignments
        on
            records.workspace_id = assignments.workspace_id
            and records.company_record_id = assignments.record_id
)

select * from resolved
