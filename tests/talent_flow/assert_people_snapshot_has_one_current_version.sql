-- Guards the people snapshot's history: every person has exactly one current version (open
-- dbt_valid_to), deleted or not. Threshold: no person with zero or several. Window: all people.
with

people_snapshot as (
    select
        workspace_id,
        person_id,
        dbt_valid_to
    from {{ ref('people_snapshot') }}
),

current_versions as (
    select
        workspace_id,
        person_id,
        sum(case when dbt_valid_to is null then 1 else 0 end) as current_versions
    from people_snapshot
    group by workspace_id, person_id
)

select * from current_versions
where current_versions <> 1
