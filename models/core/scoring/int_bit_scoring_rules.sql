-- One row per version of the scoring rules (workspace-independent): a digest of the weights,
-- confidences, decay rules and tier thresholds seeds and of the scoring vars, and the run that
-- first applied it.
-- Append-only: a run adds a row only when the digest differs from the latest one. The
-- incremental scoring models compare its latest applied_at with their own last run and rescore
-- every contact when the rules changed since, so a new weight never leaves old points behind.
{{ config(
    materialized='incremental',
    unique_key='rules_digest',
    incremental_strategy='delete+insert',
    on_schema_change='fail',
) }}

with

signal_weights as (
    select
        {{ dbt.listagg(
            "signal_type || ':' || cast(weight as " ~ dbt.type_string() ~ ") || ':'"
            ~ " || cast(is_decaying as " ~ dbt.type_string() ~ ")",
            "','",
            "order by signal_type",
        ) }} as rules_text
    from {{ ref('signal_weights') }}
),

confidence_modifiers as (
    select
        {{ dbt.listagg(
            "signal_source || ':' || cast(confidence as " ~ dbt.type_string() ~ ")",
            "','",
            "order by signal_source",
        ) }} as rules_text
    from {{ ref('confidence_modifiers') }}
),

decay_rules as (
    select
        {{ dbt.listagg(
            "cast(min_age_days as " ~ dbt.type_string() ~ ") || ':'"
            ~ " || coalesce(cast(max_age_days as " ~ dbt.type_string() ~ "), '') || ':'"
            ~ " || cast(decay_factor as " ~ dbt.type_string() ~ ")",
            "','",
            "order by min_age_days",
        ) }} as rules_text
    from {{ ref('decay_rules') }}
),

tier_thresholds as (
    select
        {{ dbt.listagg(
            "tier || ':' || cast(tier_rank as " ~ dbt.type_string() ~ ") || ':'"
            ~ " || cast(min_points as " ~ dbt.type_string() ~ ") || ':'"
            ~ " || coalesce(cast(max_points as " ~ dbt.type_string() ~ "), '') || ':'"
            ~ " || action",
            "','",
            "order by tier_rank",
        ) }} as rules_text
    from {{ ref('tier_thresholds') }}
),

rules_digest as (
    select
        {{ dbt.hash(
            "signal_weights.rules_text || '|' || confidence_modifiers.rules_text || '|'"
            ~ " || decay_rules.rules_text || '|' || tier_thresholds.rules_text || '|"
            ~ "dedup anchored at the counted signal " ~ revops_var('bit_dedup_window_hours') ~ "|"
            ~ revops_var('bit_daily_cap_points') ~ "|" ~ revops_var('bit_unknown_signal_weight')
            ~ "|aged:" ~ (revops_var('bit_aged_standing_signal_types') or []) | join(',')
            ~ "|top:" ~ revops_var('bit_top_explanations') ~ "'"
        ) }} as rules_digest,
        {{ run_started_timestamp() }} as applied_at
    from signal_weights
    cross join confidence_modifiers
    cross join decay_rules
    cross join tier_thresholds
)

select * from rules_digest
{% if is_incremental() %}
    where rules_digest not in (
        select previous.rules_digest
        from {{ this }} as previous
        where previous.applied_at = (select max(latest.applied_at) from {{ this }} as latest)
    )
{% endif %}
