-- One row per real company (workspace_id, company_id): the golden record built from every
-- source record that resolved to it. Survivorship is documented in _matching__models.yml.
with

int_company_records_resolved as (
    select * from {{ ref('int_company_records_resolved') }}
),

stg_crm__companies as (
    select
        workspace_id,
        crm_company_id,
        industry,
        employee_count,
        annual_revenue,
        state,
        country,
        owner,
        lifecycle_stage,
        created_at,
        last_loaded_at
    from {{ ref('stg_crm__companies') }}
),

records_with_crm_fields as (
    select
        records.*,
        crm.industry,
        crm.employee_count,
        crm.annual_revenue,
        crm.state,
        crm.country,
        crm.owner,
        crm.lifecycle_stage,
        crm.created_at,
        case when records.source = 'crm' then records.source_record_id end as crm_company_id
    from int_company_records_resolved as records
    left join stg_crm__companies as crm
        on
            records.source = 'crm'
            and records.workspace_id = crm.workspace_id
            and records.source_record_id = crm.crm_company_id
),

-- protected fields (name, domain, owner, lifecycle stage, CRM id, created date): the most
-- trusted source's first value; descriptive fields likewise, most trusted then oldest record
survivors as (
    select
        workspace_id,
        company_id,
        {% for column in [
            'company_name', 'company_domain', 'crm_company_id', 'industry', 'employee_count',
            'annual_revenue', 'state', 'country', 'owner', 'lifecycle_stage', 'created_at',
        ] %}
            first_value({{ column }}) over (
                partition by workspace_id, company_id
                order by
                    case when {{ column }} is null then 1 else 0 end,
                    trust_rank,
                    first_loaded_at,
                    company_record_id
                rows between unbounded preceding and unbounded following
            ) as {{ column }},
        {% endfor %}
        count(*) over (partition by workspace_id, company_id) as source_records,
        sum(case when source = 'crm' then 1 else 0 end)
            over (partition by workspace_id, company_id) as crm_records,
        min(first_loaded_at) over (partition by workspace_id, company_id) as first_seen_at,
        row_number() over (
            partition by workspace_id, company_id
            order by trust_rank, first_loaded_at, company_record_id
        ) as survivor_rank
    from records_with_crm_fields
    where company_id is not null
),

golden_companies as (
    select
        workspace_id,
        company_id,
        crm_company_id,
        company_name,
        company_domain,
        industry,
        state,
        country,
        owner,
        lifecycle_stage,
        employee_count,
        annual_revenue,
        source_records,
        crm_records,
        crm_records > 0 as is_in_crm,
        created_at,
        first_seen_at
    from survivors
    where survivor_rank = 1
)

select * from golden_companies
