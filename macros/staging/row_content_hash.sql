{#
    A hash of a raw row's business columns (not its lineage columns): two rows with the same hash
    are exact replays of each other. Each value is written as <length>:<value> (or `n` for null),
    so no two different rows serialize to the same text.
#}
{% macro row_content_hash(columns) -%}
    {{ dbt.hash(row_content_key(columns)) }}
{%- endmacro %}

{#
    The text row_content_hash digests: one column that is equal for two rows exactly when all
    the columns are, for a join on several columns at once (the planner estimates a join on one
    column from its distinct values; on seven, it multiplies seven guesses into one row).
#}
{% macro row_content_key(columns) -%}
    {%- set parts = [] -%}
    {%- for column in columns -%}
        {%- do parts.append(
            "coalesce(" ~ dbt.cast(dbt.length(column), dbt.type_string()) ~ " || ':' || "
            ~ column ~ ", 'n')"
        ) -%}
    {%- endfor -%}
    {{ dbt.concat(parts) }}
{%- endmacro %}
