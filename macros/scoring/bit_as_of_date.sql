{#
    The day scores are computed for: the `as_of` var (YYYY-MM-DD) when set, else the day (UTC)
    the dbt invocation started. Every score, decay age and trigger is relative to it, so a past
    day replays exactly. It is a literal, never the database's clock: the views over the scores
    (the marts, fct_bit_score_contributions) then show the day the scores were built for, not
    the day they are read, and one run that crosses midnight scores every model for one day.
#}
{% macro bit_as_of_date() -%}
    {%- set as_of = revops_var('as_of') -%}
    {%- if as_of -%}
        {{ typed_literal(as_of | string | trim, 'date') }}
    {%- else -%}
        {{ typed_literal(run_started_at.strftime('%Y-%m-%d'), 'date') }}
    {%- endif -%}
{%- endmacro %}
