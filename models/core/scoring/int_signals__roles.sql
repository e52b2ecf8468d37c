-- One row per person record whose seniority is C-level: a standing `role_executive` signal from
-- the source that says so (the vendor's latest delivery, or the legacy backfill), dated from
-- the first delivery that showed it.
with

stg_vendor__people_snapshots as (
    select
        workspace_id,
        vendor_person_id,
        seniority,
        snapshot_date
    from {{ ref('stg_vendor__people_snapshots') }}
),

stg_legacy_backfill__people as (
    select
        workspace_id,
        legacy_person_id,
        seniority,
        first_loaded_at
    from {{ ref('stg_legacy_backfill__people') }}
),

-- one sort of the deliveries per person carries both: the latest delivery, and the first that
-- showed the person C-level (a self-join of the deliveries read them twice, and at 1M people
-- the planner once looped over one side for every row of the other)
vendor_ranked as (
    select
        workspace_id,
        vendor_person_id,
        seniority,
        row_number() over (
            partition by workspace_id, vendor_person_id
            order by snapshot_date desc
        ) as recency_rank,
        min(case when seniority = 'c_level' then snapshot_date end) over (
            partition by workspace_id, vendor_person_id
        ) as c_level_since
    from stg_vendor__people_snapshots
),

vendor_c_level_since as (
    select
        workspace_id,
        vendor_person_id,
        c_level_since
    from vendor_ranked
    where recency_rank = 1 and seniority = 'c_level'
),

signals_unioned as (
    select
        workspace_id,
        vendor_person_id as origin_record_id,
        'vendor' as signal_source,
        'vendor:' || vendor_person_id as person_record_id,
        {{ dbt.cast('c_level_since', api.Column.translate_type('timestamp')) }} as occurred_at
    from vendor_c_level_since
    union all
    select
        workspace_id,
        legacy_person_id as origin_record_id,
        'backfill' as signal_source,
        'backfill:' || legacy_person_id as person_record_id,
        {{ dbt.cast('first_loaded_at', api.Column.translate_type('timestamp')) }} as occurred_at
    from stg_legacy_backfill__people
    where seniority = 'c_level'
),

signals as (
    select
        workspace_id || ':role:' || person_record_id as signal_id,
        workspace_id,
        origin_record_id,
        'role_executive' as signal_type,
        signal_source,
        person_record_id,
        cast(1 as numeric) as signal_value,
        occurred_at
    from signals_unioned
)

select * from signals
