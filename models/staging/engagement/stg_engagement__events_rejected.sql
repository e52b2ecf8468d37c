{{ rejected_raw_rows(source('engagement', 'engagement_events'), ref('base_engagement__events')) }}
