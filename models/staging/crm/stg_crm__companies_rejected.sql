{{ rejected_raw_rows(source('crm', 'crm_companies'), ref('base_crm__companies')) }}
