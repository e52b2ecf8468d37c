{#
    True when any of `columns` (cleaned texts) is longer than revops_var('max_key_length'): an
    identifier or key that long is no real id, and indexed whole it would break the b-tree's
    row size limit (about 2.7 kB) and stop the build. Such a row is rejected as
    `value_too_long`; models that index a key keep only its first max_key_length characters on
    the rejected row (`key_within_limit`).
#}
{% macro key_too_long(columns) -%}
    (
        {%- for column in columns %}
            coalesce({{ dbt.length(column) }}, 0) > {{ revops_var('max_key_length') }}
            {{- " or" if not loop.last }}
        {%- endfor %}
    )
{%- endmacro %}

{% macro key_within_limit(column) -%}
    substr({{ column }}, 1, {{ revops_var('max_key_length') }})
{%- endmacro %}
