-- One row per engagement signal (workspace_id, signal_id) with the golden person and company
-- its CRM person id (else its email) resolves to, null when it names nobody we know.
-- Incremental: a run resolves the signals int_signals__engagement wrote since the last one (new
-- or changed: a raw_row_id above the highest here, no lookback needed) and re-resolves the
-- signals whose key changed (int_person_keys.resolved_at), and stamps what it wrote with
-- resolved_at for the scoring models downstream.
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
    'crm_person_id', 'person_email', 'signal_value', 'occurred_at', 'raw_row_id', 'loaded_at',
] | join(', signals.') %}
{%- set resolved_columns = 'resolutions.' ~ [
    'signal_id', 'workspace_id', 'person_id', 'company_id', 'origin_record_id', 'signal_origin',
    'signal_type', 'signal_source', 'signal_value', 'occurred_at', 'raw_row_id', 'loaded_at',
    'resolved_at',
] | join(', resolutions.') %}

-- int_signals__engagement and int_person_keys are read where they are used, not through
-- import CTEs: a CTE read more than once is written out whole first (every event, every key),
-- where a daily run needs the day's events and an index probe per key.
with

{% if is_incremental() %}
    {%- set resolved_since = incremental_watermark('resolved_at') %}
    {%- set extracted_since = incremental_watermark('raw_row_id', 'bigint', '0') %}
    keys_changed as (
        select
            workspace_id,
            key_type,
            key_value
        from {{ ref('int_person_keys') }}
        where resolved_at > {{ resolved_since }}
    ),

    -- the signals written since the last run (always rewritten: new, or changed in the feed),
    -- and the signals that name a key that now resolves elsewhere; a signal can be both
    signals_to_resolve as (
        select
            {{ signal_columns }},
            max(is_from_feed) as is_from_feed
        from (
            select
                {{ signal_columns }},
                1 as is_from_feed
            from {{ ref('int_signals__engagement') }} as signals
            where signals.raw_row_id > {{ extracted_since }}
            union all
            select
                {{ signal_columns }},
                0 as is_from_feed
            from {{ ref('int_signals__engagement') }} as signals
            inner join keys_changed
                on
                    signals.workspace_id = keys_changed.workspace_id
                    and keys_changed.key_type = 'crm_person_id'
                    and signals.crm_person_id = keys_changed.key_value
            union all
            select
                {{ signal_columns }},
                0 as is_from_feed
            from {{ ref('int_signals__engagement') }} as signals
            inner join keys_changed
                on
                    signals.workspace_id = keys_changed.workspace_id
                    and keys_changed.key_type = 'email'
                    and signals.person_email = keys_changed.key_value
        ) as signals
        group by {{ signal_columns }}
    ),
{% else %}
    signals_to_resolve as (
        select
            {{ signal_columns }},
            1 as is_from_feed
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
        signals.raw_row_id,
        signals.loaded_at,
        signals.is_from_feed,
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
    -- a signal re-read for its key and resolved as before is not rewritten: nothing downstream
    -- rescores for it
    signals_resolved as (
        select {{ resolved_columns }}
        from resolutions
        -- one index probe per signal re-read for its key (a hash join would scan every resolved
        -- signal); the feed's signals are written whatever they were
        left join lateral (
            select
                previous.signal_id,
                previous.person_id,
                previous.company_id
            from {{ this }} as previous
            where previous.signal_id = resolutions.signal_id and resolutions.is_from_feed = 0
            {{ optimization_fence() }}
        ) as previous on true
        where
            resolutions.is_from_feed = 1
            or previous.signal_id is null
            or {{ values_differ('resolutions.person_id', 'previous.person_id') }}
            or {{ values_differ('resolutions.company_id', 'previous.company_id') }}
    )
{% else %}
    signals_resolved as (
        select {{ resolved_columns }}
        from resolutions
    )
{% endif %}

select * from signals_resolved
