-- One row per person record (workspace_id, person_record_id) with the golden person it
-- resolved to, and the golden company of the company record it came with.
with

int_person_records as (
    select * from {{ ref('int_person_records') }}
),

int_company_records_resolved as (
    select
        workspace_id,
        company_record_id,
        company_id
    from {{ ref('int_company_records_resolved') }}
),

stg_matching__entity_assignments as (
    select
        workspace_id,
        record_id,
        entity_id
    from {{ ref('stg_matching__entity_assignments') }}
    where entity_type = 'person'
),

resolved as (
    select
        records.workspace_id,
        records.person_record_id,
        assignments.entity_id as person_id,
        companies.company_id,
        records.source,
        records.source_record_id,
        records.company_record_id,
        records.full_name,
        records.email,
        records.linkedin_url,
        records.title,
        records.phone,
        records.owner,
        records.trust_rank,
        records.first_loaded_at
    from int_person_records as records
    left join stg_matching__entity_assignments as assignments
        on
            records.workspace_id = assignments.workspace_id
            and records.person_record_id = assignments.record_id
    left join int_company_records_resolved as companies
        on
            records.workspace_id = companies.workspace_id
            and records.company_record_id = companies.company_record_id
)

select * from resolved
