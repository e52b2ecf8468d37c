{#
    Parse a timestamp text (ISO 8601, with or without an offset) into a UTC timestamp without
    time zone, or null when the text is not an absolute timestamp (relative words such as
    'yesterday' or 'now' are not: is_relative_time_text). Values without an offset are read as
    UTC.
#}
{% macro parse_utc_timestamp(expr) -%}
    {{ return(adapter.dispatch('parse_utc_timestamp', 'revops')(expr)) }}
{%- endmacro %}

{% macro postgres__parse_utc_timestamp(expr) -%}
    case
        when
            pg_input_is_valid({{ expr }}, 'timestamptz')
            and not {{ is_relative_time_text(expr) }}
            then cast({{ expr }} as timestamptz) at time zone 'UTC'
    end
{%- endmacro %}

{% macro default__parse_utc_timestamp(expr) -%}
    {{ dbt.safe_cast(expr, api.Column.translate_type('timestamp')) }}
{%- endmacro %}
