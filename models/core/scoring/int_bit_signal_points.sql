-- One row per signal (workspace_id, signal_id): the points it is worth before decay, which do
-- not depend on the as_of day. base_points = weight x signal_value x confidence; a decaying
-- signal within the dedup window (72 h) after the last one of its type that counted for the
-- same contact is a repeat (0); the contact's running total of a UTC day stops at the daily cap (300).
-- A signal's points depend only on the contact's earlier signals, so a past as_of reads the
-- same rows. Standing signals (roles, baselines) are neither deduplicated nor capped here: they
-- count once per contact and type, decided as of the as_of day (fct_bit_score_contributions).
-- Indexed by date, with the contact: a daily run finds the contacts whose signals cross a
-- decay boundary from the index alone (at 10M signals, 0.1 s against 1.6-8.6 s reading the
-- table's pages for them).
-- Incremental: a run recomputes only the contacts whose signals changed since the last
-- (fct_signals.resolved_at), from the first day a change touches, reading the dedup window
-- before it for context (with their stored verdicts and bursts); every contact when the
-- scoring rules changed (int_bit_scoring_rules).
{{ config(
    materialized='incremental',
    unique_key='signal_id',
    incremental_strategy='delete+insert',
    on_schema_change='append_new_columns',
    indexes=[
        {'columns': ['signal_id'], 'unique': true},
        {'columns': ['resolved_at']},
        {'columns': ['scored_at']},
        {'columns': ['person_id', 'workspace_id']},
        {'columns': ['occurred_date', 'person_id', 'workspace_id']},
    ],
) }}

-- depends_on: {{ ref('int_bit_scoring_rules') }}
-- fct_signals is read where it is used, not through one import CTE: a CTE read twice is written
-- out whole before either reader starts, and this one is the whole signal stream.
with

signal_weights as (
    select
        signal_type,
        weight,
        is_decaying
    from {{ ref('signal_weights') }}
),

{{ source_confidence_ctes() }}

{% if is_incremental() %}
    {%- set resolved_since = incremental_watermark('resolved_at') %}
    {%- set rules_changed = bit_scoring_rules_changed_since(incremental_watermark('scored_at')) %}
    -- signals re-resolved since the last run; every signal when the weights, confidences or
    -- scoring vars changed since
    signals_changed as (
        select
            signal_id,
            workspace_id,
            person_id,
            occurred_at
        from {{ ref('fct_signals') }}
        {% if not rules_changed %}
            where resolved_at > {{ resolved_since }}
        {% endif %}
    ),

    -- every contact a changed signal counts for now, or counted for before, from its day on
    changes_by_person as (
        select
            workspace_id,
            person_id,
            occurred_at
        from signals_changed
        where person_id is not null
        union all
        select
            previous.workspace_id,
            previous.person_id,
            previous.occurred_at
        from {{ this }} as previous
        inner join signals_changed
            on previous.signal_id = signals_changed.signal_id
        where previous.person_id is not null
    ),

    people_to_rescore as (
        select
            workspace_id,
            person_id,
            cast(min(occurred_at) as date) as rescore_from_date
        from changes_by_person
        group by workspace_id, person_id
    ),

    signals_in_scope as (
        select
            fct_signals.signal_id,
            fct_signals.workspace_id,
            fct_signals.person_id,
            fct_signals.company_id,
            fct_signals.signal_origin,
            fct_signals.signal_type,
            fct_signals.signal_source,
            fct_signals.signal_value,
            fct_signals.is_known_signal_type,
            fct_signals.occurred_at,
            fct_signals.resolved_at,
            people_to_rescore.rescore_from_date,
            -- a context row keeps its stored verdict and burst: the anchored window reads them
            -- rather than the whole burst before (one index probe per context row)
            case when fct_signals.occurred_at < people_to_rescore.rescore_from_date then (
                select stored.is_repeat from {{ this }} as stored
                where stored.signal_id = fct_signals.signal_id
            ) end as stored_is_repeat,
            case when fct_signals.occurred_at < people_to_rescore.rescore_from_date then (
                select stored.burst_started_at from {{ this }} as stored
                where stored.signal_id = fct_signals.signal_id
            ) end as stored_burst_started_at
        from {{ ref('fct_signals') }} as fct_signals
        inner join people_to_rescore
            on
                fct_signals.person_id = people_to_rescore.person_id
                and fct_signals.workspace_id = people_to_rescore.workspace_id
                -- the dedup window before the first rescored day: context, not rewritten
                and fct_signals.occurred_at >= {{ dbt.dateadd(
                    'hour',
                    -1 * revops_var('bit_dedup_window_hours'),
                    'people_to_rescore.rescore_from_date',
                ) }}
    ),

    -- changed signals that now count for nobody replace their old row too
    signals_unscored as (
        select
            fct_signals.signal_id,
            fct_signals.workspace_id,
            fct_signals.person_id,
            fct_signals.company_id,
            fct_signals.signal_origin,
            fct_signals.signal_type,
            fct_signals.signal_source,
            fct_signals.signal_value,
            fct_signals.is_known_signal_type,
            fct_signals.occurred_at,
            fct_signals.resolved_at
        from {{ ref('fct_signals') }} as fct_signals
        inner join signals_changed
            on fct_signals.signal_id = signals_changed.signal_id
        where signals_changed.person_id is null
    ),
{% else %}
    signals_in_scope as (
        select
            signal_id,
            workspace_id,
            person_id,
            company_id,
            signal_origin,
            signal_type,
            signal_source,
            signal_value,
            is_known_signal_type,
            occurred_at,
            resolved_at,
            cast(null as date) as rescore_from_date,
            cast(null as {{ dbt.type_boolean() }}) as stored_is_repeat,
            cast(null as {{ dbt.type_timestamp() }}) as stored_burst_started_at
        from {{ ref('fct_signals') }}
        where person_id is not null
    ),

    -- read apart from the scored ones: a CTE read twice would be written out whole first
    signals_unscored as (
        select
            signal_id,
            workspace_id,
            person_id,
            company_id,
            signal_origin,
            signal_type,
            signal_source,
            signal_value,
            is_known_signal_type,
            occurred_at,
            resolved_at
        from {{ ref('fct_signals') }}
        where person_id is null
    ),
{% endif %}

signals_weighted as (
    select
        signals.*,
        cast(signals.occurred_at as date) as occurred_date,
        coalesce(signal_weights.weight, {{ revops_var('bit_unknown_signal_weight') }}) as weight,
        signal_weights.weight is null as is_fallback_weight,
        coalesce(signal_weights.is_decaying, true) as is_decaying,
        {{ source_confidence() }} as confidence
    from signals_in_scope as signals
    left join signal_weights
        on signals.signal_type = signal_weights.signal_type
    left join confidence_modifiers
        on signals.signal_source = confidence_modifiers.signal_source
    cross join fallback_confidence
),

-- The repeat window is anchored at the signal that counted (macros/scoring/bit_dedup_anchor.sql),
-- in three steps over one sort per contact and type (the cap then sorts within the contact):
-- a gap of a window or more from the previous signal starts a burst, and counts
signals_gapped as (
    select
        *,
        weight * signal_value * confidence as base_points,
        coalesce(
            occurred_at < {{ dbt.dateadd(
                'hour', revops_var('bit_dedup_window_hours'), 'lag(occurred_at) over by_type'
            ) }},
            false
        ) as is_within_gap
    from signals_weighted
    window by_type as (
        partition by person_id, workspace_id, signal_type
        order by occurred_at, signal_id
        rows between unbounded preceding and current row
    )
),

-- the burst's first signal (a context row brings its stored one: times only grow)
signals_in_bursts as (
    select
        *,
        max(
            case
                when stored_burst_started_at is not null then stored_burst_started_at
                when not is_within_gap then occurred_at
            end
        ) over by_type as burst_started_at
    from signals_gapped
    window by_type as (
        partition by person_id, workspace_id, signal_type
        order by occurred_at, signal_id
        rows between unbounded preceding and current row
    )
),

-- within a window of the burst's first signal: a repeat; past it (a burst longer than a
-- window), the anchor carried from counted signal to counted signal decides
signals_deduplicated as (
    select
        *,
        coalesce(is_decaying and is_within_gap and (
            occurred_at < {{ dbt.dateadd(
                'hour', revops_var('bit_dedup_window_hours'), 'burst_started_at'
            ) }}
            or (
                {{ bit_dedup_anchor(
                    'occurred_at', revops_var('bit_dedup_window_hours'), 'stored_is_repeat'
                ) }} filter (
                    where is_within_gap and occurred_at >= {{ dbt.dateadd(
                        'hour', revops_var('bit_dedup_window_hours'), 'burst_started_at'
                    ) }}
                ) over by_type
            )[2] = 0
        ), false) as is_repeat
    from signals_in_bursts
    window by_type as (
        partition by person_id, workspace_id, signal_type
        order by occurred_at, signal_id
        rows between unbounded preceding and current row
    )
),

