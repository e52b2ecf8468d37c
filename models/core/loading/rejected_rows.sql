-- One row per rejected raw row, across every feed: where it came from and why.
with

{% set rejected_models = [
    ('crm_companies', 'stg_crm__companies_rejected', 'crm_company_id'),
    ('crm_people', 'stg_crm__people_rejected', 'crm_person_id'),
    ('crm_opportunities', 'stg_crm__opportunities_rejected', 'crm_opportunity_id'),
    ('partner_opportunities', 'stg_partner_network__opportunities_rejected', 'partner_opportunity_id'),
    ('engagement_events', 'stg_engagement__events_rejected', 'event_id'),
    ('vendor_people_snapshots', 'stg_vendor__people_snapshots_rejected', 'vendor_person_id'),
    ('backfill_people', 'stg_legacy_backfill__people_rejected', 'legacy_person_id'),
] %}

rejected_rows as (
    {% for feed, model, record_id in rejected_models %}
        select
            workspace_id,
            '{{ feed }}' as feed,
            raw_row_id,
            load_batch_id,
            {{ record_id }} as source_record_id,
            reject_reason,
            loaded_at
        from {{ ref(model) }}
        {% if not loop.last %}union all{% endif %}
    {% endfor %}
)

select * from rejected_rows
