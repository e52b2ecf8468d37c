{#
    The join condition that puts an age in days in its decay bucket: decay_rules rows (aliased
    `rules_alias`) cover min_age_days to max_age_days, both inclusive (null = no upper end).
#}
{% macro decay_bucket_for_age(age_expr, rules_alias) -%}
    {{ age_expr }} >= {{ rules_alias }}.min_age_days
    and ({{ rules_alias }}.max_age_days is null or {{ age_expr }} <= {{ rules_alias }}.max_age_days)
{%- endmacro %}
