-- One row per legacy backfill company: the sum of its people's BIT baselines and the tier and
-- action that sum falls in. Companies are keyed by their legacy id (else domain, else name)
-- until entity matching gives them a golden id.
with

int_backfill_people_baselines as (
    select
        workspace_id,
        coalesce(legacy_company_id, company_domain, company_name) as backfill_company_key,
        company_name,
        company_domain,
        bit_baseline_points
    from {{ ref('int_backfill_people_baselines') }}
),

tier_thresholds as (
    select
        tier,
        tier_rank,
        min_points,
        max_points,
        action
    from {{ ref('tier_thresholds') }}
),

companies_summed as (
    select
        workspace_id,
        backfill_company_key,
        min(company_name) as company_name,
        min(company_domain) as company_domain,
        count(*) as people,
        sum(bit_baseline_points) as bit_baseline_points
    from int_backfill_people_baselines
    group by workspace_id, backfill_company_key
),

companies_tiered as (
    select
        companies_summed.*,
        tier_thresholds.tier,
        tier_thresholds.action
    from companies_summed
    left join tier_thresholds
        on {{ points_in_tier('companies_summed.bit_baseline_points', 'tier_thresholds') }}
)

select * from companies_tiered
