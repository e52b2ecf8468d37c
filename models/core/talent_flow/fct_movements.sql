-- One row per job movement (workspace_id, movement_id) with its signal type, weight, source
-- confidence and status after the kill switches, in this order:
--   contradiction           it contradicts another movement (reason in contradiction_reason):
--                           a promotion and a demotion at the same company within
--                           talent_flow_reversal_window_days, an exit and a re-hire at the same
--                           company within talent_flow_cooldown_hours, or two current employers
--                           in the delivery that shows it;
--   not_a_signal            its signal type has no weight in signal_weights (a demotion);
--   suppressed_cooldown     its change came less than talent_flow_cooldown_hours after the
--                           person's previous change;
--   suppressed_monthly_cap  the person already has talent_flow_monthly_movement_cap changes
--                           counted that calendar month;
--   accepted                it becomes a BIT signal.
-- The switches count changes (snapshot versions), not rows: the exit and the hire of one move
-- between tracked companies are one change. A hire of a known CRM contact from another tracked
-- company is a champion hire (signal type movement_champion_hire).
with

int_movements_classified as (
    select * from {{ ref('int_movements_classified') }}
),

int_people_employer_conflicts as (
    select
        workspace_id,
        person_id,
        delivery_date
    from {{ ref('int_people_employer_conflicts') }}
),

dim_person as (
    select
        workspace_id,
        person_id,
        is_in_crm
    from {{ ref('dim_person') }}
),

signal_weights as (
    select
        signal_type,
        weight
    from {{ ref('signal_weights') }}
),

{{ source_confidence_ctes() }}

movements_typed as (
    select
        movements.*,
        case
            when
                movements.movement_type = 'hire'
                and coalesce(dim_person.is_in_crm, false)
                and movements.is_from_company_tracked
                and movements.from_company_id <> movements.to_company_id
                then 'movement_champion_hire'
            else 'movement_' || movements.movement_type
        end as signal_type
    from int_movements_classified as movements
    left join dim_person
        on
            movements.workspace_id = dim_person.workspace_id
            and movements.person_id = dim_person.person_id
),

reversals as (
    select
        movement.workspace_id,
        movement.movement_id,
        'promotion_and_demotion_within_window' as contradiction_reason,
        reversal.movement_id as conflicting_movement_id,
        1 as reason_priority
    from movements_typed as movement
    inner join movements_typed as reversal
        on
            movement.workspace_id = reversal.workspace_id
            and movement.person_id = reversal.person_id
            and movement.company_id = reversal.company_id
            and (
                (movement.movement_type = 'promotion' and reversal.movement_type = 'demotion')
                or (movement.movement_type = 'demotion' and reversal.movement_type = 'promotion')
            )
    where
        abs({{ dbt.datediff('movement.snapshot_date', 'reversal.snapshot_date', 'day') }})
        <= {{ revops_var('talent_flow_reversal_window_days') }}
),

rehires as (
    select
        exits.workspace_id,
        exits.movement_id,
        'rehired_within_cooldown' as contradiction_reason,
        hires.movement_id as conflicting_movement_id,
        2 as reason_priority
    from movements_typed as exits
    inner join movements_typed as hires
        on
            exits.workspace_id = hires.workspace_id
            and exits.person_id = hires.person_id
            and exits.from_company_id = hires.to_company_id
            and exits.occurred_at < hires.occurred_at
    where
        exits.movement_type = 'exit'
        and hires.movement_type = 'hire'
        and {{ dbt.datediff('exits.occurred_at', 'hires.occurred_at', 'second') }}
        < {{ revops_var('talent_flow_cooldown_hours') }} * 3600
),

rehires_both_sides as (
    select
        workspace_id,
        movement_id,
        contradiction_reason,
        conflicting_movement_id,
        reason_priority
    from rehires
    union all
    select
        workspace_id,
        conflicting_movement_id as movement_id,
        contradiction_reason,
        movement_id as conflicting_movement_id,
        reason_priority
    from rehires
),

