-- One row per engagement event that is a buying signal (its event type maps to a signal type):
-- the signal as the feed named it (CRM person id or email). Incremental on raw_row_id: the
-- events' base table is append-only and numbers raw rows in load order, so a row that lands
-- late still comes after every row read before, and no lookback is re-read. An event sent
-- again as it was is not written again. raw_row_id is also what the resolution downstream
-- reads from. Indexed by the keys it names a person by, so a key that resolves anew finds its
-- signals without a scan.
{{ config(
    materialized='incremental',
    unique_key='signal_id',
    incremental_strategy='delete+insert',
    on_schema_change='fail',
    indexes=[
        {'columns': ['signal_id'], 'unique': true},
        {'columns': ['raw_row_id']},
        {'columns': ['workspace_id', 'crm_person_id']},
        {'columns': ['workspace_id', 'person_email']},
    ],
) }}

with

stg_engagement__events as (
    select
        workspace_id,
        event_id,
        event_type,
        crm_person_id,
        person_email,
        source_system,
        occurred_at,
        raw_row_id,
        loaded_at
    from {{ ref('stg_engagement__events') }}
    {% if is_incremental() %}
        where raw_row_id > {{ incremental_watermark('raw_row_id', 'bigint', '0') }}
    {% endif %}
),

event_types as (
    select
        event_type,
        signal_type
    from {{ ref('event_types') }}
    where signal_type is not null
),

signals as (
    select
        events.workspace_id || ':event:' || events.event_id as signal_id,
        events.workspace_id,
        events.event_id as origin_record_id,
        event_types.signal_type,
        coalesce(events.source_system, 'crm') as signal_source,
        events.crm_person_id,
        events.person_email,
        cast(1 as numeric) as signal_value,
        events.occurred_at,
        events.raw_row_id,
        events.loaded_at
    from stg_engagement__events as events
    inner join event_types
        on events.event_type = event_types.event_type
),

{% if is_incremental() %}
    signals_changed as (
        select signals.*
        from signals
        -- one index probe per new row (a hash join would scan every signal)
        left join lateral (
            select
                previous.signal_id,
                previous.signal_type,
                previous.signal_source,
                previous.crm_person_id,
                previous.person_email,
                previous.occurred_at
            from {{ this }} as previous
            where previous.signal_id = signals.signal_id
            {{ optimization_fence() }}
        ) as previous on true
        where
            previous.signal_id is null
            {% for column in [
                'signal_type', 'signal_source', 'crm_person_id', 'person_email', 'occurred_at',
            ] %}
                or {{ values_differ('signals.' ~ column, 'previous.' ~ column) }}
            {% endfor %}
    )
{% else %}
    signals_changed as (
        select * from signals
    )
{% endif %}

select * from signals_changed
