-- One row per key a feed can name a person by (workspace_id, key_type, key_value): a CRM person
-- id or an email address, and the golden person (and company) it resolves to. An email shared
-- by two golden people resolves to the one with the most trusted, then oldest, record.
with

int_person_records_resolved as (
    select
        workspace_id,
        person_record_id,
        person_id,
        company_id,
        source,
        source_record_id,
        email,
        trust_rank,
        first_loaded_at
    from {{ ref('int_person_records_resolved') }}
    where person_id is not null
),

keys_unpivoted as (
    select
        workspace_id,
        'crm_person_id' as key_type,
        source_record_id as key_value,
        person_id,
        company_id,
        trust_rank,
        first_loaded_at,
        person_record_id
    from int_person_records_resolved
    where source = 'crm'
    union all
    select
        workspace_id,
        'email' as key_type,
        email as key_value,
        person_id,
        company_id,
        trust_rank,
        first_loaded_at,
        person_record_id
    from int_person_records_resolved
    where email is not null
),

keys_ranked as (
    select
        *,
        row_number() over (
            partition by workspace_id, key_type, key_value
            order by trust_rank, first_loaded_at, person_record_id
        ) as key_rank
    from keys_unpivoted
),

keys_resolved as (
    select
        workspace_id,
        key_type,
        key_value,
        person_id,
        company_id
    from keys_ranked
    where key_rank = 1
)

select * from keys_resolved
