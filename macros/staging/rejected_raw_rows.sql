{#
    The rejected rows of a feed: every raw row its base model judged unusable, exactly as it was
    loaded (all raw columns, batch id, load time), with the reject reason in front.
#}
{% macro rejected_raw_rows(source_relation, base_relation) %}

with

source as (
    select * from {{ source_relation }}
),

judged as (
    select
        raw_row_id,
        reject_reason
    from {{ base_relation }}
    where reject_reason is not null
),

rejected as (
    select
        judged.reject_reason,
        source.*
    from source
    inner join judged
        on source.raw_row_id = judged.raw_row_id
)

select * from rejected

{% endmacro %}
