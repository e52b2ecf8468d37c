{#-
    Boolean expression: `host_expr` (lower-case, already stripped) is a plausible host name:
    two or more dot-separated labels of letters, digits and inner hyphens, the last one
    alphabetic (or an "xn--" IDN label); no label longer than domain_label_max_length and at
    most domain_max_length characters in all. The lengths are checked apart from the regex:
    bounded repetitions ({0,61}) make PostgreSQL's regex engine 20 times slower.
    `host_expr` is evaluated three times: pass a column or alias, not a long expression.
-#}
{% macro normalization_is_plausible_host(host_expr) -%}
    {{ return(adapter.dispatch('normalization_is_plausible_host')(host_expr)) }}
{%- endmacro %}

{% macro default__normalization_is_plausible_host(host_expr) -%}
    {{ normalization_unsupported_adapter('normalization_is_plausible_host') }}
{%- endmacro %}

{% macro postgres__normalization_is_plausible_host(host_expr) -%}
    (
        {{ host_expr }} ~ '^(?:[[:alnum:]](?:[[:alnum:]-]*[[:alnum:]])?\.)+(?:[[:alpha:]][[:alpha:]]+|xn--[a-z0-9-]+)$'
        and {{ dbt.length(host_expr) }} <= {{ normalization_setting('domain_max_length') }}
        and {{ host_expr }} !~ ('[^.]{' || ({{ normalization_setting('domain_label_max_length') }} + 1) || '}')
    )
{%- endmacro %}
