with

{{ collapse_record_versions(
    base_relation=ref('base_crm__opportunities'),
    entity_type='crm_opportunity',
    record_id_column='crm_opportunity_id',
    columns=[
        'crm_company_id', 'opportunity_name', 'description', 'currency', 'stage', 'owner',
        'amount', 'close_date', 'created_at', 'updated_at',
    ],
) }}

select * from record_versions_collapsed
