{#
    True when a raw text held something (`raw_expr` not null) that did not parse (`parsed_expr`
    is null): the test behind every `unparseable_timestamp`, `invalid_count` and
    `invalid_amount` reject reason.
#}
{% macro is_unparsed(raw_expr, parsed_expr) -%}
    ({{ raw_expr }} is not null and {{ parsed_expr }} is null)
{%- endmacro %}
