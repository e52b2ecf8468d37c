with

{{ collapse_record_versions(
    base_relation=ref('base_crm__companies'),
    entity_type='crm_company',
    record_id_column='crm_company_id',
    columns=[
        'company_name', 'company_domain', 'industry', 'phone', 'state', 'country', 'owner',
        'lifecycle_stage', 'employee_count', 'annual_revenue', 'created_at', 'updated_at',
    ],
) }}

select * from record_versions_collapsed
