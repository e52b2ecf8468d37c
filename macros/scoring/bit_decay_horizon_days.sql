{#
    The first age (days) from which every older signal decays alike: one past the last bounded
    decay bucket in the decay_rules seed. Scoring looks decay factors up by age for ages up to
    it (an equality join, not a range join per signal) and treats older ages as this one.
    Read from the seed's table (seeds live in the `config` schema, dbt_project.yml), not
    ref(): inside a unit test ref() names the test's fixture, which this compile-time query
    cannot see. Before the seed is loaded (a compile or a lint of an empty database) it is 1:
    no model that reads it can run then anyway.
#}
{% macro bit_decay_horizon_days() -%}
    {%- if not execute -%}
        {{ return(1) }}
    {%- endif -%}
    {%- set relation = adapter.get_relation(
        database=target.database,
        schema=generate_schema_name('config', none),
        identifier='decay_rules',
    ) -%}
    {%- if relation is none -%}
        {#- seeds not loaded yet (a compile or a lint on an empty database): nothing can run -#}
        {{ return(1) }}
    {%- endif -%}
    {%- set result = run_query(
        'select max(coalesce(max_age_days, min_age_days)) + 1 from ' ~ relation
    ) -%}
    {{ return(result.columns[0].values()[0] | int) }}
{%- endmacro %}