two_employers as (
    select
        movements.workspace_id,
        movements.movement_id,
        'two_current_employers' as contradiction_reason,
        cast(null as {{ dbt.type_string() }}) as conflicting_movement_id,
        3 as reason_priority
    from movements_typed as movements
    inner join int_people_employer_conflicts as conflicts
        on
            movements.workspace_id = conflicts.workspace_id
            and movements.person_id = conflicts.person_id
            and movements.snapshot_date = conflicts.delivery_date
),

contradictions_unioned as (
    select * from reversals
    union all
    select * from rehires_both_sides
    union all
    select * from two_employers
),

contradictions_ranked as (
    select
        *,
        row_number() over (
            partition by workspace_id, movement_id
            order by reason_priority, conflicting_movement_id
        ) as reason_rank
    from contradictions_unioned
),

movements_checked as (
    select
        movements.*,
        contradictions.contradiction_reason,
        contradictions.conflicting_movement_id
    from movements_typed as movements
    left join contradictions_ranked as contradictions
        on
            movements.workspace_id = contradictions.workspace_id
            and movements.movement_id = contradictions.movement_id
            and contradictions.reason_rank = 1
),

-- one change per person and snapshot time, among the movements that do not contradict
changes as (
    select
        workspace_id,
        person_id,
        occurred_at
    from movements_checked
    where contradiction_reason is null
    group by workspace_id, person_id, occurred_at
),

changes_spaced as (
    select
        *,
        {{ dbt.datediff(
            'lag(occurred_at) over (partition by workspace_id, person_id order by occurred_at)',
            'occurred_at',
            'second'
        ) }} / 3600.0 as hours_since_previous_change
    from changes
),

changes_cooled_down as (
    select
        *,
        coalesce(
            hours_since_previous_change < {{ revops_var('talent_flow_cooldown_hours') }}, false
        ) as is_in_cooldown,
        {{ dbt.date_trunc('month', 'occurred_at') }} as change_month
    from changes_spaced
),

changes_counted as (
    select
        *,
        case
            when not is_in_cooldown
                then row_number() over (
                    partition by workspace_id, person_id, change_month, is_in_cooldown
                    order by occurred_at
                )
        end as change_number_in_month
    from changes_cooled_down
),

movements_screened as (
    select
        movements.*,
        changes.hours_since_previous_change,
        changes.change_number_in_month,
        signal_weights.weight,
        {{ source_confidence() }} as confidence,
        case
            when movements.contradiction_reason is not null then 'contradiction'
            when signal_weights.weight is null then 'not_a_signal'
            when changes.is_in_cooldown then 'suppressed_cooldown'
            when
                changes.change_number_in_month > {{ revops_var('talent_flow_monthly_movement_cap') }}
                then 'suppressed_monthly_cap'
            else 'accepted'
        end as status
    from movements_checked as movements
    left join changes_counted as changes
        on
            movements.workspace_id = changes.workspace_id
            and movements.person_id = changes.person_id
            and movements.occurred_at = changes.occurred_at
    left join signal_weights
        on movements.signal_type = signal_weights.signal_type
    left join confidence_modifiers
        on movements.movement_source = confidence_modifiers.signal_source
    cross join fallback_confidence
),

fct_movements as (
    select
        movement_id,
        workspace_id,
        person_id,
        company_id,
        from_company_id,
        to_company_id,
        conflicting_movement_id,
        movement_type,
        signal_type,
        status,
        contradiction_reason,
        movement_source,
        from_title,
        to_title,
        from_seniority,
        to_seniority,
        from_department,
        to_department,
        from_seniority_rank,
        to_seniority_rank,
        cast(weight as {{ dbt.type_numeric() }}) as weight,
        cast(confidence as {{ dbt.type_numeric() }}) as confidence,
        cast(hours_since_previous_change as {{ dbt.type_numeric() }}) as hours_since_previous_change,
        change_number_in_month,
        is_from_company_tracked,
        is_to_company_tracked,
        is_hard_delete,
        is_return,
        from_snapshot_date,
        snapshot_date,
        occurred_at
    from movements_screened
)

select * from fct_movements
