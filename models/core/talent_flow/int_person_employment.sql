-- One row per golden person per employer the people snapshot has seen them at (workspace_id,
-- person_id, company_id): when they were first seen there, and when they left (exited_at, null
-- while they still work there). A person's current employer is their row with is_current; the
-- rest are the companies they exited, with the exit time, so scoring can stop counting a
-- person's intent at an account from the day they left it. People and employers are today's
-- golden ids (int_people_snapshot_versions): two snapshot ids a merge made one person can both
-- be current until the next delivery, and then the survivor's own version speaks.
with

people_snapshot as (
    select
        workspace_id,
        snapshot_person_id,
        person_id,
        company_id,
        is_company_tracked,
        is_deleted,
        dbt_valid_from,
        dbt_valid_to
    from {{ ref('int_people_snapshot_versions') }}
),

-- versions at an employer (a deletion version repeats the last employer: it is not one)
employed_versions as (
    select *
    from people_snapshot
    where not is_deleted and company_id is not null
),

current_versions_ranked as (
    select
        workspace_id,
        person_id,
        company_id,
        row_number() over (
            partition by workspace_id, person_id
            order by
                case when snapshot_person_id = person_id then 0 else 1 end asc,
                dbt_valid_from desc,
                snapshot_person_id asc
        ) as speaker_rank
    from employed_versions
    where dbt_valid_to is null
),

employment as (
    select
        versions.workspace_id,
        versions.person_id,
        versions.company_id,
        {{ dbt.bool_or('versions.is_company_tracked') }} as is_company_tracked,
        {{ dbt.bool_or('current_versions.person_id is not null') }} as is_current,
        min(versions.dbt_valid_from) as first_seen_at,
        max(versions.dbt_valid_to) as last_left_at
    from employed_versions as versions
    left join current_versions_ranked as current_versions
        on
            versions.workspace_id = current_versions.workspace_id
            and versions.person_id = current_versions.person_id
            and versions.company_id = current_versions.company_id
            and current_versions.speaker_rank = 1
    group by versions.workspace_id, versions.person_id, versions.company_id
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
