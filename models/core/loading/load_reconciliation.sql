-- One row per load batch: rows the loader wrote, rows in raw, rows staging accepted and rows it
-- rejected. Every raw row is accounted for: raw_rows = staged_rows + rejected_rows.
with

{% set base_models = [
    ('crm_companies', 'base_crm__companies'),
    ('crm_people', 'base_crm__people'),
    ('crm_opportunities', 'base_crm__opportunities'),
    ('partner_opportunities', 'base_partner_network__opportunities'),
    ('engagement_events', 'base_engagement__events'),
    ('vendor_people_snapshots', 'base_vendor__people_snapshots'),
    ('backfill_people', 'base_legacy_backfill__people'),
] %}

stg_loader__load_batches as (
    select
        workspace_id,
        load_batch_id,
        feed,
        file_name,
        load_status,
        rows_loaded,
        started_at
    from {{ ref('stg_loader__load_batches') }}
),

stg_loader__raw_row_counts as (
    select
        workspace_id,
        load_batch_id,
        raw_rows
    from {{ ref('stg_loader__raw_row_counts') }}
),

staged_row_counts as (
    {% for feed, model in base_models %}
        select
            workspace_id,
            load_batch_id,
            count(*) as staged_rows
        from {{ ref(model) }}
        where reject_reason is null
        group by workspace_id, load_batch_id
        {% if not loop.last %}union all{% endif %}
    {% endfor %}
),

rejected_row_counts as (
    select
        workspace_id,
        load_batch_id,
        count(*) as rejected_rows,
        sum(case when reject_reason = 'exact_replay' then 1 else 0 end) as replayed_rows
    from {{ ref('rejected_rows') }}
    group by workspace_id, load_batch_id
),

reconciled as (
    select
        batches.workspace_id,
        batches.load_batch_id,
        batches.feed,
        batches.file_name,
        batches.load_status,
        coalesce(batches.rows_loaded, 0) as rows_loaded,
        coalesce(raw_counts.raw_rows, 0) as raw_rows,
        coalesce(staged.staged_rows, 0) as staged_rows,
        coalesce(rejected.rejected_rows, 0) as rejected_rows,
        coalesce(rejected.replayed_rows, 0) as replayed_rows,
        batches.started_at
    from stg_loader__load_batches as batches
    left join stg_loader__raw_row_counts as raw_counts
        on
            batches.workspace_id = raw_counts.workspace_id
            and batches.load_batch_id = raw_counts.load_batch_id
    left join staged_row_counts as staged
        on
            batches.workspace_id = staged.workspace_id
            and batches.load_batch_id = staged.load_batch_id
    left join rejected_row_counts as rejected
        on
            batches.workspace_id = rejected.workspace_id
            and batches.load_batch_id = rejected.load_batch_id
)

select * from reconciled
