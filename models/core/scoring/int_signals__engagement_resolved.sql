-- One row per engagement signal (workspace_id, signal_id) with the golden person and company
-- its CRM person id (else its email) resolves to, null when it names nobody we know.
-- Incremental: a run resolves the signals loaded since the last one (with the lookback) and
-- re-resolves the signals whose key changed (int_person_keys.resolved_at), and stamps what it
-- wrote with resolved_at for the scoring models downstream.
{{ config(
    materialized='incremental',
    unique_key='signal_id',
    incremental_strategy='delete+insert',
    on_schema_change='fail',
    indexes=[
        {'columns': ['signal_id'], 'unique': true},
        {'columns': ['resolved_at']},
        {'columns': ['person_id', 'workspace_id', 'occurred_at']},
    ],
) }}

{%- set signal_columns = 'signals.' ~ [
    'signal_id', 'workspace_id', 'origin_record_id', 'signal_type', 'signal_source',
    'crm_person_id', 'person_email', 'signal_value', 'occurred_at', 'loaded_at',
] | join(', signals.') %}

-- int_signals__engagement and int_person_keys are read where they are used, not through
-- import CTEs: a CTE read more than once is written out whole first (every event, every key),
-- where a daily run needs the day's events and an index probe per key.
with

{% if is_incremental() %}
    {%- set resolved_since = incremental_watermark('resolved_at') %}
    {%- set loaded_since = incremental_watermark('loaded_at') %}
    keys_changed as (
        select
            workspace_id,
            key_type,
            key_value
        from {{ ref('int_person_keys') }}
        where resolved_at > {{ resolved_since }}
    ),

    -- signals loaded since the last run (and the lookback before it), and the signals that
    -- name a key that now resolves elsewhere; a signal can be both, hence the union
    signals_to_resolve as (
        select {{ signal_columns }}
        from {{ ref('int_signals__engagement') }} as signals
        where
            signals.loaded_at >= {{ dbt.dateadd(
                'hour', -1 * var('incremental_lookback_hours'), loaded_since
            ) }}
        union
        select {{ signal_columns }}
        from {{ ref('int_signals__engagement') }} as signals
        inner join keys_changed
            on
                signals.workspace_id = keys_changed.workspace_id
                and keys_changed.key_type = 'crm_person_id'
                and signals.crm_person_id = keys_changed.key_value
        union
        select {{ signal_columns }}
        from {{ ref('int_signals__engagement') }} as signals
        inner join keys_changed
            on
                signals.workspace_id = keys_changed.workspace_id
                and keys_changed.key_type = 'email'
                and signals.person_email = keys_changed.key_value
    ),
{% else %}
    signals_to_resolve as (
        select {{ signal_columns }}
        from {{ ref('int_signals__engagement') }} as signals
    ),
{% endif %}

resolutions as (
    select
        signals.signal_id,
        signals.workspace_id,
        coalesce(by_crm_id.person_id, by_email.person_id) as person_id,
        case
            when by_crm_id.person_id is not null then by_crm_id.company_id
            else by_email.company_id
        end as company_id,
        signals.origin_record_id,
        'engagement_event' as signal_origin,
        signals.signal_type,
        signals.signal_source,
        signals.signal_value,
        signals.occurred_at,
        signals.loaded_at,
        {{ run_started_timestamp() }} as resolved_at
    from signals_to_resolve as signals
    left join {{ ref('int_person_keys') }} as by_crm_id
        on
            signals.workspace_id = by_crm_id.workspace_id
            and by_crm_id.key_type = 'crm_person_id'
            and signals.crm_person_id = by_crm_id.key_value
    left join {{ ref('int_person_keys') }} as by_email
        on
            signals.workspace_id = by_email.workspace_id
            and by_email.key_type = 'email'
            and signals.person_email = by_email.key_value
),

{% if is_incremental() %}
    -- a signal re-read in the lookback and resolved as before is not rewritten: a rerun
    -- changes nothing, and nothing downstream rescores for it
    signals_resolved as (
        select resolutions.*
        from resolutions
        -- one index probe per signal read (a hash join would scan every resolved signal)
        left join lateral (
            select
                previous.signal_id,
                previous.person_id,
                previous.company_id
            from {{ this }} as previous
            where previous.signal_id = resolutions.signal_id
            {{ optimization_fence() }}
        ) as previous on true
        where
            previous.signal_id is null
            or {{ values_differ('resolutions.person_id', 'previous.person_id') }}
            or {{ values_differ('resolutions.company_id', 'previous.company_id') }}
    )
{% else %}
    signals_resolved as (
        select * from resolutions
    )
{% endif %}

select * from signals_resolved
