-- One row per job movement (workspace_id, movement_id), newest first for BI: who moved, from
-- what to what (company, title, seniority, department), whether it became a BIT signal (status
-- after the kill switches) and the points it adds to the person's score as of the as_of day.
with

fct_movements as (
    select * from {{ ref('fct_movements') }}
),

dim_person as (
    select
        workspace_id,
        person_id,
        full_name,
        email
    from {{ ref('dim_person') }}
),

dim_company as (
    select
        workspace_id,
        company_id,
        company_name
    from {{ ref('dim_company') }}
),

fct_bit_score_contributions as (
    select
        signal_id,
        base_points,
        points
    from {{ ref('fct_bit_score_contributions') }}
),

movements_named as (
    select
        movements.workspace_id,
        movements.movement_id,
        case
            when movements.status = 'accepted'
                then movements.workspace_id || ':movement:' || movements.movement_id
        end as signal_id,
        movements.person_id,
        movements.company_id,
        movements.from_company_id,
        movements.to_company_id,
        movements.conflicting_movement_id,
        people.full_name,
        people.email,
        companies.company_name,
        from_companies.company_name as from_company_name,
        to_companies.company_name as to_company_name,
        movements.movement_type,
        movements.signal_type,
        movements.status,
        movements.contradiction_reason,
        movements.movement_source,
        movements.from_title,
        movements.to_title,
        movements.from_seniority,
        movements.to_seniority,
        movements.from_department,
        movements.to_department,
        movements.weight,
        movements.confidence,
        movements.hours_since_previous_change,
        movements.is_from_company_tracked,
        movements.is_to_company_tracked,
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
    left join dim_company as from_companies
        on
            movements.workspace_id = from_companies.workspace_id
            and movements.from_company_id = from_companies.company_id
    left join dim_company as to_companies
        on
            movements.workspace_id = to_companies.workspace_id
            and movements.to_company_id = to_companies.company_id
),

feed as (
    select
        movements.workspace_id,
        movements.movement_id,
        movements.signal_id,
        movements.person_id,
        movements.company_id,
        movements.from_company_id,
        movements.to_company_id,
        movements.conflicting_movement_id,
        {{ spreadsheet_safe('movements.full_name') }} as full_name,
        {{ spreadsheet_safe('movements.email') }} as email,
        {{ spreadsheet_safe('movements.company_name') }} as company_name,
        {{ spreadsheet_safe('movements.from_company_name') }} as from_company_name,
        {{ spreadsheet_safe('movements.to_company_name') }} as to_company_name,
        movements.movement_type,
        movements.signal_type,
        movements.status,
        movements.contradiction_reason,
        movements.movement_source,
        {{ spreadsheet_safe('movements.from_title') }} as from_title,
        {{ spreadsheet_safe('movements.to_title') }} as to_title,
        {{ spreadsheet_safe('movements.from_seniority') }} as from_seniority,
        {{ spreadsheet_safe('movements.to_seniority') }} as to_seniority,
        {{ spreadsheet_safe('movements.from_department') }} as from_department,
        {{ spreadsheet_safe('movements.to_department') }} as to_department,
        movements.weight,
        movements.confidence,
        cast(contributions.base_points as {{ dbt.type_numeric() }}) as base_points,
        cast(coalesce(contributions.points, 0) as {{ dbt.type_numeric() }}) as points,
        movements.hours_since_previous_change,
        contributions.signal_id is not null as is_scored,
        movements.is_from_company_tracked,
        movements.is_to_company_tracked,
        movements.is_hard_delete,
        movements.from_snapshot_date,
        movements.snapshot_date,
        {{ bit_as_of_date() }} as as_of_date,
        movements.occurred_at
    from movements_named as movements
    left join fct_bit_score_contributions as contributions
        on movements.signal_id = contributions.signal_id
)

select * from feed