points_deduplicated as (
    select
        *,
        case when is_repeat then 0 else base_points end as points_after_dedup
    from signals_deduplicated
),

-- the day's running total, in time order, stops at the cap: the signal that crosses it counts
-- for what is left, later ones for nothing (standing signals are not activity: never capped)
points_capped_daily as (
    select
        *,
        case
            when not is_decaying then points_after_dedup
            else greatest(
                0,
                least(
                    points_after_dedup,
                    {{ revops_var('bit_daily_cap_points') }} - (
                        sum(case when is_decaying then points_after_dedup else 0 end) over (
                            partition by person_id, workspace_id, occurred_date
                            order by occurred_at, signal_id
                            rows between unbounded preceding and current row
                        ) - points_after_dedup
                    )
                )
            )
        end as points_after_cap
    from points_deduplicated
    -- the context rows before the first rescored day have served the dedup; days are whole
    where rescore_from_date is null or occurred_at >= rescore_from_date
),

points_scored as (
    select
        signal_id,
        workspace_id,
        person_id,
        company_id,
        signal_origin,
        signal_type,
        signal_source,
        is_known_signal_type,
        is_fallback_weight,
        is_decaying,
        is_repeat,
        {% for column in [
            'weight', 'signal_value', 'confidence', 'base_points', 'points_after_dedup',
            'points_after_cap',
        ] %}
            cast({{ column }} as {{ dbt.type_numeric() }}) as {{ column }},
        {% endfor %}
        burst_started_at,
        occurred_date,
        occurred_at,
        resolved_at
    from points_capped_daily
),

