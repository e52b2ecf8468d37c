{#
    One row per source record from the valid rows of a base model (one row per raw row).

    A record loaded several times (a CRM export each day) keeps its latest version, except for
    locked fields: a locked field keeps the first non-null value it was ever loaded with, so a
    later load never overwrites it. Fields are locked for every record of an entity type by the
    `locked_fields` seed (the six protected fields), or per record by `record_field_locks`.

    Most records have a single version; only records with several versions go through the
    per-column windows, which keeps the cost close to one pass.

    Arguments:
      base_relation     the base model (columns: workspace_id, raw_row_id, load_batch_id,
                        loaded_at, reject_reason, record_id_column, columns...)
      entity_type       the entity type in the lock seeds (crm_company, crm_person, ...)
      record_id_column  the source's record id
      columns           the record's business columns, in output order
#}
{% macro collapse_record_versions(base_relation, entity_type, record_id_column, columns) %}

    valid_rows as (
        select
            *,
            count(*) over (
                partition by workspace_id, {{ record_id_column }}
            ) as version_count,
            row_number() over (
                partition by workspace_id, {{ record_id_column }}
                order by loaded_at desc, raw_row_id desc
            ) as version_rank_desc,
            min(loaded_at) over (
                partition by workspace_id, {{ record_id_column }}
            ) as first_loaded_at
        from {{ base_relation }}
        where reject_reason is null
    ),

    default_locks as (
        select
            {% for column in columns -%}
                {{ dbt.bool_or("field_name = '" ~ column ~ "'") }} as is_locked_{{ column }}{{ "," if not loop.last }}
            {% endfor %}
        from {{ ref('locked_fields') }}
        where entity_type = '{{ entity_type }}'
    ),

    record_locks as (
        select
            workspace_id,
            source_record_id,
            {% for column in columns -%}
                {{ dbt.bool_or("field_name = '" ~ column ~ "'") }} as is_locked_{{ column }}{{ "," if not loop.last }}
            {% endfor %}
        from {{ ref('record_field_locks') }}
        where entity_type = '{{ entity_type }}'
        group by workspace_id, source_record_id
    ),

    multi_version_first_values as (
        select
            workspace_id,
            {{ record_id_column }},
            version_rank_desc,
            {% for column in columns -%}
                first_value({{ column }}) over (
                    partition by workspace_id, {{ record_id_column }}
                    order by case when {{ column }} is null then 1 else 0 end, loaded_at, raw_row_id
                    rows between unbounded preceding and unbounded following
                ) as first_{{ column }}{{ "," if not loop.last }}
            {% endfor %}
        from valid_rows
        where version_count > 1
    ),

    record_versions_collapsed as (
        select
            latest.workspace_id,
            latest.{{ record_id_column }},
            {% for column in columns -%}
                case
                    when
                        latest.version_count > 1
                        and (
                            coalesce(default_locks.is_locked_{{ column }}, false)
                            or coalesce(record_locks.is_locked_{{ column }}, false)
                        )
                        then firsts.first_{{ column }}
                    else latest.{{ column }}
                end as {{ column }},
            {% endfor -%}
            latest.version_count,
            latest.raw_row_id as latest_raw_row_id,
            latest.load_batch_id as latest_load_batch_id,
            latest.first_loaded_at,
            latest.loaded_at as last_loaded_at
        from valid_rows as latest
        cross join default_locks
        left join record_locks
            on
                latest.workspace_id = record_locks.workspace_id
                and latest.{{ record_id_column }} = record_locks.source_record_id
        left join multi_version_first_values as firsts
            on
                latest.workspace_id = firsts.workspace_id
                and latest.{{ record_id_column }} = firsts.{{ record_id_column }}
                and firsts.version_rank_desc = 1
        where latest.version_rank_desc = 1
    )

{% endmacro %}
