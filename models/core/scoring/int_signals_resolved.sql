{{ config(materialized='view') }}

-- One row per signal from every signal source (workspace_id, signal_id), with the golden
-- person and company it resolves to, or null ids when it resolves to nobody.
-- Engagement events name a person by CRM id (else email); baselines and roles by their record;
-- talent-flow movements arrive already keyed to the golden person and account.
with

int_signals__engagement as (
    select * from {{ ref('int_signals__engagement') }}
),

int_signals__baselines as (
    select * from {{ ref('int_signals__baselines') }}
),

int_signals__roles as (
    select * from {{ ref('int_signals__roles') }}
),

int_signals__movements as (
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
        occurred_at
    from {{ ref('int_signals__movements') }}
),

int_person_keys as (
    select * from {{ ref('int_person_keys') }}
),

int_person_records_resolved as (
    select
        workspace_id,
        person_record_id,
        person_id,
        company_id
    from {{ ref('int_person_records_resolved') }}
),

engagement_resolved as (
    select
        signals.signal_id,
        signals.workspace_id,
        coalesce(by_crm_id.person_id, by_email.person_id) as person_id,
        coalesce(by_crm_id.company_id, by_email.company_id) as company_id,
        signals.origin_record_id,
        'engagement_event' as signal_origin,
        signals.signal_type,
        signals.signal_source,
        signals.signal_value,
        signals.occurred_at
    from int_signals__engagement as signals
    left join int_person_keys as by_crm_id
        on
            signals.workspace_id = by_crm_id.workspace_id
            and by_crm_id.key_type = 'crm_person_id'
            and signals.crm_person_id = by_crm_id.key_value
    left join int_person_keys as by_email
        on
            signals.workspace_id = by_email.workspace_id
            and by_email.key_type = 'email'
            and signals.person_email = by_email.key_value
),

record_signals as (
    select
        signal_id,
        workspace_id,
        origin_record_id,
        'backfill_baseline' as signal_origin,
        signal_type,
        signal_source,
        person_record_id,
        signal_value,
        occurred_at
    from int_signals__baselines
    union all
    select
        signal_id,
        workspace_id,
        origin_record_id,
        'role' as signal_origin,
        signal_type,
        signal_source,
        person_record_id,
        signal_value,
        occurred_at
    from int_signals__roles
),

record_signals_resolved as (
    select
        signals.signal_id,
        signals.workspace_id,
        records.person_id,
        records.company_id,
        signals.origin_record_id,
        signals.signal_origin,
        signals.signal_type,
        signals.signal_source,
        signals.signal_value,
        signals.occurred_at
    from record_signals as signals
    left join int_person_records_resolved as records
        on
            signals.workspace_id = records.workspace_id
            and signals.person_record_id = records.person_record_id
),

all_signals as (
    select * from engagement_resolved
    union all
    select * from record_signals_resolved
    union all
    select * from int_signals__movements
)

select * from all_signals
