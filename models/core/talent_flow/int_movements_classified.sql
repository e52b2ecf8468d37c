-- One row per job movement the people snapshot's history shows (workspace_id, movement_id),
-- before any kill switch. Each new version of a person is compared with the one before:
--   hire       the person appears at a tracked company: a first version after the workspace's
--              baseline (its first delivery), a return after a hard delete, or a new employer;
--   exit       the person leaves a tracked company: the employer changes, or the person is
--              missing from a delivery (hard delete);
--   promotion  same tracked company, higher seniority rank; demotion: lower rank;
--   transfer   same tracked company and rank, other department or title.
-- A move between two tracked companies is an exit at the old one and a hire at the new one.
with

-- the snapshot's versions as today's golden ids, each linked to the version it follows
int_people_snapshot_versions as (
    select * from {{ ref('int_people_snapshot_versions') }}
),

-- a deletion version repeats the person's last state: its "to" side is nobody, nowhere (its
-- "from" side, for a return, is where the person was last seen)
versions as (
    select
        workspace_id,
        snapshot_person_id,
        person_id,
        case when not is_deleted then company_id end as company_id,
        case when not is_deleted then title end as title,
        case when not is_deleted then seniority end as seniority,
        case when not is_deleted then department end as department,
        case when not is_deleted then seniority_source end as seniority_source,
        data_source,
        delivery_source,
        case when not is_deleted then seniority_rank end as seniority_rank,
        is_company_tracked and not is_deleted as is_company_tracked,
        is_deleted,
        is_rekeyed_away,
        is_rekeyed_in,
        version_number,
        baseline_at,
        previous_snapshot_person_id,
        previous_valid_from,
        dbt_valid_from
    from int_people_snapshot_versions
),

-- people with a single baseline version never moved: only later versions are compared
transitions as (
    select
        current_version.workspace_id,
        current_version.person_id,
        current_version.snapshot_person_id,
        previous_version.company_id as from_company_id,
        current_version.company_id as to_company_id,
        previous_version.title as from_title,
        current_version.title as to_title,
        previous_version.seniority as from_seniority,
        current_version.seniority as to_seniority,
        previous_version.department as from_department,
        current_version.department as to_department,
        previous_version.seniority_source as from_seniority_source,
        current_version.seniority_source as to_seniority_source,
        current_version.data_source,
        current_version.delivery_source,
        previous_version.seniority_rank as from_seniority_rank,
        current_version.seniority_rank as to_seniority_rank,
        previous_version.snapshot_person_id is not null as has_previous_version,
        coalesce(previous_version.is_deleted, false) as is_return,
        coalesce(previous_version.is_company_tracked, false) as is_from_company_tracked,
        current_version.is_company_tracked as is_to_company_tracked,
        current_version.is_deleted as is_hard_delete,
        current_version.is_rekeyed_away,
        cast(previous_version.dbt_valid_from as date) as from_snapshot_date,
        cast(current_version.dbt_valid_from as date) as snapshot_date,
        current_version.dbt_valid_from as occurred_at
    from versions as current_version
    left join int_people_snapshot_versions as previous_version
        on
            current_version.workspace_id = previous_version.workspace_id
            and current_version.previous_snapshot_person_id = previous_version.snapshot_person_id
            and current_version.previous_valid_from = previous_version.dbt_valid_from
    where
        (
            current_version.version_number > 1
            or current_version.dbt_valid_from > current_version.baseline_at
        )
        and not current_version.is_rekeyed_in
),

exits as (
    select
        *,
        'exit' as movement_type,
        from_company_id as company_id,
        delivery_source as movement_source
    from transitions
    where
        has_previous_version
        and not is_return
        and is_from_company_tracked
        and (
            (is_hard_delete and not is_rekeyed_away)
            or (not is_hard_delete and (to_company_id is null or to_company_id <> from_company_id))
        )
),

-- a returning person's "from" is where they were last seen; a newcomer has none
hires as (
    select
        *,
        'hire' as movement_type,
        to_company_id as company_id,
        data_source as movement_source
    from transitions
    where
        not is_hard_delete
        and is_to_company_tracked
        and (
            not has_previous_version
            or is_return
            or from_company_id is null
            or to_company_id <> from_company_id
        )
),

-- a seniority read from the title makes the promotion or demotion itself inferred
same_company_changes as (
    select
        *,
        case
            when to_seniority_rank > from_seniority_rank then 'promotion'
            when to_seniority_rank < from_seniority_rank then 'demotion'
            when
                coalesce(to_department, '') <> coalesce(from_department, '')
                or coalesce(to_title, '') <> coalesce(from_title, '')
                then 'transfer'
        end as movement_type,
        to_company_id as company_id,
        case
            when
                to_seniority_rank <> from_seniority_rank
                and 'inferred' in (from_seniority_source, to_seniority_source)
                then 'inferred'
            else data_source
        end as movement_source
    from transitions
    where
        has_previous_version
        and not is_return
        and not is_hard_delete
        and is_to_company_tracked
        and to_company_id = from_company_id
),

movements_unioned as (
    select * from exits
    union all
    select * from hires
    union all
    select * from same_company_changes
    where movement_type is not null
),

-- two ids of one person (before a merge) can show the same movement: it is one movement
movements_ranked as (
    select
        *,
        person_id || ':' || movement_type || ':'
        || {{ dbt.cast('snapshot_date', dbt.type_string()) }} as movement_id,
        row_number() over (
            partition by workspace_id, person_id, movement_type, snapshot_date
            order by snapshot_person_id
        ) as movement_rank
    from movements_unioned
),

movements as (
    select
        movement_id,
        workspace_id,
        person_id,
        company_id,
        from_company_id,
        to_company_id,
        movement_type,
        movement_source,
        from_title,
        to_title,
        from_seniority,
        to_seniority,
        from_department,
        to_department,
        from_seniority_rank,
        to_seniority_rank,
        is_from_company_tracked,
        is_to_company_tracked,
        is_hard_delete,
        is_return,
        from_snapshot_date,
        snapshot_date,
        occurred_at
    from movements_ranked
    where movement_rank = 1
)

select * from movements
