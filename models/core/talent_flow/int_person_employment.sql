-- One row per golden person per employer the people snapshot has seen them at (workspace_id,
-- person_id, company_id): when they were first seen there, and when they left (exited_at, null
-- while they still work there). A person's current employer is their row with is_current; the
-- rest are the companies they exited, with the exit time, so scoring can stop counting a
-- person's intent at an account from the day they left it.
with

people_snapshot as (
    select
        workspace_id,
        person_id,
        company_id,
        is_company_tracked,
        dbt_is_deleted = 'True' as is_deleted,
        dbt_valid_from,
        dbt_valid_to
    from {{ ref('people_snapshot') }}
),

-- versions at an employer (a deletion version repeats the last employer: it is not one)
employed_versions as (
    select *
    from people_snapshot
    where not is_deleted and company_id is not null
),

employment as (
    select
        workspace_id,
        person_id,
        company_id,
        {{ dbt.bool_or('is_company_tracked') }} as is_company_tracked,
        {{ dbt.bool_or('dbt_valid_to is null') }} as is_current,
        min(dbt_valid_from) as first_seen_at,
        max(dbt_valid_to) as last_left_at
    from employed_versions
    group by workspace_id, person_id, company_id
),

employment_dated as (
    select
        workspace_id,
        person_id,
        company_id,
        is_company_tracked,
        is_current,
        cast(first_seen_at as date) as first_seen_date,
        case when not is_current then cast(last_left_at as date) end as exited_date,
        first_seen_at,
        case when not is_current then last_left_at end as exited_at
    from employment
)

select * from employment_dated
