with

base_vendor__people_snapshots as (
    select * from {{ ref('base_vendor__people_snapshots') }}
),

accepted as (
    select
        workspace_id,
        vendor_person_id,
        full_name,
        email,
        phone,
        title,
        seniority,
        department,
        company_name,
        company_name_as_written,
        company_domain,
        linkedin_url,
        country,
        snapshot_date,
        raw_row_id,
        load_batch_id,
        loaded_at
    from base_vendor__people_snapshots
    where reject_reason is null
)

select * from accepted
