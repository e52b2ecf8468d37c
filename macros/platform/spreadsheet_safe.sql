{#
    A text value as BI tools and spreadsheet exports may show it: one that a spreadsheet would
    run as a formula (a leading =, +, -, @, tab or carriage return) gets a leading apostrophe,
    OWASP's rule for CSV injection. A plain signed number (an E.164 phone, -2) runs nothing and
    is left as it is. Raw and core keep the value as written; the marts, which BI tools read and
    export, show it this way. Applying it twice changes nothing more.
#}
{% macro spreadsheet_safe(expr) -%}
    {{ return(adapter.dispatch('spreadsheet_safe', 'revops')(expr)) }}
{%- endmacro %}

{% macro postgres__spreadsheet_safe(expr) -%}
    case
        when {{ expr }} ~ '^[-=+@\t\r]' and {{ expr }} !~ '^[-+]?[0-9]+([.][0-9]+)?$'
            then '''' || {{ expr }}
        else {{ expr }}
    end
{%- endmacro %}

{% macro default__spreadsheet_safe(expr) -%}
    case
        when
            substr({{ expr }}, 1, 1) in ('=', '+', '-', '@', chr(9), chr(13))
            and {{ dbt.safe_cast(expr, dbt.type_numeric()) }} is null
            then concat('''', {{ expr }})
        else {{ expr }}
    end
{%- endmacro %}
