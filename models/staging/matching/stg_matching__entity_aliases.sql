with

source as (
    select * from {{ source('matching', 'entity_aliases') }}
),

renamed as (
    select
        workspace_id,
        entity_type,
        retired_entity_id,
        surviving_entity_id,
        run_id
    from source
)

select * from renamed
