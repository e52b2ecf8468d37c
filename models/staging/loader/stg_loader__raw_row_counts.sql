-- One row per load batch that has rows in a raw table: how many raw rows it left there. The
-- reconciliation compares this with what staging accepted and rejected.
with

{% set feeds = [
    ('crm_companies', source('crm', 'crm_companies')),
    ('crm_people', source('crm', 'crm_people')),
    ('crm_opportunities', source('crm', 'crm_opportunities')),
    ('partner_opportunities', source('partner_network', 'partner_opportunities')),
    ('engagement_events', source('engagement', 'engagement_events')),
    ('vendor_people_snapshots', source('vendor', 'vendor_people_snapshots')),
    ('backfill_people', source('legacy_backfill', 'backfill_people')),
] %}

raw_row_counts as (
    {% for feed, relation in feeds %}
        select
            workspace_id,
            load_batch_id,
            '{{ feed }}' as feed,
            count(*) as raw_rows
        from {{ relation }}
        group by workspace_id, load_batch_id
        {% if not loop.last %}union all{% endif %}
    {% endfor %}
)

select * from raw_row_counts
