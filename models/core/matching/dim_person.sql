-- One row per real person (workspace_id, person_id): the golden record built from every source
-- record that resolved to them. Survivorship is documented in _matching__models.yml.
with

int_person_records_resolved as (
    select * from {{ ref('int_person_records_resolved') }}
),

survivors as (
    select
        workspace_id,
        person_id,
        {% for column in ['full_name', 'email', 'linkedin_url', 'title', 'phone', 'company_id'] %}
            first_value({{ column }}) over (
                partition by workspace_id, person_id
                order by
                    case when {{ column }} is null then 1 else 0 end,
                    trust_rank,
                    first_loaded_at,
                    person_record_id
                rows between unbounded preceding and unbounded following
            ) as {{ column }},
        {% endfor %}
        first_value(case when source = 'crm' then source_record_id end) over (
            partition by workspace_id, person_id
            order by
                case when source = 'crm' then 0 else 1 end,
                first_loaded_at,
                person_record_id
            rows between unbounded preceding and unbounded following
        ) as crm_person_id,
        -- the CRM's own owner of the contact (no other source has one)
        first_value(owner) over (
            partition by workspace_id, person_id
            order by
                case when source = 'crm' and owner is not null then 0 else 1 end,
                first_loaded_at,
                person_record_id
            rows between unbounded preceding and unbounded following
        ) as owner,
        count(*) over (partition by workspace_id, person_id) as source_records,
        sum(case when source = 'crm' then 1 else 0 end)
            over (partition by workspace_id, person_id) as crm_records,
        min(first_loaded_at) over (partition by workspace_id, person_id) as first_seen_at,
        row_number() over (
            partition by workspace_id, person_id
            order by trust_rank, first_loaded_at, person_record_id
        ) as survivor_rank
    from int_person_records_resolved
    where person_id is not null
),

golden_people as (
    select
        workspace_id,
        person_id,
        company_id,
        crm_person_id,
        full_name,
        email,
        linkedin_url,
        title,
        phone,
        owner,
        source_records,
        crm_records,
        crm_records > 0 as is_in_crm,
        first_seen_at
    from survivors
    where survivor_rank = 1
)

select * from golden_people
