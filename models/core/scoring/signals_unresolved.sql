-- One row per signal that resolves to no golden person (an event naming an unknown CRM id or
-- email): kept here, not dropped, so the gap is visible and counted. A view: the resolutions
-- index a null person, so reading the gap costs a few pages, while a table would be rewritten
-- from the whole signal stream on every run.
{{ config(materialized='view') }}
with

fct_signals as (
    select
        signal_id,
        workspace_id,
        origin_record_id,
        signal_origin,
        signal_type,
        signal_source,
        occurred_at
    from {{ ref('fct_signals') }}
    where person_id is null and not is_withdrawn
)

select * from fct_signals
