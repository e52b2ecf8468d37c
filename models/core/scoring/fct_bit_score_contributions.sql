-- One row per signal up to the as_of day (workspace_id, signal_id): what it adds to its
-- contact's BIT score and why. points = weight x signal_value x confidence, less the 72-hour
-- repeats and the daily cap, times the decay for its age. A contact's score is the sum of
-- their rows' points.
with

fct_signals as (
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
        occurred_at
    from {{ ref('fct_signals') }}
    where occurred_at < {{ dbt.dateadd('day', 1, bit_as_of_date()) }}
),

signal_weights as (
    select
        signal_type,
        weight,
        is_decaying
    from {{ ref('signal_weights') }}
),

confidence_modifiers as (
    select
        signal_source,
        confidence
    from {{ ref('confidence_modifiers') }}
),

decay_rules as (
    select
        min_age_days,
        max_age_days,
        decay_factor
    from {{ ref('decay_rules') }}
),

-- the accounts each person has left, and when (talent flow)
int_person_employment as (
    select
        workspace_id,
        person_id,
        company_id,
        exited_at
    from {{ ref('int_person_employment') }}
    where exited_at is not null
),

-- a source missing from confidence_modifiers is trusted like an inferred value
fallback_confidence as (
    select confidence as inferred_confidence
    from confidence_modifiers
    where signal_source = 'inferred'
),

signals_weighted as (
    select
        fct_signals.*,
        cast(fct_signals.occurred_at as date) as occurred_date,
        coalesce(signal_weights.weight, {{ var('bit_unknown_signal_weight') }}) as weight,
        signal_weights.weight is null as is_fallback_weight,
        coalesce(signal_weights.is_decaying, true) as is_decaying,
        coalesce(
            confidence_modifiers.confidence, fallback_confidence.inferred_confidence
        ) as confidence,
        lag(fct_signals.occurred_at) over (
            partition by fct_signals.workspace_id, fct_signals.person_id, fct_signals.signal_type
            order by fct_signals.occurred_at, fct_signals.signal_id
        ) as previous_same_type_at
    from fct_signals
    left join signal_weights
        on fct_signals.signal_type = signal_weights.signal_type
    left join confidence_modifiers
        on fct_signals.signal_source = confidence_modifiers.signal_source
    cross join fallback_confidence
),

-- decaying signals: one within the dedup window after the previous one of the same type for
-- the same contact is a repeat; standing signals (roles, baselines) count once per contact
signals_deduplicated_72h as (
    select
        *,
        weight * signal_value * confidence as base_points,
        case
            when not is_decaying
                then row_number() over (
                    partition by workspace_id, person_id, signal_type
                    order by signal_value desc, occurred_at asc, signal_id asc
                ) > 1
            else coalesce(
                {{ dbt.datediff('previous_same_type_at', 'occurred_at', 'second') }}
                < {{ var('bit_dedup_window_hours') }} * 3600,
                false
            )
        end as is_repeat
    from signals_weighted
),

points_deduplicated as (
    select
        *,
        case when is_repeat then 0 else base_points end as points_after_dedup
    from signals_deduplicated_72h
),

-- the day's running total, in time order, stops at the cap: the signal that crosses it counts
-- for what is left, later ones for nothing
points_capped_daily as (
    select
        *,
        greatest(
            0,
            least(
                points_after_dedup,
                {{ var('bit_daily_cap_points') }} - (
                    sum(points_after_dedup) over (
                        partition by workspace_id, person_id, occurred_date
                        order by occurred_at, signal_id
                        rows between unbounded preceding and current row
                    ) - points_after_dedup
                )
            )
        ) as points_after_cap
    from points_deduplicated
),

points_decayed as (
    select
        capped.*,
        {{ dbt.datediff('capped.occurred_date', bit_as_of_date(), 'day') }} as age_days,  -- noqa: LT05
        case when capped.is_decaying then decay_rules.decay_factor else 1 end as decay_factor
    from points_capped_daily as capped
    left join decay_rules
        on {{ decay_bucket_for_age(
            dbt.datediff('capped.occurred_date', bit_as_of_date(), 'day'), 'decay_rules'
        ) }}
),

-- once a person has left an account (by the as_of day), their signals there count nothing;
-- the exit movement itself still counts at the account they left
points_after_exit as (
    select
        decayed.*,
        employment.exited_at is not null as is_after_exit
    from points_decayed as decayed
    left join int_person_employment as employment
        on
            decayed.workspace_id = employment.workspace_id
            and decayed.person_id = employment.person_id
            and decayed.company_id = employment.company_id
            and decayed.signal_type <> 'movement_exit'
            and employment.exited_at < {{ dbt.dateadd('day', 1, bit_as_of_date()) }}
),

contributions as (
    select
        signal_id,
        workspace_id,
        person_id,
        company_id,
        signal_origin,
        signal_type,
        signal_source,
        {% for column in [
            'weight', 'signal_value', 'confidence', 'base_points', 'points_after_dedup',
            'points_after_cap',
        ] %}
            cast({{ column }} as {{ dbt.type_numeric() }}) as {{ column }},
        {% endfor %}
        cast(base_points - points_after_dedup as {{ dbt.type_numeric() }}) as dedup_effect,
        cast(points_after_dedup - points_after_cap as {{ dbt.type_numeric() }}) as cap_effect,
        age_days,
        cast(decay_factor as {{ dbt.type_numeric() }}) as decay_factor,
        cast(
            case when is_after_exit then 0 else points_after_cap * decay_factor end
            as {{ dbt.type_numeric() }}
        ) as points,
        is_known_signal_type,
        is_fallback_weight,
        is_decaying,
        is_repeat,
        is_after_exit,
        occurred_date,
        {{ bit_as_of_date() }} as as_of_date,
        occurred_at
    from points_after_exit
)

select * from contributions
