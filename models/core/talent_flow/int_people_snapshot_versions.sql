-- One row per version of the people snapshot (workspace_id, snapshot_person_id,
-- dbt_valid_from), with the golden person and employer it stands for today and the version it
-- follows. The snapshot is keyed by the golden ids of the run that wrote each version; matching
-- can merge two people (an alias retires one id), split one, or re-key a record, and none of
-- that is a job change. So:
--   - ids are read through the aliases (int_retired_entity_ids): a version of a retired person
--     is a version of the survivor, a retired employer is the surviving one;
--   - a version deleted while its record is still in that delivery (under another id) is a
--     re-key, not a departure (`is_rekeyed_away`); so is a deletion while the same person is
--     still current under another id;
--   - the first version of an id after the workspace's baseline follows the latest earlier
--     version of the same person (through the aliases) or of the same vendor record, when
--     there is one; with none, an id whose record was in an earlier delivery is a re-keyed
--     record (`is_rekeyed_in`), not a newcomer.
with

people_snapshot as (
    select
        workspace_id,
        person_id as snapshot_person_id,
        company_id as snapshot_company_id,
        vendor_person_id,
        title,
        seniority,
        seniority_source,
        department,
        data_source,
        delivery_source,
        seniority_rank,
        is_company_tracked,
        dbt_is_deleted = 'True' as is_deleted,
        dbt_valid_from,
        dbt_valid_to
    from {{ ref('people_snapshot') }}
),

int_retired_entity_ids as (
    select
        workspace_id,
        entity_type,
        retired_entity_id,
        current_entity_id
    from {{ ref('int_retired_entity_ids') }}
),

stg_vendor__people_snapshots as (
    select
        workspace_id,
        vendor_person_id,
        snapshot_date
    from {{ ref('stg_vendor__people_snapshots') }}
),

versions_resolved as (
    select
        snapshot.*,
        coalesce(people.current_entity_id, snapshot.snapshot_person_id) as person_id,
        coalesce(companies.current_entity_id, snapshot.snapshot_company_id) as company_id,
        row_number() over (
            partition by snapshot.workspace_id, snapshot.snapshot_person_id
            order by snapshot.dbt_valid_from
        ) as version_number,
        min(snapshot.dbt_valid_from) over (partition by snapshot.workspace_id) as baseline_at
    from people_snapshot as snapshot
    left join int_retired_entity_ids as people
        on
            snapshot.workspace_id = people.workspace_id
            and snapshot.snapshot_person_id = people.retired_entity_id
            and people.entity_type = 'person'
    left join int_retired_entity_ids as companies
        on
            snapshot.workspace_id = companies.workspace_id
            and snapshot.snapshot_company_id = companies.retired_entity_id
            and companies.entity_type = 'company'
),

first_versions as (
    select
        workspace_id,
        snapshot_person_id,
        person_id,
        vendor_person_id,
        dbt_valid_from
    from versions_resolved
    where version_number = 1 and dbt_valid_from > baseline_at
),

-- the versions a newcomer id may follow: of the same person under another id, or of the same
-- vendor record (two equality joins: one join on either would loop)
predecessor_candidates as (
    select
        first_versions.workspace_id,
        first_versions.snapshot_person_id,
        earlier.snapshot_person_id as predecessor_person_id,
        earlier.dbt_valid_from as predecessor_valid_from
    from first_versions
    inner join versions_resolved as earlier
        on
            first_versions.workspace_id = earlier.workspace_id
            and first_versions.person_id = earlier.person_id
            and first_versions.snapshot_person_id <> earlier.snapshot_person_id
            and first_versions.dbt_valid_from > earlier.dbt_valid_from
    union all
    select
        first_versions.workspace_id,
        first_versions.snapshot_person_id,
        earlier.snapshot_person_id as predecessor_person_id,
        earlier.dbt_valid_from as predecessor_valid_from
    from first_versions
    inner join versions_resolved as earlier
        on
            first_versions.workspace_id = earlier.workspace_id
            and first_versions.vendor_person_id = earlier.vendor_person_id
            and first_versions.snapshot_person_id <> earlier.snapshot_person_id
            and first_versions.dbt_valid_from > earlier.dbt_valid_from
),