points_unscored as (
    select
        signal_id,
        workspace_id,
        person_id,
        company_id,
        signal_origin,
        signal_type,
        signal_source,
        is_known_signal_type,
        cast(null as {{ dbt.type_boolean() }}) as is_fallback_weight,
        cast(null as {{ dbt.type_boolean() }}) as is_decaying,
        cast(null as {{ dbt.type_boolean() }}) as is_repeat,
        cast(null as {{ dbt.type_numeric() }}) as weight,
        cast(signal_value as {{ dbt.type_numeric() }}) as signal_value,
        {% for column in ['confidence', 'base_points', 'points_after_dedup', 'points_after_cap'] %}
            cast(null as {{ dbt.type_numeric() }}) as {{ column }},
        {% endfor %}
        cast(null as {{ dbt.type_timestamp() }}) as burst_started_at,
        cast(occurred_at as date) as occurred_date,
        occurred_at,
        resolved_at
    from signals_unscored
),

points_all as (
    select * from points_scored
    union all
    select * from points_unscored
),

-- stamped with this run, and with the contact each signal counted for before it (so the
-- per-contact scores also rescore a contact who lost a signal and has no row rewritten)
points_stamped as (
    select
        points_all.*,
        {% if is_incremental() %}
            previous.person_id as previous_person_id,
        {% else %}
            cast(null as {{ dbt.type_string() }}) as previous_person_id,
        {% endif %}
        {{ run_started_timestamp() }} as scored_at
    from points_all
    {% if is_incremental() %}
        left join {{ this }} as previous
            on points_all.signal_id = previous.signal_id
    {% endif %}
)

select * from points_stamped
