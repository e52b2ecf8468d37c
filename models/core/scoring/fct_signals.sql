-- One row per scoreable signal (workspace_id, signal_id) keyed to its golden person and
-- company: the unified BIT signal stream. A signal type missing from the signal_weights seed
-- is kept, flagged, and scored at the fallback weight.
with

int_signals_resolved as (
    select * from {{ ref('int_signals_resolved') }}
    where person_id is not null
),

signal_weights as (
    select signal_type from {{ ref('signal_weights') }}
),

signals_flagged as (
    select
        signals.signal_id,
        signals.workspace_id,
        signals.person_id,
        signals.company_id,
        signals.origin_record_id,
        signals.signal_origin,
        signals.signal_type,
        signals.signal_source,
        signals.signal_value,
        signal_weights.signal_type is not null as is_known_signal_type,
        signals.occurred_at
    from int_signals_resolved as signals
    left join signal_weights
        on signals.signal_type = signal_weights.signal_type
)

select * from signals_flagged
