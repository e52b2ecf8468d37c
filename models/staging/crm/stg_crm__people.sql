with

{{ collapse_record_versions(
    base_relation=ref('base_crm__people'),
    entity_type='crm_person',
    record_id_column='crm_person_id',
    columns=[
        'crm_company_id', 'full_name', 'email', 'phone', 'title', 'linkedin_url', 'country',
        'owner', 'lifecycle_stage', 'created_at', 'updated_at',
    ],
) }}

select * from record_versions_collapsed
