-- One row per signal (workspace_id, signal_id) from every signal source, keyed to the golden
-- person and company it resolves to: the unified BIT signal stream. Signals that resolve to
-- nobody keep null ids (signals_unresolved lists them); a record signal that no longer holds
-- (is_withdrawn: a role lost, a movement undone) keeps its row with null ids, so what scored it
-- learns that it is gone. Scoring reads the rows with a person. A signal type missing from the signal_weights
-- seed is kept, flagged, and scored at the fallback weight. A view over the two incremental
-- resolutions: nothing is copied, and resolved_at says when a row last changed.
{{ config(materialized='view') }}

with

int_signals__engagement_resolved as (
    select
        signal_id,
        workspace_id,
        person_id,
        company_id,
        origin_record_id,
        signal_origin,
        signal_type,
        signal_source,
        signal_value,
        occurred_at,
        false as is_withdrawn,
        resolved_at
    from {{ ref('int_signals__engagement_resolved') }}
),

int_signals__records_resolved as (
    select
        signal_id,
        workspace_id,
        person_id,
        company_id,
        origin_record_id,
        signal_origin,
        signal_type,
        signal_source,
        signal_value,
        occurred_at,
        is_withdrawn,
        resolved_at
    from {{ ref('int_signals__records_resolved') }}
),

signal_weights as (
    select signal_type from {{ ref('signal_weights') }}
),

signals_unioned as (
    select * from int_signals__engagement_resolved
    union all
    select * from int_signals__records_resolved
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
        signals.occurred_at,
        signals.is_withdrawn,
        signals.resolved_at
    from signals_unioned as signals
    left join signal_weights
        on signals.signal_type = signal_weights.signal_type
)

select * from signals_flagged
