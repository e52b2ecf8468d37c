-- A stand-in for the entity-resolution job's output tables, for developing models downstream
-- of matching without running the job: every record is its own entity unless an exact edge
-- (same domain / email / LinkedIn URL) links it to an anchor. Not used by the pipeline.
create schema if not exists matching;
drop table if exists matching.entity_assignments, matching.match_pairs, matching.match_fallout,
    matching.match_runs, matching.entity_aliases, matching.threshold_sensitivity,
    matching.match_quality cascade;
create table matching.entity_assignments as
select
    records.workspace_id,
    'company' as entity_type,
    records.company_record_id as record_id,
    'co_' || left(md5(coalesce(edges.anchor_record_id, records.company_record_id)), 12) as entity_id,
    'standin' as first_assigned_run_id,
    'standin' as run_id
from core.int_company_records as records
left join core.int_company_exact_matches as edges using (workspace_id, company_record_id)
union all
select
    records.workspace_id,
    'person',
    records.person_record_id,
    'pe_' || left(md5(coalesce(edges.anchor_record_id, records.person_record_id)), 12),
    'standin',
    'standin'
from core.int_person_records as records
left join lateral (
    select min(anchor_record_id) as anchor_record_id
    from core.int_person_exact_matches as edges
    where edges.workspace_id = records.workspace_id
      and edges.person_record_id = records.person_record_id
) as edges on true;
create table matching.match_pairs (workspace_id text, entity_type text, left_record_id text,
    right_record_id text, match_method text, score numeric, ratio_score numeric,
    token_score numeric, threshold numeric, decision text, run_id text);
create table matching.match_fallout (workspace_id text, entity_type text, record_id text,
    reason text, candidate_record_ids text, best_score numeric, run_id text);
create table matching.match_runs (run_id text, workspace_id text, started_at timestamptz,
    finished_at timestamptz);
create table matching.entity_aliases (workspace_id text, entity_type text,
    retired_entity_id text, surviving_entity_id text, run_id text);
create table matching.threshold_sensitivity (workspace_id text, entity_type text,
    threshold numeric, accepted_matches bigint, fallout_rows bigint, run_id text);
create table matching.match_quality (workspace_id text, entity_type text, precision numeric,
    recall numeric, f1 numeric, true_pairs bigint, predicted_pairs bigint, run_id text,
    evaluated_at timestamptz);
