-- One row per person record that shares its normalized email or LinkedIn URL with another
-- record: an exact ("perfect") match, as an edge to the key group's anchor (the most trusted,
-- then oldest record). A record can have an email edge and a LinkedIn edge.
with

int_person_records as (
    select
        workspace_id,
        person_record_id,
        email,
        linkedin_url,
        trust_rank,
        first_loaded_at
    from {{ ref('int_person_records') }}
),

keys_unpivoted as (
    select
        workspace_id,
        person_record_id,
        'exact_email' as match_method,
        email as matched_value,
        trust_rank,
        first_loaded_at
    from int_person_records
    where email is not null
    union all
    select
        workspace_id,
        person_record_id,
        'exact_linkedin' as match_method,
        linkedin_url as matched_value,
        trust_rank,
        first_loaded_at
    from int_person_records
    where linkedin_url is not null
),

key_groups as (
    select
        *,
        first_value(person_record_id) over (
            partition by workspace_id, match_method, matched_value
            order by trust_rank, first_loaded_at, person_record_id
        ) as anchor_record_id
    from keys_unpivoted
),

edges as (
    select
        workspace_id,
        person_record_id,
        anchor_record_id,
        match_method,
        matched_value
    from key_groups
    where person_record_id <> anchor_record_id
)

select * from edges
