{#
    Whether the scoring rules (int_bit_scoring_rules) were applied after `since` (a timestamp
    SQL expression): then every contact must be rescored. Decided when the model compiles, so
    the plan of a normal incremental run holds no branch for it. Where that query cannot run
    (can_query_at_compile_time), the rules count as unchanged.
#}
{% macro bit_scoring_rules_changed_since(since) -%}
    {%- if can_query_at_compile_time() -%}
        {%- set result = run_query(
            'select coalesce(max(applied_at) > ' ~ since ~ ', true) from '
            ~ ref('int_bit_scoring_rules')
        ) -%}
        {{ return(result.columns[0].values()[0]) }}
    {%- else -%}
        {{ return(false) }}
    {%- endif -%}
{%- endmacro %}
