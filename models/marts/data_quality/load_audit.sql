-- One row per load batch: what was loaded, when, and what staging made of it.
with

load_reconciliation as (
    select * from {{ ref('load_reconciliation') }}
),

audited as (
    select
        workspace_id,
        load_batch_id,
        feed,
        {{ spreadsheet_safe('file_name') }} as file_name,
        load_status,
        rows_loaded,
        raw_rows,
        staged_rows,
        rejected_rows,
        replayed_rows,
        raw_rows = staged_rows + rejected_rows as is_reconciled,
        started_at
    from load_reconciliation
)

select * from audited
