-- One row per key a feed can name a person by (workspace_id, key_type, key_value): a CRM person
-- id or an email address, and the golden person (and company) it resolves to. An email shared
-- by two golden people resolves to the one with the most trusted, then oldest, record.
-- Incremental: a run rewrites only the keys whose resolution changed (a merge, a new record, a
-- key that vanished, kept with null ids) and stamps them resolved_at, so the signal stream
-- re-resolves just the signals that name those keys.
{{ config(
    materialized='incremental',
    unique_key=['workspace_id', 'key_type', 'key_value'],
    incremental_strategy='delete+insert',
    on_schema_change='fail',
    indexes=[
        {'columns': ['workspace_id', 'key_type', 'key_value'], 'unique': true},
        {'columns': ['resolved_at']},
    ],
) }}

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
),

{% if is_incremental() %}
    -- new keys, keys that now resolve elsewhere, and keys that vanished (null ids from now on)
    keys_changed as (
        select
            coalesce(fresh.workspace_id, previous.workspace_id) as workspace_id,
            coalesce(fresh.key_type, previous.key_type) as key_type,
            coalesce(fresh.key_value, previous.key_value) as key_value,
            fresh.person_id,
            fresh.company_id
        from keys_resolved as fresh
        full outer join {{ this }} as previous
            on
                fresh.workspace_id = previous.workspace_id
                and fresh.key_type = previous.key_type
                and fresh.key_value = previous.key_value
        where
            previous.key_value is null
            or (fresh.key_value is null and previous.person_id is not null)
            or {{ values_differ('fresh.person_id', 'previous.person_id') }}
            or {{ values_differ('fresh.company_id', 'previous.company_id') }}
    ),
{% else %}
    keys_changed as (
        select * from keys_resolved
    ),
{% endif %}

keys_stamped as (
    select
        *,
        {{ run_started_timestamp() }} as resolved_at
    from keys_changed
)

select * from keys_stamped
