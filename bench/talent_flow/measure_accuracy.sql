-- Precision and recall of core.fct_movements against the generator's answer key
-- (ground_truth.movements), per movement type. A detected movement matches a true one when the
-- golden person's vendor record belongs to the true person (ground_truth.person_identities,
-- source 'vendor'), and the type and the first snapshot that shows it agree.
-- Run: revops db psql -f bench/talent_flow/measure_accuracy.sql
with

detected as (
    select distinct
        movements.workspace_id,
        movements.movement_id,
        movements.movement_type,
        movements.snapshot_date,
        identities.true_person_id
    from core.fct_movements as movements
    left join core.int_person_records_resolved as records
        on
            movements.workspace_id = records.workspace_id
            and movements.person_id = records.person_id
            and records.source = 'vendor'
    left join ground_truth.person_identities as identities
        on
            records.workspace_id = identities.workspace_id
            and identities.source = 'vendor'
            and records.source_record_id = identities.source_record_id
),

truth as (
    select distinct
        workspace_id,
        true_person_id,
        movement_type,
        cast(snapshot_date as date) as snapshot_date
    from ground_truth.movements
),

detected_matched as (
    select
        detected.movement_type,
        detected.movement_id,
        bool_or(truth.true_person_id is not null) as is_true
    from detected
    left join truth
        on
            detected.workspace_id = truth.workspace_id
            and detected.true_person_id = truth.true_person_id
            and detected.movement_type = truth.movement_type
            and detected.snapshot_date = truth.snapshot_date
    group by detected.movement_type, detected.movement_id
),

truth_matched as (
    select
        truth.movement_type,
        truth.true_person_id,
        truth.snapshot_date,
        bool_or(detected.movement_id is not null) as is_found
    from truth
    left join detected
        on
            truth.workspace_id = detected.workspace_id
            and truth.true_person_id = detected.true_person_id
            and truth.movement_type = detected.movement_type
            and truth.snapshot_date = detected.snapshot_date
    group by truth.movement_type, truth.true_person_id, truth.snapshot_date
),

precision_by_type as (
    select
        movement_type,
        count(*) as detected,
        sum(case when is_true then 1 else 0 end) as true_positives
    from detected_matched
    group by movement_type
),

recall_by_type as (
    select
        movement_type,
        count(*) as actual,
        sum(case when is_found then 1 else 0 end) as found
    from truth_matched
    group by movement_type
)

select
    coalesce(precision_by_type.movement_type, recall_by_type.movement_type) as movement_type,
    precision_by_type.detected,
    precision_by_type.true_positives,
    round(1.0 * precision_by_type.true_positives / nullif(precision_by_type.detected, 0), 4) as precision,
    recall_by_type.actual,
    recall_by_type.found,
    round(1.0 * recall_by_type.found / nullif(recall_by_type.actual, 0), 4) as recall
from precision_by_type
full outer join recall_by_type
    on precision_by_type.movement_type = recall_by_type.movement_type
order by movement_type;
