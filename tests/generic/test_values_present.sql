{#
    Guards that a column holds every value a configuration needs (a settings seed carries each
    required key, a dictionary carries its mandatory entries): fails once per value of `values`
    missing from `column_name`. The counterpart of accepted_values (which checks the other
    direction: nothing outside the list).
#}
{% test values_present(model, column_name, values) %}

    select required_values.required_value
    from (
        {% for value in values %}
            select {{ dbt.string_literal(value) }} as required_value
            {% if not loop.last %}union all{% endif %}
        {% endfor %}
    ) as required_values
    left join (
        select distinct {{ dbt.cast(column_name, dbt.type_string()) }} as present_value
        from {{ model }}
    ) as present_values
        on required_values.required_value = present_values.present_value
    where present_values.present_value is null

{% endtest %}
