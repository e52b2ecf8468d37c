with

source as (
    select * from {{ source('loader', 'load_batches') }}
),

renamed as (
    select
        load_batch_id,
        workspace_id,
        kind as feed,
        file_name,
        file_sha256,
        file_encoding,
        status as load_status,
        message as failure_message,
        file_bytes,
        rows_read,
        rows_loaded,
        started_at at time zone 'UTC' as started_at,
        finished_at at time zone 'UTC' as finished_at
    from source
)

select * from renamed
