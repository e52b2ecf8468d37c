-- One row per contact and signal type (workspace_id, person_id, signal_type) as of the as_of
-- day: the points the type adds to the contact's BIT score (the sum of its
-- fct_bit_score_contributions rows), the same the day before, its signal counts and last
-- signal, and the contact's exits. int_contact_scores sums them per contact.
-- Incremental: decay moves a score only when a signal crosses into another age bucket, and
-- then by points_after_cap x (the new bucket's factor - the old one's). A contact whose only
-- change is such a crossing takes that difference on the types that crossed, read from the
-- crossing signals alone (numeric sums: exact). A contact is rescored from all its points when
-- they were rewritten (new, late or re-resolved signals; new rules rescore everyone), when a
-- signal enters or leaves the days counted (the as_of day moved past it), or when its exits
-- changed or fall near the two days. A type a rescored contact no longer has keeps a row of
-- zeros (a full rebuild has none; int_contact_scores skips both). Every row is valid for the
-- last run's as_of day, which is what a full rebuild would give it.
{{ config(
    materialized='incremental',
    unique_key=['workspace_id', 'person_id', 'signal_type'],
    incremental_strategy='delete+insert',
    on_schema_change='fail',
    indexes=[
        {'columns': ['person_id', 'workspace_id', 'signal_type'], 'unique': true},
        {'columns': ['scored_at']},
    ],
) }}

{%- set as_of = bit_as_of_date() %}
{%- set horizon = bit_decay_horizon_days() %}

with

