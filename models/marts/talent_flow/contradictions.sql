-- One row per job movement held back as contradictory (workspace_id, movement_id): the
-- reason, the movement it conflicts with, and the states on both sides, for an analyst to
-- check against the source. None of these became a BIT signal.
with

fct_movements as (
    select
        workspace_id,
        movement_id,
        person_id,
        company_id,
        from_company_id,
        to_company_id,
        conflicting_movement_id,
        movement_type,
        contradiction_reason,
        movement_source,
        from_title,
        to_title,
        from_seniority,
        to_seniority,
        from_department,
        to_department,
        is_hard_delete,
        from_snapshot_date,
        snapshot_date,
        occurred_at
    from {{ ref('fct_movements') }}
    where status = 'contradiction'
),

dim_person as (
    select
        workspace_id,
        person_id,
        full_name
    from {{ ref('dim_person') }}
),

dim_company as (
    select
        workspace_id,
        company_id,
        company_name
    from {{ ref('dim_company') }}
),

contradictions as (
    select
        movements.workspace_id,
        movements.movement_id,
        movements.person_id,
        movements.company_id,
        movements.from_company_id,
        movements.to_company_id,
        movements.conflicting_movement_id,
        {{ spreadsheet_safe('people.full_name') }} as full_name,
        {{ spreadsheet_safe('companies.company_name') }} as company_name,
        movements.movement_type,
        movements.contradiction_reason,
        movements.movement_source,
        {{ spreadsheet_safe('movements.from_title') }} as from_title,
        {{ spreadsheet_safe('movements.to_title') }} as to_title,
        {{ spreadsheet_safe('movements.from_seniority') }} as from_seniority,
        {{ spreadsheet_safe('movements.to_seniority') }} as to_seniority,
        {{ spreadsheet_safe('movements.from_department') }} as from_department,
        {{ spreadsheet_safe('movements.to_department') }} as to_department,
        movements.is_hard_delete,
        movements.from_snapshot_date,
        movements.snapshot_date,
        movements.occurred_at
    from fct_movements as movements
    left join dim_person as people
        on
            movements.workspace_id = people.workspace_id
            and movements.person_id = people.person_id
    left join dim_company as companies
        on
            movements.workspace_id = companies.workspace_id
            and movements.company_id = companies.company_id
)

select * from contradictions
