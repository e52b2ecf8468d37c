with

source as (
    select * from {{ source('matching', 'match_pairs') }}
),

renamed as (
    select
        workspace_id,
        entity_type,
        left_record_id,
        right_record_id,
        match_method,
        decision,
        run_id,
        score,
        ratio_score,
        token_score,
        threshold
    from source
)

select * from renamed
