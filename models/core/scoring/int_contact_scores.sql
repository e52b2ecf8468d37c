-- One row per contact with signals (workspace_id, person_id) as of the as_of day: the BIT
-- score (the sum of the contact's fct_bit_score_contributions), the score the day before, the
-- signal counts, the three signal types that contributed most and the last signal.
-- Incremental: decay moves a score only when one of the contact's signals crosses into another
-- age bucket, so a run rescores only the contacts whose points were rewritten (new, late or
-- re-resolved signals; new rules rescore everyone), whose signals crossed a decay boundary
-- between the last run's as_of day and this one, and whose exits changed or fell between the
-- two days. Every other contact keeps its row, which is what a full rebuild would give it.
{{ config(
    materialized='incremental',
    unique_key=['workspace_id', 'person_id'],
    incremental_strategy='delete+insert',
    on_schema_change='fail',
    indexes=[
        {'columns': ['workspace_id', 'person_id'], 'unique': true},
        {'columns': ['scored_at']},
    ],
) }}

{%- set as_of = bit_as_of_date() %}
-- the score is the sum of the day's contributions (written by one macro for both models)
-- depends_on: {{ ref('fct_bit_score_contributions') }}

with

int_person_employment as (
    select
        workspace_id,
        person_id,
        exited_at
    from {{ ref('int_person_employment') }}
    where exited_at is not null
),

exits_by_person as (
    select
        workspace_id,
        person_id,
        count(*) as exit_count,
        max(exited_at) as last_exited_at
    from int_person_employment
    group by workspace_id, person_id
),

{% if is_incremental() %}
    {%- set scored_through = incremental_watermark('points_scored_through') %}
    {%- set previous_as_of = bit_last_scored_as_of() %}
    {%- set rescore_everyone = bit_points_runs_since(scored_through) > 1 %}
    -- points rows rewritten since this model last ran; more than one points run since means
    -- one was missed, and then who changed is not known: everyone is rescored
    points_rewritten as (
        select
            workspace_id,
            person_id,
            previous_person_id,
            scored_at
        from {{ ref('int_bit_signal_points') }}
        where scored_at > {{ scored_through }}
    ),

    -- a signal's decay bucket changes between the two days when its date is within the two
    -- days' distance of a bucket's first age (the day before's score shifts by one day too,
    -- which the same dates cover)
    decay_steps as (
        select distinct min_age_days as age_days
        from {{ ref('decay_rules') }}
    ),

    people_to_score as (
        select
            workspace_id,
            person_id
        from points_rewritten
        where person_id is not null
        union
        select
            workspace_id,
            previous_person_id
        from points_rewritten
        where previous_person_id is not null
        union
        select
            points.workspace_id,
            points.person_id
        from {{ ref('int_bit_signal_points') }} as points
        inner join decay_steps
            on
                points.occurred_date >= {{ dbt.dateadd(
                    'day',
                    '-1 * decay_steps.age_days',
                    'least(' ~ previous_as_of ~ ', ' ~ as_of ~ ')',
                ) }}
                and points.occurred_date <= {{ dbt.dateadd(
                    'day',
                    '-1 * decay_steps.age_days',
                    'greatest(' ~ previous_as_of ~ ', ' ~ as_of ~ ')',
                ) }}
        where {{ previous_as_of }} <> {{ as_of }} and points.person_id is not null
        -- exits that changed, or whose day falls between the two as_of days (a contact
        -- without a row has no signals, and an exit does not change a score of nothing)
        union
        select
            previous.workspace_id,
            previous.person_id
        from {{ this }} as previous
        left join exits_by_person as exits
            on
                previous.workspace_id = exits.workspace_id
                and previous.person_id = exits.person_id
        where
            {{ values_differ('previous.exit_count', 'coalesce(exits.exit_count, 0)') }}
            or {{ values_differ('previous.last_exited_at', 'exits.last_exited_at') }}
            or (
                {{ previous_as_of }} <> {{ as_of }}
                and exits.last_exited_at >= {{ dbt.dateadd(
                    'day', -1, 'least(' ~ previous_as_of ~ ', ' ~ as_of ~ ')'
                ) }}
            )
        {% if rescore_everyone %}
            union
            select
                workspace_id,
                person_id
            from {{ ref('int_bit_signal_points') }}
            where person_id is not null
        {% endif %}
    ),

    contributions as (
        {{ bit_score_contributions(none if rescore_everyone else 'people_to_score') }}
    ),
{% else %}
    contributions as (
        {{ bit_score_contributions() }}
    ),
{% endif %}

-- two aggregates on one sort order (contact, then signal type): per type first, then per
-- contact over those few rows, which arrive already grouped; no join back, no window
points_by_signal_type as (
    select
        workspace_id,
        person_id,
        signal_type,
        sum(points) as points,
        sum(points_day_before) as points_day_before,
        count(*) as signal_count,
        sum(case when is_repeat then 0 else 1 end) as counted_signal_count,
        max(occurred_at) as last_signal_at
    from contributions
    group by person_id, workspace_id, signal_type
),

scores as (
    select
        workspace_id,
        person_id,
        sum(points) as bit_score,
        sum(points_day_before) as previous_bit_score,
        sum(signal_count) as signal_count,
        sum(counted_signal_count) as counted_signal_count,
        -- the three types that contributed most (types that contributed nothing are left out)
        nullif({{ dbt.listagg(
            "case when points > 0 then signal_type || ' ' || cast(round(points, 1) as "
            ~ dbt.type_string() ~ ") end",
            "', '",
            "order by points desc, signal_type",
            revops_var('bit_top_explanations'),
        ) }}, '') as top_signals,
        {{ dbt.listagg(
            "signal_type", "', '", "order by last_signal_at desc, signal_type", 1
        ) }} as last_signal_type,
        max(last_signal_at) as last_signal_at
    from points_by_signal_type
    group by person_id, workspace_id
),

{% if is_incremental() %}
    -- a contact rescored to no signals keeps a row of zeros (a full rebuild has no row; the
    -- marts read both as 0)
    scores_of_people as (
        select
            people_to_score.workspace_id,
            people_to_score.person_id,
            scores.bit_score,
            scores.previous_bit_score,
            scores.signal_count,
            scores.counted_signal_count,
            scores.top_signals,
            scores.last_signal_type,
            scores.last_signal_at
        from people_to_score
        left join scores
            on
                people_to_score.workspace_id = scores.workspace_id
                and people_to_score.person_id = scores.person_id
    ),
{% else %}
    scores_of_people as (
        select * from scores
    ),
{% endif %}

contact_scores as (
    select
        scores.workspace_id,
        scores.person_id,
        cast(coalesce(scores.bit_score, 0) as {{ dbt.type_numeric() }}) as bit_score,
        cast(
            coalesce(scores.previous_bit_score, 0) as {{ dbt.type_numeric() }}
        ) as previous_bit_score,
        cast(coalesce(scores.signal_count, 0) as {{ dbt.type_bigint() }}) as signal_count,
        cast(
            coalesce(scores.counted_signal_count, 0) as {{ dbt.type_bigint() }}
        ) as counted_signal_count,
        scores.top_signals,
        scores.last_signal_type,
        scores.last_signal_at,
        cast(coalesce(exits_by_person.exit_count, 0) as {{ dbt.type_bigint() }}) as exit_count,
        exits_by_person.last_exited_at,
        {{ as_of }} as as_of_date,
        (
            select max(points.scored_at)
            from {{ ref('int_bit_signal_points') }} as points
        ) as points_scored_through,
        -- the run that wrote the row, for int_contact_intent
        {{ run_started_timestamp() }} as scored_at
    from scores_of_people as scores
    left join exits_by_person
        on
            scores.workspace_id = exits_by_person.workspace_id
            and scores.person_id = exits_by_person.person_id
)

select * from contact_scores
