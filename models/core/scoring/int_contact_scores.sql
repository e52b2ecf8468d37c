-- One row per contact with signals (workspace_id, person_id) as of the as_of day: the BIT
-- score (the sum of the contact's fct_bit_score_contributions), the score the day before, the
-- signal counts, the three signal types that contributed most and the last signal: the sums of
-- the contact's int_contact_signal_type_scores rows.
-- Incremental: rescores the contacts that model rewrote since this one last ran (it decides
-- who moved: new points, decay steps, exits). Every other contact keeps its row, which is what
-- a full rebuild would give it.
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

with

{% if is_incremental() %}
    {%- set scored_through = incremental_watermark('types_scored_through') %}
    {%- set rescore_everyone = runs_since(
        ref('int_contact_signal_type_scores'), 'scored_at', scored_through
    ) > 1 %}
    -- contacts whose type rows were rewritten since this model last ran; more than one run of
    -- that model since means one was missed, and then who changed is not known: everyone
    people_to_score as (
        select distinct
            workspace_id,
            person_id
        from {{ ref('int_contact_signal_type_scores') }}
        {% if not rescore_everyone %}
            where scored_at > {{ scored_through }}
        {% endif %}
    ),

    types as (
        select *
        from {{ rows_for_keys(
            ref('int_contact_signal_type_scores'), 'people_to_score', ['person_id', 'workspace_id']
        ) }} as types_of_people
    ),
{% else %}
    types as (
        select *
        from {{ ref('int_contact_signal_type_scores') }}
    ),
{% endif %}

-- a contact's exits are on each of its type rows; a type it no longer has (a row of zeros,
-- without a last signal) counts nothing, and a contact left with none of its types keeps a row
-- of zeros (a full rebuild has no row; the marts read both as 0). Every contact rescored has a
-- type row, so no join with the contacts to rescore is needed: joined, the planner guessed one
-- contact scored and looped over all of them for each.
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
            3,
        ) }}, '') as top_signals,
        nullif({{ dbt.listagg(
            "case when last_signal_at is not null then signal_type end",
            "', '",
            "order by last_signal_at desc nulls last, signal_type",
            1,
        ) }}, '') as last_signal_type,
        max(last_signal_at) as last_signal_at,
        max(exit_count) as exit_count,
        max(last_exited_at) as last_exited_at
    from types
    group by person_id, workspace_id
),

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
        cast(coalesce(scores.exit_count, 0) as {{ dbt.type_bigint() }}) as exit_count,
        scores.last_exited_at,
        {{ as_of }} as as_of_date,
        (
            select max(types.scored_at)
            from {{ ref('int_contact_signal_type_scores') }} as types
        ) as types_scored_through,
        -- the run that wrote the row, for int_contact_intent
        {{ run_started_timestamp() }} as scored_at
    from scores
)

select * from contact_scores
