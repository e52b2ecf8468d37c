{#
    Fails on every row where `expression` is not true; a null result fails too (an invariant
    that cannot be evaluated does not hold). Narrow the rows with dbt's own `config: where:`.
    May sit under a model or under a column (the column name is then available but unused).
#}
{% test expression_is_true(model, expression, column_name=none) %}

    select *
    from {{ model }}
    where not coalesce(({{ expression }}), false)

{% endtest %}
