-- Guards: every signal type an event type maps to has a weight. A missing one would score the
-- fallback weight and be flagged; this makes the gap visible at build time. Warns, not fails:
-- the fallback is the designed behaviour, the warning asks for a decision.
{{ config(severity='warn') }}

with

event_types as (
    select
        event_type,
        signal_type
    from {{ ref('event_types') }}
    where signal_type is not null
),

signal_weights as (
    select signal_type from {{ ref('signal_weights') }}
),

unweighted as (
    select event_types.*
    from event_types
    left join signal_weights
        on event_types.signal_type = signal_weights.signal_type
    where signal_weights.signal_type is null
)

select * from unweighted
