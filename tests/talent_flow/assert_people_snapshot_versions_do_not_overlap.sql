-- Guards the people snapshot's history: per person, each version starts where the previous
-- one ended (its dbt_valid_to is the next version's dbt_valid_from) and no version ends before
-- it starts. Threshold: no row. Window: every version of every person.
with

people_snapshot as (
    select
        workspace_id,
        person_id,
        dbt_scd_id,
        dbt_valid_from,
        dbt_valid_to
    from {{ ref('people_snapshot') }}
),

versions_ordered as (
    select
        *,
        lead(dbt_valid_from) over (
            partition by workspace_id, person_id
            order by dbt_valid_from, dbt_scd_id
        ) as next_valid_from
    from people_snapshot
),

versions_overlapping as (
    select *
    from versions_ordered
    where
        dbt_valid_to < dbt_valid_from
        or (next_valid_from is not null and (dbt_valid_to is null or dbt_valid_to <> next_valid_from))
        or (next_valid_from is null and dbt_valid_to is not null)
)

select * from versions_overlapping
