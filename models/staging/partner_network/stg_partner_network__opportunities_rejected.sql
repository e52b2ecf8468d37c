{{ rejected_raw_rows(
    source('partner_network', 'partner_opportunities'),
    ref('base_partner_network__opportunities'),
) }}
