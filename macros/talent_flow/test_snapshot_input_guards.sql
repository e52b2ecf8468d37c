{#
    Guards on a snapshot's input model, run by `dbt build` before the snapshot: when one fails,
    the snapshot is skipped and its history stays as it was.

    snapshot_input_not_truncated: a workspace whose input holds fewer than `min_share` (default:
    var talent_flow_min_input_share) of the rows currently valid (not deleted) in the snapshot
    fails once: an empty or cut-off delivery
    would otherwise read as every missing person leaving. Window: the current versions only.

    snapshot_replays_in_order: when the snapshot's time (snapshot_get_time(): the delivery date
    being replayed, or now) lies before the newest version already written, the input must
    hold nothing the snapshot would write (keyed by `key_columns`, compared on `check_column`),
    else the history would get versions out of order. Re-running a delivery already taken, or
    an unset var once the latest delivery is in, writes nothing and passes.
#}
{% test snapshot_input_not_truncated(model, snapshot_name, min_share=none, group_column='workspace_id') %}
    {%- set snapshot_relation = talent_flow_snapshot_relation(snapshot_name) -%}
    {%- set min_share = revops_var('talent_flow_min_input_share') if min_share is none else min_share -%}
    {%- if snapshot_relation is none %}

    select 1 as no_snapshot_yet where 1 = 0

    {%- else %}

    with

    current_versions as (
        select
            {{ group_column }},
            count(*) as current_rows
        from {{ snapshot_relation }}
        where dbt_valid_to is null and coalesce(dbt_is_deleted, 'False') <> 'True'
        group by {{ group_column }}
    ),

    input_rows as (
        select
            {{ group_column }},
            count(*) as input_rows
        from {{ model }}
        group by {{ group_column }}
    ),

    truncated as (
        select
            current_versions.{{ group_column }},
            current_versions.current_rows,
            coalesce(input_rows.input_rows, 0) as input_rows
        from current_versions
        left join input_rows
            on current_versions.{{ group_column }} = input_rows.{{ group_column }}
        where coalesce(input_rows.input_rows, 0) < {{ min_share }} * current_versions.current_rows
    )

    select * from truncated

    {%- endif %}
{% endtest %}

{% test snapshot_replays_in_order(model, snapshot_name, key_columns, check_column) %}
    {%- set snapshot_relation = talent_flow_snapshot_relation(snapshot_name) -%}
    {%- if snapshot_relation is none %}

    select 1 as no_snapshot_yet where 1 = 0

    {%- else %}

    with

    newest_version as (
        select max(dbt_valid_from) as newest_valid_from
        from {{ snapshot_relation }}
    ),

    current_versions as (
        select
            {{ key_columns | join(', ') }},
            {{ check_column }},
            dbt_is_deleted
        from {{ snapshot_relation }}
        where dbt_valid_to is null
    ),

    input_rows as (
        select
            {{ key_columns | join(', ') }},
            {{ check_column }}
        from {{ model }}
    ),

    -- what the snapshot would write: new or returning keys, changed hashes, new deletions
    pending_changes as (
        select count(*) as pending_changes
        from current_versions
        full outer join input_rows
            on
            {% for key in key_columns %}
                current_versions.{{ key }} = input_rows.{{ key }}{{ " and" if not loop.last }}
            {% endfor %}
        where
            (input_rows.{{ key_columns[0] }} is null and current_versions.dbt_is_deleted <> 'True')
            or (current_versions.{{ key_columns[0] }} is null)
            or (input_rows.{{ key_columns[0] }} is not null and current_versions.dbt_is_deleted = 'True')
            or input_rows.{{ check_column }} <> current_versions.{{ check_column }}
    )

    select
        newest_version.newest_valid_from,
        {{ snapshot_get_time() }} as snapshot_time,
        pending_changes.pending_changes
    from newest_version
    cross join pending_changes
    where
        newest_version.newest_valid_from > {{ snapshot_get_time() }}
        and pending_changes.pending_changes > 0

    {%- endif %}
{% endtest %}
