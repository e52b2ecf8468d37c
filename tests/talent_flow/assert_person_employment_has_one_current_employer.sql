-- Guards int_person_employment: a person works at one company at a time (their current
-- version's). Threshold: no person with two current employers. Window: all people.
with

int_person_employment as (
    select
        workspace_id,
        person_id,
        company_id
    from {{ ref('int_person_employment') }}
    where is_current
),

current_employers as (
    select
        workspace_id,
        person_id,
        count(*) as current_employers
    from int_person_employment
    group by workspace_id, person_id
)

select * from current_employers
where current_employers > 1
