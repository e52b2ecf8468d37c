-- One row per engagement signal (workspace_id, signal_id) with the golden person and company
-- its CRM person id (else its email) resolves to, null when it names nobody we know.
-- Incremental: a run resolves the signals of the raw rows loaded since its last one (the
-- events' base table is append-only and numbers raw rows in load order: no lookback needed)
-- and re-resolves the signals whose key changed (int_person_keys.resolved_at), and stamps what
-- it wrote with resolved_at for the scoring models downstream. The keys are kept on each row
-- but not indexed: a run with changed keys finds their signals in one scan (a second or two
-- at 10M signals), where two key indexes cost every full build about 14 s.
{{ config(
    materialized='incremental',
    unique_key='signal_id',
    incremental_strategy='delete+insert',
    on_schema_change='fail',
    indexes=[
        {'columns': ['signal_id'], 'unique': true},
        {'columns': ['raw_row_id']},
        {'columns': ['resolved_at']},
        {'columns': ['person_id', 'workspace_id', 'occurred_at']},
    ],
) }}

{%- set signal_columns = [
    'signal_id', 'workspace_id', 'origin_record_id', 'signal_type', 'signal_source',
    'crm_person_id', 'person_email', 'signal_value', 'occurred_at', 'raw_row_id', 'loaded_at',
] %}
{%- set feed_columns = 'signals.' ~ signal_columns | join(', signals.') %}
{%- set previous_columns = 'previous.' ~ signal_columns | join(', previous.') %}

-- int_person_keys is read where it is used, not through an import CTE: a CTE read more than
-- once is written out whole first (every key), where a run needs an index probe per signal
with

{% if is_incremental() %}
    {%- set resolved_since = incremental_watermark('resolved_at') %}
    {%- set loaded_since = incremental_watermark('raw_row_id', 'bigint', '0') %}
    {#- the scan for changed keys is left out when no key changed: decided at compile time #}
    {%- set any_key_changed = runs_since(
        ref('int_person_keys'), 'resolved_at', resolved_since
    ) > 0 %}
    {% if any_key_changed %}
        keys_changed as (
            select
                workspace_id,
                key_type,
                key_value
            from {{ ref('int_person_keys') }}
            where resolved_at > {{ resolved_since }}
        ),
    {% endif %}

    -- the signals of the raw rows loaded since the last run, and the signals already here that
    -- name a key that now resolves anew (their raw rows are older: the two never overlap)
    signals_to_resolve as (
        select
            {{ feed_columns }},
            cast(null as {{ dbt.type_string() }}) as previous_person_id,
            cast(null as {{ dbt.type_string() }}) as previous_company_id,
            1 as is_from_feed
        from {{ ref('int_signals__engagement') }} as signals
        where signals.raw_row_id > {{ loaded_since }}
        {% if any_key_changed %}
            union all
            select
                {{ previous_columns }},
                previous.person_id as previous_person_id,
                previous.company_id as previous_company_id,
                0 as is_from_feed
            from {{ this }} as previous
            where
                (previous.workspace_id, previous.crm_person_id) in (
                    select
                        workspace_id,
                        key_value
                    from keys_changed
                    where key_type = 'crm_person_id'
                )
                or (previous.workspace_id, previous.person_email) in (
                    select
                        workspace_id,
                        key_value
                    from keys_changed
                    where key_type = 'email'
                )
        {% endif %}
    ),
{% else %}
    signals_to_resolve as (
        select
            {{ feed_columns }},
            cast(null as {{ dbt.type_string() }}) as previous_person_id,
            cast(null as {{ dbt.type_string() }}) as previous_company_id,
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
        signals.crm_person_id,
        signals.person_email,
        signals.signal_value,
        signals.occurred_at,
        signals.raw_row_id,
        signals.loaded_at,
        signals.previous_person_id,
        signals.previous_company_id,
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

-- a signal re-read for its key and resolved as before is not rewritten: nothing downstream
-- rescores for it
signals_resolved as (
    select
        signal_id,
        workspace_id,
        person_id,
        company_id,
        origin_record_id,
        signal_origin,
        signal_type,
        signal_source,
        crm_person_id,
        person_email,
        signal_value,
        occurred_at,
        raw_row_id,
        loaded_at,
        resolved_at
    from resolutions
    where
        is_from_feed = 1
        or {{ values_differ('person_id', 'previous_person_id') }}
        or {{ values_differ('company_id', 'previous_company_id') }}
)

select * from signals_resolved
