-- Guards: the tiers cover every score from 0 up, without gaps or overlaps. Ordered by rank,
-- the first tier starts at 0, each tier ends where the next begins, and only the top tier is
-- open-ended. Returns the offending tiers.
with

tier_thresholds as (
    select
        tier,
        tier_rank,
        min_points,
        max_points
    from {{ ref('tier_thresholds') }}
),

tiers_with_next as (
    select
        tier,
        tier_rank,
        min_points,
        max_points,
        lead(min_points) over (order by tier_rank) as next_min_points,
        row_number() over (order by tier_rank) as position_from_bottom
    from tier_thresholds
),

offending_tiers as (
    select *
    from tiers_with_next
    where
        (position_from_bottom = 1 and min_points <> 0)
        or (next_min_points is not null and max_points is distinct from next_min_points)
        or (next_min_points is null and max_points is not null)
)

select * from offending_tiers
