-- One row per golden person (workspace_id, person_id) in one people delivery per workspace: the
-- state the people_snapshot records. The delivery is each workspace's latest on or before the
-- var talent_flow_snapshot_date (its latest when the var is unset). A row carries the golden
-- employer (via the company record of the name the delivery writes), whether it is tracked (a
-- CRM account), title, seniority (the feed's, else read from the title: 'inferred'), its rank,
-- department, the data source, and the hash of the tracked columns the snapshot checks.
{%- set snapshot_date = talent_flow_snapshot_date() %}
with

stg_vendor__people_snapshots as (
    select
        workspace_id,
        vendor_person_id,
        title,
        seniority,
        department,
        company_name,
        company_name_as_written,
        snapshot_date
    from {{ ref('stg_vendor__people_snapshots') }}
),

int_person_records_resolved as (
    select
        workspace_id,
        person_record_id,
        person_id,
        company_id,
        source,
        title
    from {{ ref('int_person_records_resolved') }}
    where person_id is not null
),

int_company_records_resolved as (
    select
        workspace_id,
        company_record_id,
        company_id
    from {{ ref('int_company_records_resolved') }}
    where source = 'vendor'
),

dim_company as (
    select
        workspace_id,
        company_id,
        is_in_crm
    from {{ ref('dim_company') }}
),

seniority_labels as (
    select
        seniority_label,
        seniority
    from {{ ref('seniority_labels') }}
),

seniority_levels as (
    select
        seniority,
        seniority_rank
    from {{ ref('seniority_levels') }}
),

title_seniority_patterns as (
    select
        title_pattern,
        seniority,
        pattern_priority
    from {{ ref('title_seniority_patterns') }}
),

deliveries_selected as (
    select
        workspace_id,
        max(snapshot_date) as delivery_date
    from stg_vendor__people_snapshots
    {%- if snapshot_date %}
        where snapshot_date <= cast('{{ snapshot_date }}' as date)
    {%- endif %}
    group by workspace_id
),

-- vendor rows without a golden person (match fallout, listed in missing_parts) are not
-- snapshotted: the snapshot is keyed by golden person
delivery_rows_resolved as (
    select
        delivery.workspace_id,
        records.person_id,
        companies.company_id,
        delivery.vendor_person_id,
        delivery.company_name,
        delivery.title,
        delivery.seniority as seniority_label,
        delivery.department,
        'vendor' as delivery_source,
        coalesce(dim_company.is_in_crm, false) as is_company_tracked,
        delivery.snapshot_date as delivery_date
    from stg_vendor__people_snapshots as delivery
    inner join deliveries_selected
        on
            delivery.workspace_id = deliveries_selected.workspace_id
            and delivery.snapshot_date = deliveries_selected.delivery_date
    inner join int_person_records_resolved as records
        on
            delivery.workspace_id = records.workspace_id
            and records.person_record_id = 'vendor:' || delivery.vendor_person_id
    left join int_company_records_resolved as companies
        on
            delivery.workspace_id = companies.workspace_id
            and companies.company_record_id = 'vendor:' || delivery.company_name_as_written
    left join dim_company
        on
            companies.workspace_id = dim_company.workspace_id
            and companies.company_id = dim_company.company_id
),

seniority_labelled as (
    select
        delivery_rows_resolved.*,
        seniority_labels.seniority as labelled_seniority
    from delivery_rows_resolved
    left join seniority_labels
        on delivery_rows_resolved.seniority_label = seniority_labels.seniority_label
),

-- a row without a (known) seniority takes the level of the first title pattern it matches
title_patterns_matched as (
    select
        labelled.workspace_id,
        labelled.vendor_person_id,
        patterns.seniority,
        row_number() over (
            partition by labelled.workspace_id, labelled.vendor_person_id
            order by patterns.pattern_priority, patterns.title_pattern
        ) as match_rank
    from seniority_labelled as labelled
    inner join title_seniority_patterns as patterns
        on lower(labelled.title) like patterns.title_pattern
    where labelled.labelled_seniority is null
),

seniority_resolved as (
    select
        labelled.*,
        coalesce(labelled.labelled_seniority, inferred.seniority) as seniority,
        case
            when labelled.labelled_seniority is not null then labelled.delivery_source
            when inferred.seniority is not null then 'inferred'
        end as seniority_source
    from seniority_labelled as labelled
    left join title_patterns_matched as inferred
        on
            labelled.workspace_id = inferred.workspace_id
            and labelled.vendor_person_id = inferred.vendor_person_id
            and inferred.match_rank = 1
),

-- one golden person may stand behind several of the delivery's records: the oldest record id
-- speaks for them (int_people_employer_conflicts flags those naming two employers)
records_ranked as (
    select
        *,
        row_number() over (
            partition by workspace_id, person_id
            order by vendor_person_id
        ) as record_rank,
        count(*) over (partition by workspace_id, person_id) as delivery_records
    from seniority_resolved
),

crm_people as (
    select distinct
        workspace_id,
        person_id,
        company_id,
        title
    from int_person_records_resolved
    where source = 'crm'
),

-- the first-party CRM confirms a state when its own record of the person shows the same
-- employer and title: the change is then credited to the CRM (and its confidence)
people_sourced as (
    select
        ranked.workspace_id,
        ranked.person_id,
        ranked.company_id,
        ranked.vendor_person_id,
        ranked.company_name,
        ranked.title,
        ranked.seniority,
        ranked.seniority_source,
        ranked.department,
        case
            when crm_people.person_id is not null then 'crm' else ranked.delivery_source
        end as data_source,
        ranked.delivery_source,
        seniority_levels.seniority_rank,
        ranked.delivery_records,
        ranked.is_company_tracked,
        ranked.delivery_date
    from records_ranked as ranked
    left join seniority_levels
        on ranked.seniority = seniority_levels.seniority
    left join crm_people
        on
            ranked.workspace_id = crm_people.workspace_id
            and ranked.person_id = crm_people.person_id
            and ranked.company_id = crm_people.company_id
            and ranked.title = crm_people.title
    where ranked.record_rank = 1
),

snapshot_input as (
    select
        workspace_id,
        person_id,
        company_id,
        vendor_person_id,
        company_name,
        title,
        seniority,
        seniority_source,
        department,
        data_source,
        delivery_source,
        {{ row_content_hash(['company_id', 'title', 'seniority', 'department']) }} as state_hash,
        cast(seniority_rank as integer) as seniority_rank,
        cast(delivery_records as integer) as delivery_records,
        is_company_tracked,
        delivery_date
    from people_sourced
)

select * from snapshot_input
