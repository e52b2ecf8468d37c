-- One row per legacy backfill person: the BIT baseline their historical engagement is worth,
-- and the talent-flow baseline (a hash of company, title and seniority) later snapshots are
-- compared with.
with

stg_legacy_backfill__people as (
    select
        workspace_id,
        legacy_person_id,
        legacy_company_id,
        company_name,
        company_domain,
        full_name,
        email,
        title,
        seniority,
        linkedin_url,
        opens,
        replies,
        meetings,
        last_activity_date,
        first_loaded_at
    from {{ ref('stg_legacy_backfill__people') }}
),

backfill_baseline_weights as (
    select
        max(case when count_column = 'opens' then points_per_unit end) as points_per_open,
        max(case when count_column = 'replies' then points_per_unit end) as points_per_reply,
        max(case when count_column = 'meetings' then points_per_unit end) as points_per_meeting
    from {{ ref('backfill_baseline_weights') }}
),

baselines_computed as (
    select
        people.workspace_id,
        people.legacy_person_id,
        people.legacy_company_id,
        people.company_name,
        people.company_domain,
        people.full_name,
        people.email,
        people.title,
        people.seniority,
        people.linkedin_url,
        {{ dbt.hash(dbt.concat([
            "coalesce(people.company_domain, people.company_name, '')", "'|'",
            "coalesce(people.title, '')", "'|'",
            "coalesce(people.seniority, '')",
        ])) }} as talent_flow_baseline_hash,
        coalesce(people.opens, 0) as opens,
        coalesce(people.replies, 0) as replies,
        coalesce(people.meetings, 0) as meetings,
        coalesce(people.opens, 0) * weights.points_per_open
        + coalesce(people.replies, 0) * weights.points_per_reply
        + coalesce(people.meetings, 0) * weights.points_per_meeting as bit_baseline_points,
        people.last_activity_date,
        people.first_loaded_at
    from stg_legacy_backfill__people as people
    cross join backfill_baseline_weights as weights
)

select * from baselines_computed
