{{ rejected_raw_rows(source('legacy_backfill', 'backfill_people'), ref('base_legacy_backfill__people')) }}
