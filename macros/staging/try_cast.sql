{#
    Cast `expr` to `data_type`, or null when the text is not a valid value of that type, so one
    bad row becomes a rejected row instead of failing the whole model.
    Postgres 16+: pg_input_is_valid checks the text with the type's own input function; NaN and
    Infinity, valid numerics there, are not numbers here.
    Elsewhere: dbt's safe_cast (try_cast on adapters that have one).
#}
{% macro try_cast(expr, data_type) -%}
    {{ return(adapter.dispatch('try_cast', 'revops')(expr, data_type)) }}
{%- endmacro %}

{% macro postgres__try_cast(expr, data_type) -%}
    case
        when
            pg_input_is_valid({{ expr }}, '{{ data_type }}')
            {%- if data_type in ('numeric', 'double precision', 'real') %}
                -- valid numerics, but no amount or count: they would poison every sum
                and {{ expr }} !~* '(nan|inf)'
            {%- endif %}
            then cast({{ expr }} as {{ data_type }})
    end
{%- endmacro %}

{% macro default__try_cast(expr, data_type) -%}
    {{ dbt.safe_cast(expr, data_type) }}
{%- endmacro %}
