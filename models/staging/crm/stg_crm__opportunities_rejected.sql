{{ rejected_raw_rows(source('crm', 'crm_opportunities'), ref('base_crm__opportunities')) }}
