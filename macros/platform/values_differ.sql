{#
    True when two expressions hold different values, a null and a value counting as different
    and two nulls as equal (SQL's `is distinct from`, which not every adapter has).
#}
{% macro values_differ(left, right) -%}
    (
        ({{ left }} is null and {{ right }} is not null)
        or ({{ left }} is not null and {{ right }} is null)
        or {{ left }} <> {{ right }}
    )
{%- endmacro %}
