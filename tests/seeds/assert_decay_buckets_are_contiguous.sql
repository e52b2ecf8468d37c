-- Guards: every signal age in days falls in exactly one decay bucket. Ordered by age, the
-- first bucket starts at 0, each bucket ends the day before the next begins, only the last is
-- open-ended, and factors never grow with age. Returns the offending buckets.
with

decay_rules as (
    select
        min_age_days,
        max_age_days,
        decay_factor
    from {{ ref('decay_rules') }}
),

buckets_with_next as (
    select
        min_age_days,
        max_age_days,
        decay_factor,
        lead(min_age_days) over (order by min_age_days) as next_min_age_days,
        lead(decay_factor) over (order by min_age_days) as next_decay_factor,
        row_number() over (order by min_age_days) as position_from_youngest
    from decay_rules
),

offending_buckets as (
    select *
    from buckets_with_next
    where
        (position_from_youngest = 1 and min_age_days <> 0)
        or (next_min_age_days is not null and max_age_days is distinct from next_min_age_days - 1)
        or (next_min_age_days is null and max_age_days is not null)
        or next_decay_factor > decay_factor
)

select * from offending_buckets
