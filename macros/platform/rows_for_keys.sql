{#
    The rows of `relation` whose `key_columns` equal those of a row of `keys` (a relation or CTE
    holding each key once): one index read per key, as a derived table. A lateral subquery
    behind an optimization fence: as a plain semi-join, the planner hashes the keys against a
    scan of the whole relation whenever it misjudges how few they are (it guessed 677,000
    contacts for 4,401).
#}
{% macro rows_for_keys(relation, keys, key_columns) -%}
    (
        select rows_of_key.*
        from {{ keys }} as only_keys
        cross join lateral (
            select *
            from {{ relation }} as candidate_rows
            where
            {%- for column in key_columns %}
                {{ 'and ' if not loop.first }}candidate_rows.{{ column }} = only_keys.{{ column }}
            {%- endfor %}
            {{ optimization_fence() }}
        ) as rows_of_key
    )
{%- endmacro %}
