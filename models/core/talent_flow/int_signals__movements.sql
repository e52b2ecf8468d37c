-- One row per accepted job movement (signal_id): a BIT signal of type movement_<type> (or
-- movement_champion_hire) worth one signal of its weight, counted at the account the movement
-- concerns (the new company for a hire, promotion or transfer; the old one for an exit), dated
-- by the delivery that first showed it. Shaped like the other int_signals__* models' resolved
-- form, so the scoring stream can union it as is.
with

fct_movements as (
    select
        workspace_id,
        movement_id,
        person_id,
        company_id,
        signal_type,
        movement_source,
        occurred_at
    from {{ ref('fct_movements') }}
    where status = 'accepted'
),

signals as (
    select
        workspace_id || ':movement:' || movement_id as signal_id,
        workspace_id,
        person_id,
        company_id,
        movement_id as origin_record_id,
        'movement' as signal_origin,
        signal_type,
        movement_source as signal_source,
        cast(1 as {{ dbt.type_numeric() }}) as signal_value,
        occurred_at
    from fct_movements
)

select * from signals
