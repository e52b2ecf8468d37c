{#
    Every score equals the sum of its per-signal contributions (to 0.01, the score's rounding):
    the explanation behind a number adds up to the number. Fails once per key whose score and
    contribution total differ; a key with no contributions must score 0.
#}
{% test contributions_sum_to_score(model, score_column, key_columns, contributions) %}

with

scores as (
    select
        {{ key_columns | join(', ') }},
        {{ score_column }} as score
    from {{ model }}
),

contribution_totals as (
    select
        {{ key_columns | join(', ') }},
        sum(points) as contributed
    from {{ contributions }}
    group by {{ key_columns | join(', ') }}
),

mismatches as (
    select
        scores.*,
        coalesce(contribution_totals.contributed, 0) as contributed
    from scores
    left join contribution_totals
        on
        {% for key in key_columns %}
            scores.{{ key }} = contribution_totals.{{ key }}{{ " and" if not loop.last }}
        {% endfor %}
    where abs(scores.score - coalesce(contribution_totals.contributed, 0)) > 0.01
)

select * from mismatches

{% endtest %}
