{#
    Parse a date text (ISO 8601, YYYY-MM-DD) into a date, or null when the text is not an
    absolute date. Relative words a database would read against its clock ('yesterday',
    'today', 'epoch', 'infinity', ...) are not dates: the same file must mean the same day on
    every run (is_relative_time_text).
#}
{% macro parse_date(expr) -%}
    {{ return(adapter.dispatch('parse_date', 'revops')(expr)) }}
{%- endmacro %}

{% macro postgres__parse_date(expr) -%}
    case
        when
            pg_input_is_valid({{ expr }}, 'date')
            and not {{ is_relative_time_text(expr) }}
            then cast({{ expr }} as date)
    end
{%- endmacro %}

{% macro default__parse_date(expr) -%}
    {{ dbt.safe_cast(expr, api.Column.translate_type('date')) }}
{%- endmacro %}

{#
    True when a date or timestamp text holds one of PostgreSQL's special words, which stand for
    a moment relative to the clock (now, today, yesterday, tomorrow) or for none (epoch,
    infinity, allballs): an absolute timestamp never contains them.
#}
{% macro is_relative_time_text(expr) -%}
    ({{ expr }} ~* '(^|[^a-z])(now|today|yesterday|tomorrow|epoch|infinity|allballs)([^a-z]|$)')
{%- endmacro %}
