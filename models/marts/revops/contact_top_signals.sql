-- One row per contact and signal type among the types that contributed most to the contact's
-- score as of the as_of day (workspace_id, person_id, signal_rank), up to var
-- bit_top_explanations: the structured form of contact_intent.top_signals, for BI tools. A view
-- of the per-signal breakdown: exact points, and no rows written on a run; filtered by contact,
-- it reads that contact's signals alone.
{{ config(materialized='view') }}

with

contributions as (
    select
        workspace_id,
        person_id,
        signal_type,
        points,
        is_repeat,
        occurred_at
    from {{ ref('fct_bit_score_contributions') }}
),

types_summed as (
    select
        workspace_id,
        person_id,
        signal_type,
        sum(points) as points,
        count(*) as signals,
        sum(case when is_repeat then 0 else 1 end) as counted_signals,
        max(occurred_at) as last_signal_at
    from contributions
    group by workspace_id, person_id, signal_type
),

types_ranked as (
    select
        *,
        row_number() over (
            partition by workspace_id, person_id
            order by points desc, signal_type asc
        ) as signal_rank
    from types_summed
    where points > 0
),

top_signals as (
    select
        workspace_id,
        person_id,
        cast(signal_rank as {{ dbt.type_int() }}) as signal_rank,
        signal_type,
        cast(points as {{ dbt.type_numeric() }}) as points,
        cast(signals as {{ dbt.type_bigint() }}) as signals,
        cast(counted_signals as {{ dbt.type_bigint() }}) as counted_signals,
        last_signal_at,
        {{ bit_as_of_date() }} as as_of_date
    from types_ranked
    where signal_rank <= {{ revops_var('bit_top_explanations') }}
)

select * from top_signals
