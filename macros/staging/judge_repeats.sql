{#
    The CTEs `earlier_accepted`, `ranked` and `deduplicated` that judge repeats of a key that
    must be unique (an event id; a person in one delivery), over a `validated` CTE that carries
    `invalid_reason`, `content_hash` and `raw_row_id`. The first valid row of a key wins; a
    later identical row is an `exact_replay`, a later different one a `conflicting_duplicate`.
    In an incremental run the arriving rows are also judged against the rows an earlier run
    accepted, so the verdicts equal a full rebuild's.
#}
{% macro judge_repeats(key_columns) %}

{% if is_incremental() %}
    arriving_keys as (
        select distinct
            {{ key_columns | join(', ') }}
        from validated
    ),

    earlier_accepted as (
        select
            {% for key in key_columns -%}
                accepted.{{ key }},
            {% endfor -%}
            accepted.content_hash
        from {{ this }} as accepted
        inner join arriving_keys
            on
            {% for key in key_columns %}
                accepted.{{ key }} = arriving_keys.{{ key }}{{ " and" if not loop.last }}
            {% endfor %}
        where accepted.reject_reason is null
    ),
{% else %}
    earlier_accepted as (
        select
            {{ key_columns | join(', ') }},
            content_hash
        from validated
        where 1 = 0
    ),
{% endif %}

ranked as (
    select
        *,
        row_number() over (
            partition by {{ key_columns | join(', ') }}, invalid_reason is null
            order by raw_row_id
        ) as key_rank,
        first_value(content_hash) over (
            partition by {{ key_columns | join(', ') }}, invalid_reason is null
            order by raw_row_id
        ) as first_content_hash
    from validated
),

deduplicated as (
    select
        ranked.*,
        case
            when ranked.invalid_reason is not null then ranked.invalid_reason
            when earlier_accepted.{{ key_columns[-1] }} is not null
                then case
                    when ranked.content_hash = earlier_accepted.content_hash then 'exact_replay'
                    else 'conflicting_duplicate'
                end
            when ranked.key_rank = 1 then null
            when ranked.content_hash = ranked.first_content_hash then 'exact_replay'
            else 'conflicting_duplicate'
        end as reject_reason
    from ranked
    left join earlier_accepted
        on
        {% for key in key_columns %}
            ranked.{{ key }} = earlier_accepted.{{ key }}{{ " and" if not loop.last }}
        {% endfor %}
)

{% endmacro %}
