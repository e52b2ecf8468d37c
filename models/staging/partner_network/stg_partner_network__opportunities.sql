with

{{ collapse_record_versions(
    base_relation=ref('base_partner_network__opportunities'),
    entity_type='partner_opportunity',
    record_id_column='partner_opportunity_id',
    columns=[
        'partner_name', 'account_name', 'account_domain', 'opportunity_name', 'description',
        'currency', 'stage', 'amount', 'expected_close_date', 'registered_at',
    ],
) }}

select * from record_versions_collapsed
