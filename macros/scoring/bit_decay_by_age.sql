{#
    The body of a relation of decay factors by age: one row per age in days from 0 to one past
    the decay horizon (older ages read that one's), with the factor of the age and of the age
    one day younger (the day before's). A signal finds both in one equality join on
    least(age, horizon + 1), not a range join against the rules. Reads the decay_rules seed.
#}
{% macro bit_decay_by_age() -%}
{%- set horizon = bit_decay_horizon_days() %}
    select
        ages.age_days,
        decay_today.decay_factor,
        decay_day_before.decay_factor as decay_factor_day_before
    from (
        select cast(generated_number as {{ dbt.type_int() }}) - 1 as age_days
        from ({{ dbt.generate_series(horizon + 2) }}) as series
    ) as ages
    inner join {{ ref('decay_rules') }} as decay_today
        on {{ decay_bucket_for_age('least(ages.age_days, ' ~ horizon ~ ')', 'decay_today') }}
    inner join {{ ref('decay_rules') }} as decay_day_before
        on {{ decay_bucket_for_age(
            'least(greatest(ages.age_days - 1, 0), ' ~ horizon ~ ')', 'decay_day_before'
        ) }}
{%- endmacro %}
