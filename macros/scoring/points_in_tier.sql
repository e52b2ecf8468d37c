{#
    The join condition that puts `points_expr` in its tier: tier_thresholds rows (aliased
    `tiers_alias`) run from min_points (inclusive) to max_points (exclusive; null = no top).
#}
{% macro points_in_tier(points_expr, tiers_alias) -%}
    {{ points_expr }} >= {{ tiers_alias }}.min_points
    and ({{ tiers_alias }}.max_points is null or {{ points_expr }} < {{ tiers_alias }}.max_points)
{%- endmacro %}
