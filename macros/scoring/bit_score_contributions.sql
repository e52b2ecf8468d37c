{#
    The per-signal breakdown of BIT scores as of the as_of day: one row per signal a contact has
    up to that day, from int_bit_signal_points (the as_of-independent points), plus what the day
    decides: the decay for the signal's age, whether a standing signal is the one that counts
    for its contact and type, and whether the contact had left the account. points =
    points_after_cap x decay_factor (0 after an exit); points_day_before is the same as of the
    day before (the previous tier).
    One definition for the fct_bit_score_contributions view and the per-contact scores, which
    pass `people`: the name of a relation or CTE of (workspace_id, person_id), each contact
    once, to restrict the rows to (none: every contact).
#}
{% macro bit_score_contributions(people=none) -%}
{%- set as_of = bit_as_of_date() %}
{#- standing signals a team has chosen to age by their date (var bit_aged_standing_signal_types) -#}
{%- set aged_types = revops_var('bit_aged_standing_signal_types') or [] %}
{%- set is_aged_standing -%}
    {%- if aged_types -%}
        (not points.is_decaying and points.signal_type in (
            {%- for signal_type in aged_types %}'{{ signal_type }}'{{ ", " if not loop.last }}{% endfor -%}
        ))
    {%- else -%}
        false
    {%- endif -%}
{%- endset %}
{%- set horizon = bit_decay_horizon_days() %}

-- int_bit_signal_points is read where it is used, not through one import CTE: a CTE read twice
-- is written out whole before either reader starts.
with

decay_rules as (
    select
        min_age_days,
        max_age_days,
        decay_factor
    from {{ ref('decay_rules') }}
),

-- the decay factors of every age up to one past the horizon (older ages read that one's), as
-- of the as_of day and as of the day before (one day younger): one equality join per signal
decay_by_age as (
    select
        ages.age_days,
        decay_today.decay_factor,
        decay_day_before.decay_factor as decay_factor_day_before
    from (
        select cast(generated_number as {{ dbt.type_int() }}) - 1 as age_days
        from ({{ dbt.generate_series(horizon + 2) }}) as series
    ) as ages
    inner join decay_rules as decay_today
        on {{ decay_bucket_for_age('least(ages.age_days, ' ~ horizon ~ ')', 'decay_today') }}
    inner join decay_rules as decay_day_before
        on {{ decay_bucket_for_age(
            'least(greatest(ages.age_days - 1, 0), ' ~ horizon ~ ')', 'decay_day_before'
        ) }}
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

-- standing signals count once per contact and type, the highest value first, among those
-- present on the day (and, for the previous score, the day before)
standing_ranked as (
    select
        *,
        row_number() over (
            partition by person_id, workspace_id, signal_type
            order by signal_value desc, occurred_at asc, signal_id asc
        ) > 1 as is_repeat_standing,
        case
            when occurred_at < {{ as_of }}
                then row_number() over (
                    partition by
                        person_id, workspace_id, signal_type, occurred_at < {{ as_of }}
                    order by signal_value desc, occurred_at asc, signal_id asc
                ) > 1
        end as is_repeat_standing_day_before
    from {{ _bit_points_read(people) }} as points_read
    where
        not is_decaying
        and person_id is not null
        and occurred_at < {{ dbt.dateadd('day', 1, as_of) }}
),

points_counted as (
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
        weight,
        signal_value,
        confidence,
        base_points,
        points_after_dedup,
        points_after_cap,
        occurred_date,
        occurred_at,
        resolved_at,
        is_repeat as is_repeat_day_before
    from {{ _bit_points_read(people) }} as points_read
    where
        is_decaying
        and person_id is not null
        and occurred_at < {{ dbt.dateadd('day', 1, as_of) }}
    union all
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
        is_repeat_standing as is_repeat,
        weight,
        signal_value,
        confidence,
        base_points,
        case when is_repeat_standing then 0 else points_after_dedup end as points_after_dedup,
        case when is_repeat_standing then 0 else points_after_cap end as points_after_cap,
        occurred_date,
        occurred_at,
        resolved_at,
        is_repeat_standing_day_before as is_repeat_day_before
    from standing_ranked
),

points_aged as (
    select
        *,
        {{ dbt.datediff('occurred_date', as_of, 'day') }} as age_days
    from points_counted
),

contributions as (
    select
        points.signal_id,
        points.workspace_id,
        points.person_id,
        points.company_id,
        points.signal_origin,
        points.signal_type,
        points.signal_source,
        points.weight,
        points.signal_value,
        points.confidence,
        points.base_points,
        points.points_after_dedup,
        points.points_after_cap,
        cast(
            points.base_points - points.points_after_dedup as {{ dbt.type_numeric() }}
        ) as dedup_effect,
        cast(
            points.points_after_dedup - points.points_after_cap as {{ dbt.type_numeric() }}
        ) as cap_effect,
        points.age_days,
        cast(
            case
                when points.is_decaying or {{ is_aged_standing }} then decay.decay_factor
                else 1
            end as {{ dbt.type_numeric() }}
        ) as decay_factor,
        cast(
            case
                when exits.exited_at < {{ dbt.dateadd('day', 1, as_of) }} then 0
                when points.is_decaying or {{ is_aged_standing }}
                    then points.points_after_cap * decay.decay_factor
                else points.points_after_cap
            end as {{ dbt.type_numeric() }}
        ) as points,
        -- the same signal as of the day before: one day younger, exits and standing signals
        -- as they were then; 0 for the as_of day's own signals
        cast(
            case
                when points.age_days < 1 or exits.exited_at < {{ as_of }} then 0
                when points.is_repeat_day_before then 0
                when points.is_decaying
                    then points.points_after_cap * decay.decay_factor_day_before
                when {{ is_aged_standing }} then points.base_points * decay.decay_factor_day_before
                else points.base_points
            end as {{ dbt.type_numeric() }}
        ) as points_day_before,
        points.is_known_signal_type,
        points.is_fallback_weight,
        points.is_decaying,
        points.is_repeat,
        coalesce(exits.exited_at < {{ dbt.dateadd('day', 1, as_of) }}, false) as is_after_exit,
        points.occurred_date,
        {{ as_of }} as as_of_date,
        points.occurred_at
    from points_aged as points
    inner join decay_by_age as decay
        on decay.age_days = least(points.age_days, {{ horizon + 1 }})
    -- the exit movement itself still counts at the account it left
    left join int_person_employment as exits
        on
            points.workspace_id = exits.workspace_id
            and points.person_id = exits.person_id
            and points.company_id = exits.company_id
            and points.signal_type <> 'movement_exit'
)

select * from contributions
{%- endmacro %}

{% macro _bit_points_read(people) -%}
    {%- if people -%}
        (
            -- one index read per contact: a lateral subquery cannot be hashed against a scan
            -- of the whole points table, which the planner picks for a semi-join when it
            -- misjudges how few contacts there are
            select points_of_person.*
            from {{ people }} as only_people
            cross join lateral (
                select *
                from {{ ref('int_bit_signal_points') }} as points
                where
                    points.workspace_id = only_people.workspace_id
                    and points.person_id = only_people.person_id
                {{ optimization_fence() }}
            ) as points_of_person
        )
    {%- else -%}
        {{ ref('int_bit_signal_points') }}
    {%- endif -%}
{%- endmacro %}
