-- One row per record entity matching would not resolve: what it is, why, and its best
-- candidates. Nothing here was guessed into a golden record.
with

stg_matching__match_fallout as (
    select * from {{ ref('stg_matching__match_fallout') }}
),

int_company_records as (
    select
        workspace_id,
        company_record_id as record_id,
        company_name as record_name,
        company_domain as record_key
    from {{ ref('int_company_records') }}
),

int_person_records as (
    select
        workspace_id,
        person_record_id as record_id,
        full_name as record_name,
        coalesce(email, linkedin_url) as record_key
    from {{ ref('int_person_records') }}
),

records as (
    select
        'company' as entity_type,
        *
    from int_company_records
    union all
    select
        'person' as entity_type,
        *
    from int_person_records
),

fallout_described as (
    select
        fallout.workspace_id,
        fallout.entity_type,
        {{ spreadsheet_safe('fallout.record_id') }} as record_id,
        {{ dbt.split_part('fallout.record_id', "':'", 1) }} as source,
        {{ spreadsheet_safe('records.record_name') }} as record_name,
        {{ spreadsheet_safe('records.record_key') }} as record_key,
        fallout.reason,
        {{ spreadsheet_safe('fallout.candidate_record_ids') }} as candidate_record_ids,
        fallout.run_id,
        fallout.best_score
    from stg_matching__match_fallout as fallout
    left join records
        on
            fallout.workspace_id = records.workspace_id
            and fallout.entity_type = records.entity_type
            and fallout.record_id = records.record_id
)

select * from fallout_described
