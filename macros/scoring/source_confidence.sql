{#
    The confidence of a signal's source, written once: the CTEs `confidence_modifiers` and
    `fallback_confidence` (source_confidence_ctes, in a model's WITH), then the expression
    source_confidence() over a left join to `confidence_modifiers` and a cross join to
    `fallback_confidence`. A source missing from the confidence_modifiers seed is trusted like
    an inferred value.
#}
{% macro source_confidence_ctes() %}
confidence_modifiers as (
    select
        signal_source,
        confidence
    from {{ ref('confidence_modifiers') }}
),

-- a source missing from confidence_modifiers is trusted like an inferred value
fallback_confidence as (
    select confidence as inferred_confidence
    from confidence_modifiers
    where signal_source = 'inferred'
),
{% endmacro %}

{% macro source_confidence() -%}
    coalesce(confidence_modifiers.confidence, fallback_confidence.inferred_confidence)
{%- endmacro %}
