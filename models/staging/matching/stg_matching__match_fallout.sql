with

source as (
    select * from {{ source('matching', 'match_fallout') }}
),

renamed as (
    select
        workspace_id,
        entity_type,
        record_id,
        reason,
        candidate_record_ids,
        run_id,
        best_score
    from source
)

select * from renamed
