{{ rejected_raw_rows(source('crm', 'crm_people'), ref('base_crm__people')) }}
