-- One row per signal (workspace_id, signal_id) from every signal source, keyed to the golden
-- person and company it resolves to: the unified BIT signal stream. Signals that resolve to
-- nobody keep null ids (signals_unresolved lists them); a record signal that no longer holds
-- (is_withdrawn: a role lost, a movement undone) keeps its row with null ids, so what scored it
-- learns that it is gone. Scoring reads the rows with a person. A signal type missing from the signal_weights
-- seed is kept, flagged, and scored at the fallback weight. A view over the two incremental
-- resolutions: nothing is copied, and resolved_at says when a row last changed.
{{ config(materialized='view') }}

-- The union is a derived table of the two tables, not CTEs: PostgreSQL does not flatten a union
-- written as a CTE, and a reader asking for a few contacts' signals (the incremental points)
-- would then scan both tables whole instead of using their indexes. The known types are looked
-- up rather than joined for the same reason.
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
    signals.signal_type in (
        select signal_weights.signal_type from {{ ref('signal_weights') }} as signal_weights
    ) as is_known_signal_type,
    signals.occurred_at,
    signals.is_withdrawn,
    signals.resolved_at
from (
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
    union all
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
) as signals
