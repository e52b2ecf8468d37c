with

source as (
    select * from {{ source('matching', 'entity_assignments') }}
),

renamed as (
    select
        workspace_id,
        entity_type,
        record_id,
        entity_id,
        {{ dbt.split_part('record_id', "':'", 1) }} as source,
        first_assigned_run_id,
        run_id
    from source
)

select * from renamed
