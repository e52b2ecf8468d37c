-- One row per legacy backfill person with a non-zero BIT baseline: one `backfill_baseline`
-- signal worth the baseline points (its value), dated by the person's last activity in the
-- legacy system (when the backfill was imported, where it gives none): history is not news,
-- and a trigger needs a fresh signal (outreach_queue).
with

int_backfill_people_baselines as (
    select
        workspace_id,
        legacy_person_id,
        bit_baseline_points,
        last_activity_date,
        first_loaded_at
    from {{ ref('int_backfill_people_baselines') }}
    where bit_baseline_points > 0
),

signals as (
    select
        workspace_id || ':baseline:' || legacy_person_id as signal_id,
        workspace_id,
        legacy_person_id as origin_record_id,
        'backfill_baseline' as signal_type,
        'backfill' as signal_source,
        'backfill:' || legacy_person_id as person_record_id,
        cast(bit_baseline_points as numeric) as signal_value,
        coalesce(
            {{ dbt.cast('last_activity_date', api.Column.translate_type('timestamp')) }},
            {{ dbt.cast('first_loaded_at', api.Column.translate_type('timestamp')) }}
        ) as occurred_at
    from int_backfill_people_baselines
)

select * from signals