predecessors_ranked as (
    select
        *,
        row_number() over (
            partition by workspace_id, snapshot_person_id
            order by predecessor_valid_from desc, predecessor_person_id asc
        ) as predecessor_rank
    from predecessor_candidates
),

-- a record delivered before, under an id the snapshot never kept (it was matching fallout, or
-- not the record that spoke for its person)
records_delivered_before as (
    select distinct
        first_versions.workspace_id,
        first_versions.snapshot_person_id
    from first_versions
    inner join stg_vendor__people_snapshots as deliveries
        on
            first_versions.workspace_id = deliveries.workspace_id
            and first_versions.vendor_person_id = deliveries.vendor_person_id
            and deliveries.snapshot_date < {{ dbt.cast('first_versions.dbt_valid_from', 'date') }}
),

deletions as (
    select
        workspace_id,
        snapshot_person_id,
        person_id,
        vendor_person_id,
        dbt_valid_from
    from versions_resolved
    where is_deleted
),

-- a deletion whose record is still in the delivery, or whose person is still current under
-- another id
deletions_rekeyed as (
    select
        deletions.workspace_id,
        deletions.snapshot_person_id,
        deletions.dbt_valid_from
    from deletions
    inner join stg_vendor__people_snapshots as deliveries
        on
            deletions.workspace_id = deliveries.workspace_id
            and deletions.vendor_person_id = deliveries.vendor_person_id
            and deliveries.snapshot_date = {{ dbt.cast('deletions.dbt_valid_from', 'date') }}
    union
    select
        deletions.workspace_id,
        deletions.snapshot_person_id,
        deletions.dbt_valid_from
    from deletions
    inner join versions_resolved as present
        on
            deletions.workspace_id = present.workspace_id
            and deletions.person_id = present.person_id
            and deletions.snapshot_person_id <> present.snapshot_person_id
            and deletions.dbt_valid_from >= present.dbt_valid_from
            and (present.dbt_valid_to is null or deletions.dbt_valid_from < present.dbt_valid_to)
    where not present.is_deleted
),

versions_linked as (
    select
        versions.workspace_id,
        versions.snapshot_person_id,
        versions.person_id,
        versions.company_id,
        versions.vendor_person_id,
        versions.title,
        versions.seniority,
        versions.seniority_source,
        versions.department,
        versions.data_source,
        versions.delivery_source,
        versions.seniority_rank,
        versions.is_company_tracked,
        versions.is_deleted,
        versions.version_number,
        versions.baseline_at,
        versions.dbt_valid_from,
        versions.dbt_valid_to,
        case
            when versions.version_number > 1 then versions.snapshot_person_id
            else predecessors.predecessor_person_id
        end as previous_snapshot_person_id,
        case
            when versions.version_number > 1
                then lag(versions.dbt_valid_from) over (
                    partition by versions.workspace_id, versions.snapshot_person_id
                    order by versions.dbt_valid_from
                )
            else predecessors.predecessor_valid_from
        end as previous_valid_from,
        rekeyed_away.snapshot_person_id is not null as is_rekeyed_away,
        versions.version_number = 1
        and predecessors.predecessor_person_id is null
        and delivered_before.snapshot_person_id is not null as is_rekeyed_in
    from versions_resolved as versions
    left join predecessors_ranked as predecessors
        on
            versions.workspace_id = predecessors.workspace_id
            and versions.snapshot_person_id = predecessors.snapshot_person_id
            and versions.version_number = 1
            and predecessors.predecessor_rank = 1
    left join records_delivered_before as delivered_before
        on
            versions.workspace_id = delivered_before.workspace_id
            and versions.snapshot_person_id = delivered_before.snapshot_person_id
            and versions.version_number = 1
    left join deletions_rekeyed as rekeyed_away
        on
            versions.workspace_id = rekeyed_away.workspace_id
            and versions.snapshot_person_id = rekeyed_away.snapshot_person_id
            and versions.dbt_valid_from = rekeyed_away.dbt_valid_from
)

select * from versions_linked
