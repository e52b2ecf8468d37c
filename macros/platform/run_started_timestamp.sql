{#
    The time this dbt invocation started, as a timestamp literal: the same value in every model
    of one run, later than any earlier run's. Incremental models stamp the rows they (re)write
    with it, so the next model down picks up exactly what changed since it last ran.
#}
{% macro run_started_timestamp() -%}
    {{ typed_literal(run_started_at.strftime('%Y-%m-%d %H:%M:%S.%f')) }}
{%- endmacro %}

{#
    A literal of `data_type` ('timestamp', 'date', 'bigint', ...) from its text, portable across
    adapters.
#}
{% macro typed_literal(text, data_type='timestamp') -%}
    {{ dbt.cast(dbt.string_literal(text), api.Column.translate_type(data_type)) }}
{%- endmacro %}
