{#
    Parse a timestamp text (ISO 8601, with or without an offset) into a UTC timestamp without
    time zone, or null when the text is not a timestamp. Values without an offset are read as UTC.
#}
{% macro parse_utc_timestamp(expr) -%}
    {{ return(adapter.dispatch('parse_utc_timestamp', 'revops')(expr)) }}
{%- endmacro %}

{% macro postgres__parse_utc_timestamp(expr) -%}
    case
        when pg_input_is_valid({{ expr }}, 'timestamptz')
            then cast({{ expr }} as timestamptz) at time zone 'UTC'
    end
{%- endmacro %}

{% macro default__parse_utc_timestamp(expr) -%}
    {{ dbt.safe_cast(expr, api.Column.translate_type('timestamp')) }}
{%- endmacro %}
