{#
    A hash of a raw row's business columns (not its lineage columns): two rows with the same hash
    are exact replays of each other. Each value is written as <length>:<value> (or `n` for null),
    so no two different rows serialize to the same text.
#}
{% macro row_content_hash(columns) -%}
    {%- set parts = [] -%}
    {%- for column in columns -%}
        {%- do parts.append(
            "coalesce(" ~ dbt.cast(dbt.length(column), dbt.type_string()) ~ " || ':' || "
            ~ column ~ ", 'n')"
        ) -%}
    {%- endfor -%}
    {{ dbt.hash(dbt.concat(parts)) }}
{%- endmacro %}
