{{ rejected_raw_rows(
    source('vendor', 'vendor_people_snapshots'),
    ref('base_vendor__people_snapshots'),
) }}
