{#
    The CTEs `ranked`, `earlier_judged` and `deduplicated` that judge repeats of a key that
    must be unique (an event id; a person in one delivery), over a `validated` CTE that carries
    `invalid_reason`, `content_hash` and `raw_row_id`. The first valid row of a key wins; a
    later identical row is an `exact_replay`, a later different one a `conflicting_duplicate`.
    In an incremental run the arriving rows are also judged against the rows an earlier run
    accepted, so the verdicts equal a full rebuild's.
#}
{% macro judge_repeats(key_columns) %}

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

{% if is_incremental() %}
    -- one index probe per arriving valid row, whatever the planner guesses of their number: as a
    -- join, a guess of one arriving row (the normalizations hide the count) looped over every
    -- arriving key for each arriving row, and a monthly delivery took minutes
    earlier_judged as (
        select
            ranked.*,
            case when ranked.invalid_reason is null then (
                select max(accepted.content_hash)
                from {{ this }} as accepted
                where
                    {% for key in key_columns %}
                        accepted.{{ key }} = ranked.{{ key }} and
                    {% endfor %}
                    accepted.reject_reason is null
            ) end as earlier_content_hash
        from ranked
    ),
{% else %}
    earlier_judged as (
        select
            *,
            cast(null as {{ dbt.type_string() }}) as earlier_content_hash
        from ranked
    ),
{% endif %}

deduplicated as (
    select
        *,
        case
            when invalid_reason is not null then invalid_reason
            when earlier_content_hash is not null
                then case
                    when content_hash = earlier_content_hash then 'exact_replay'
                    else 'conflicting_duplicate'
                end
            when key_rank = 1 then null
            when content_hash = first_content_hash then 'exact_replay'
            else 'conflicting_duplicate'
        end as reject_reason
    from earlier_judged
)

{% endmacro %}
