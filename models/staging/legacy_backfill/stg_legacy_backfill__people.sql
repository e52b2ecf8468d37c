with

{{ collapse_record_versions(
    base_relation=ref('base_legacy_backfill__people'),
    entity_type='backfill_person',
    record_id_column='legacy_person_id',
    columns=[
        'legacy_company_id', 'company_name', 'company_domain', 'full_name', 'email', 'phone',
        'title', 'seniority', 'linkedin_url', 'opens', 'replies', 'meetings',
        'last_activity_date',
    ],
) }}

select * from record_versions_collapsed
