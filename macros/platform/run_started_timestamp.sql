{#
    The time this dbt invocation started, as a timestamp literal: the same value in every model
    of one run, later than any earlier run's. Incremental models stamp the rows they (re)write
    with it, so the next model down picks up exactly what changed since it last ran.
#}
{% macro run_started_timestamp() -%}
    {{ dbt.cast(
        dbt.string_literal(run_started_at.strftime('%Y-%m-%d %H:%M:%S.%f')),
        api.Column.translate_type('timestamp'),
    ) }}
{%- endmacro %}

{# A timestamp literal from 'YYYY-MM-DD[ HH:MM:SS]' text, portable across adapters. #}
{% macro timestamp_literal(text) -%}
    {{ dbt.cast(dbt.string_literal(text), api.Column.translate_type('timestamp')) }}
{%- endmacro %}
