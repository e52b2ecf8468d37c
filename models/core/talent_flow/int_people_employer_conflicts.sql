-- One row per golden person per people delivery (workspace_id, person_id, delivery_date) in
-- which the person's records name more than one employer: two current employers at once. The
-- snapshot keeps one record per person, so the conflict is recorded here and the person's
-- movements shown by that delivery go to contradictions instead of the signal stream.
with

stg_vendor__people_snapshots as (
    select
        workspace_id,
        vendor_person_id,
        company_name_as_written,
        snapshot_date
    from {{ ref('stg_vendor__people_snapshots') }}
),

-- how many vendor records stand behind each golden person: only people with several can name
-- two employers in one delivery
int_person_records_resolved as (
    select
        workspace_id,
        person_record_id,
        person_id,
        count(*) over (partition by workspace_id, person_id) as person_records
    from {{ ref('int_person_records_resolved') }}
    where source = 'vendor' and person_id is not null
),

int_company_records_resolved as (
    select
        workspace_id,
        company_record_id,
        company_id
    from {{ ref('int_company_records_resolved') }}
    where source = 'vendor'
),

records_of_people_with_several as (
    select
        workspace_id,
        person_record_id,
        person_id
    from int_person_records_resolved
    where person_records > 1
),

delivery_employers as (
    select
        delivery.workspace_id,
        records.person_id,
        delivery.snapshot_date as delivery_date,
        delivery.vendor_person_id,
        companies.company_id
    from stg_vendor__people_snapshots as delivery
    inner join records_of_people_with_several as records
        on
            delivery.workspace_id = records.workspace_id
            and records.person_record_id = 'vendor:' || delivery.vendor_person_id
    inner join int_company_records_resolved as companies
        on
            delivery.workspace_id = companies.workspace_id
            and companies.company_record_id = 'vendor:' || delivery.company_name_as_written
),

conflicts as (
    select
        workspace_id,
        person_id,
        cast(count(distinct company_id) as integer) as employers,
        cast(count(*) as integer) as delivery_records,
        delivery_date
    from delivery_employers
    group by workspace_id, person_id, delivery_date
    having count(distinct company_id) > 1
)

select * from conflicts