int_person_employment as (
    select
        workspace_id,
        person_id,
        company_id,
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
    {%- set previous_as_of = last_run_value('as_of_date', 'scored_at', 'date') %}
    {%- set first_day = 'least(' ~ previous_as_of ~ ', ' ~ as_of ~ ')' %}
    {%- set last_day = 'greatest(' ~ previous_as_of ~ ', ' ~ as_of ~ ')' %}
    {%- set rescore_everyone = bit_points_runs_since(scored_through) > 1 %}
    -- points rows rewritten since this model last ran; more than one points run since means
    -- one was missed, and then who changed is not known: everyone is rescored
    points_rewritten as (
        select
            workspace_id,
            person_id,
            previous_person_id
        from {{ ref('int_bit_signal_points') }}
        where scored_at > {{ scored_through }}
    ),

    decay_steps as (
        select distinct min_age_days as age_days
        from {{ ref('decay_rules') }}
    ),

    -- the signals whose decay may differ between the two days: dated a bucket's first age
    -- before a day between them (the day before's factor moves with the same dates), each once
    signals_near_a_step as (
        select distinct
            points.signal_id,
            points.workspace_id,
            points.person_id,
            points.company_id,
            points.signal_type,
            points.is_decaying,
            points.points_after_cap,
            points.occurred_date
        from {{ ref('int_bit_signal_points') }} as points
        inner join decay_steps
            on
                points.occurred_date >= {{ dbt.dateadd(
                    'day', '-1 * decay_steps.age_days', first_day
                ) }}
                and points.occurred_date <= {{ dbt.dateadd(
                    'day', '-1 * decay_steps.age_days', last_day
                ) }}
        where {{ previous_as_of }} <> {{ as_of }} and points.person_id is not null
    ),

    -- the exits each contact's rows were scored with
    exits_scored as (
        select
            workspace_id,
            person_id,
            max(exit_count) as exit_count,
            max(last_exited_at) as last_exited_at
        from {{ this }}
        where exit_count > 0
        group by workspace_id, person_id
    ),

    people_to_rescore as (
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
        -- a signal entering or leaving the days counted changes the counts; a standing one on
        -- the first day or after changes which of its type counts the day before
        union
        select
            workspace_id,
            person_id
        from signals_near_a_step
        where
            occurred_date > {{ first_day }}
            or (not is_decaying and occurred_date >= {{ first_day }})
        -- exits that changed, or whose day falls near the two as_of days
        union
        select
            coalesce(exits.workspace_id, exits_scored.workspace_id) as workspace_id,
            coalesce(exits.person_id, exits_scored.person_id) as person_id
        from exits_by_person as exits
        full outer join exits_scored
            on
                exits.workspace_id = exits_scored.workspace_id
                and exits.person_id = exits_scored.person_id
        where
            {{ values_differ('exits_scored.exit_count', 'exits.exit_count') }}
            or {{ values_differ('exits_scored.last_exited_at', 'exits.last_exited_at') }}
            or (
                {{ previous_as_of }} <> {{ as_of }}
                and exits.last_exited_at >= {{ dbt.dateadd('day', -1, first_day) }}
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
        {{ bit_score_contributions(none if rescore_everyone else 'people_to_rescore') }}
    ),

    decay_by_age as (
        {{ bit_decay_by_age() }}
    ),

    the_two_days as (
        select
            {{ as_of }} as as_of_date,
            {{ previous_as_of }} as previous_as_of_date
    ),

    signals_aged as (
        select
            signals.*,
            {{ dbt.datediff('signals.occurred_date', 'days.as_of_date', 'day') }}
                as age_days_now,
            {{ dbt.datediff('signals.occurred_date', 'days.previous_as_of_date', 'day') }}
                as age_days_before
        from signals_near_a_step as signals
        cross join the_two_days as days
    ),

    -- what each crossing signal of a contact not rescored adds on the as_of day and the day
    -- before, less what it added on the last run's days: contributions' rules on both days.
    -- A signal after an exit adds nothing on either day (a contact whose exits fall near the
    -- two days is rescored), so it takes no step.
    steps_taken as (
        select
            signals.workspace_id,
            signals.person_id,
            signals.signal_type,
            signals.points_after_cap,
            decay_now.decay_factor as factor_now,
            decay_before.decay_factor as factor_before,
            case
                when signals.age_days_now < 1 then 0 else decay_now.decay_factor_day_before
            end as factor_day_before_now,
            case
                when signals.age_days_before < 1 then 0
                else decay_before.decay_factor_day_before
            end as factor_day_before_before
        from signals_aged as signals
        inner join decay_by_age as decay_now
            on decay_now.age_days = least(signals.age_days_now, {{ horizon + 1 }})
        inner join decay_by_age as decay_before
            on decay_before.age_days = least(signals.age_days_before, {{ horizon + 1 }})
        left join int_person_employment as exits
            on
                signals.workspace_id = exits.workspace_id
                and signals.person_id = exits.person_id
                and signals.company_id = exits.company_id
                and signals.signal_type <> 'movement_exit'
        where
            signals.is_decaying
            and exits.person_id is null
            and signals.occurred_date <= {{ first_day }}
            and not exists (
                select 1
                from people_to_rescore
                where
                    people_to_rescore.workspace_id = signals.workspace_id
                    and people_to_rescore.person_id = signals.person_id
            )
    ),

    steps_by_type as (
        select
            workspace_id,
            person_id,
            signal_type,
            sum(points_after_cap * (factor_now - factor_before)) as points_change,
            sum(
                points_after_cap * (factor_day_before_now - factor_day_before_before)
            ) as points_day_before_change
        from steps_taken
        group by person_id, workspace_id, signal_type
    ),

    -- the types that crossed, moved by their change
    types_stepped as (
        select
            previous.workspace_id,
            previous.person_id,
            previous.signal_type,
            previous.points + steps.points_change as points,
            previous.points_day_before + steps.points_day_before_change as points_day_before,
            previous.signal_count,
            previous.counted_signal_count,
            previous.last_signal_at,
            previous.exit_count,
            previous.last_exited_at
        from {{ rows_for_keys(
            this, 'steps_by_type', ['person_id', 'workspace_id', 'signal_type']
        ) }} as previous
        inner join steps_by_type as steps
            on
                previous.person_id = steps.person_id
                and previous.workspace_id = steps.workspace_id
                and previous.signal_type = steps.signal_type
    ),

    -- the types a rescored contact had and no longer has: zeros
    types_gone as (
        select
            previous.workspace_id,
            previous.person_id,
            previous.signal_type
        from {{ rows_for_keys(this, 'people_to_rescore', ['person_id', 'workspace_id']) }}
            as previous
    ),
{% else %}
    contributions as (
        {{ bit_score_contributions() }}
    ),
{% endif %}

types_scored as (
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

types_all as (
    select
        types_scored.*,
        exits_by_person.exit_count,
        exits_by_person.last_exited_at
    from types_scored
    left join exits_by_person
        on
            types_scored.workspace_id = exits_by_person.workspace_id
            and types_scored.person_id = exits_by_person.person_id
    {% if is_incremental() %}
        union all
        select
            types_gone.workspace_id,
            types_gone.person_id,
            types_gone.signal_type,
            0 as points,
            0 as points_day_before,
            0 as signal_count,
            0 as counted_signal_count,
            cast(null as {{ dbt.type_timestamp() }}) as last_signal_at,
            exits_by_person.exit_count,
            exits_by_person.last_exited_at
        from types_gone
        left join types_scored
            on
                types_gone.workspace_id = types_scored.workspace_id
                and types_gone.person_id = types_scored.person_id
                and types_gone.signal_type = types_scored.signal_type
        left join exits_by_person
            on
                types_gone.workspace_id = exits_by_person.workspace_id
                and types_gone.person_id = exits_by_person.person_id
        where types_scored.signal_type is null
        union all
        select * from types_stepped
    {% endif %}
),

contact_signal_type_scores as (
    select
        workspace_id,
        person_id,
        signal_type,
        cast(points as {{ dbt.type_numeric() }}) as points,
        cast(points_day_before as {{ dbt.type_numeric() }}) as points_day_before,
        cast(signal_count as {{ dbt.type_bigint() }}) as signal_count,
        cast(counted_signal_count as {{ dbt.type_bigint() }}) as counted_signal_count,
        last_signal_at,
        cast(coalesce(exit_count, 0) as {{ dbt.type_bigint() }}) as exit_count,
        last_exited_at,
        {{ as_of }} as as_of_date,
        (
            select max(points.scored_at)
            from {{ ref('int_bit_signal_points') }} as points
        ) as points_scored_through,
        -- the run that wrote the row, for int_contact_scores
        {{ run_started_timestamp() }} as scored_at
    from types_all
)

select * from contact_signal_type_scores
