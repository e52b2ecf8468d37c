{#
    A text value as BI tools and spreadsheet exports may show it: one that a spreadsheet would
    run as a formula (a leading =, +, -, @, tab or carriage return) gets a leading apostrophe,
    OWASP's rule for CSV injection. Raw and core keep the value as written; the marts, which BI
    tools read and export, show it this way. Applying it twice changes nothing more.
#}
{% macro spreadsheet_safe(expr) -%}
    {{ return(adapter.dispatch('spreadsheet_safe', 'revops')(expr)) }}
{%- endmacro %}

{% macro postgres__spreadsheet_safe(expr) -%}
    case when {{ expr }} ~ '^[-=+@\t\r]' then '''' || {{ expr }} else {{ expr }} end
{%- endmacro %}

{% macro default__spreadsheet_safe(expr) -%}
    case
        when substr({{ expr }}, 1, 1) in ('=', '+', '-', '@', chr(9), chr(13))
            then concat('''', {{ expr }})
        else {{ expr }}
    end
{%- endmacro %}
