"""The job's tables in schema `matching`: DDL, the previous run's state, and delta writes.

Every table carries workspace_id. A run writes only what changed: a row whose content is the
same as before keeps its run_id (the run that decided it), so a rerun on unchanged input writes
nothing but its match_runs row, and an unrelated change touches only its own rows. All writes
of a run commit together.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

import psycopg
from psycopg import sql

from python_jobs.errors import UserError
from python_jobs.match.clustering import PriorAssignment

SCHEMA = "matching"

DDL = (
    f"create schema if not exists {SCHEMA}",
    f"""create table if not exists {SCHEMA}.match_runs (
        run_id text primary key,
        workspace_id text not null,
        started_at timestamptz not null,
        finished_at timestamptz not null,
        mode text not null check (mode in ('full', 'incremental', 'unchanged')),
        matcher_signature text not null,
        company_threshold numeric(4, 3) not null,
        company_near_threshold numeric(4, 3) not null,
        person_threshold numeric(4, 3) not null,
        person_near_threshold numeric(4, 3) not null,
        company_records integer not null,
        person_records integer not null,
        company_entities integer not null,
        person_entities integer not null,
        changed_company_records integer not null,
        changed_person_records integer not null,
        company_comparisons bigint not null,
        person_comparisons bigint not null,
        company_fuzzy_accepted integer not null,
        person_fuzzy_accepted integer not null,
        company_fallout integer not null,
        person_fallout integer not null,
        rows_written integer not null
    )""",
    f"""create index if not exists match_runs_workspace_started
        on {SCHEMA}.match_runs (workspace_id, started_at)""",
    f"""create table if not exists {SCHEMA}.match_pairs (
        workspace_id text not null,
        entity_type text not null check (entity_type in ('company', 'person')),
        left_record_id text not null,
        right_record_id text not null,
        match_method text not null
            check (match_method in ('exact_domain', 'exact_email', 'exact_linkedin', 'fuzzy_name')),
        matched_value text,
        score numeric(5, 4) not null check (score between 0 and 1),
        ratio_score numeric(5, 4),
        token_score numeric(5, 4),
        threshold numeric(4, 3),
        decision text not null
            check (decision in ('accepted', 'ambiguous', 'contradicts_exact', 'below_threshold')),
        run_id text not null,
        primary key (workspace_id, entity_type, left_record_id, right_record_id, match_method),
        check (match_method <> 'fuzzy_name' or (ratio_score is not null
            and token_score is not null and threshold is not null))
    )""",
    f"""create table if not exists {SCHEMA}.entity_assignments (
        workspace_id text not null,
        entity_type text not null check (entity_type in ('company', 'person')),
        record_id text not null,
        entity_id text not null,
        record_hash text not null,
        first_assigned_run_id text not null,
        run_id text not null,
        primary key (workspace_id, entity_type, record_id)
    )""",
    f"""create index if not exists entity_assignments_entity
        on {SCHEMA}.entity_assignments (workspace_id, entity_type, entity_id)""",
    f"""create table if not exists {SCHEMA}.entity_aliases (
        workspace_id text not null,
        entity_type text not null check (entity_type in ('company', 'person')),
        retired_entity_id text not null,
        surviving_entity_id text not null,
        run_id text not null,
        primary key (workspace_id, entity_type, retired_entity_id)
    )""",
    f"""create table if not exists {SCHEMA}.match_fallout (
        workspace_id text not null,
        entity_type text not null check (entity_type in ('company', 'person')),
        record_id text not null,
        reason text not null check (reason in ('no_candidate', 'ambiguous', 'contradicts_exact')),
        candidate_record_ids text,
        best_score numeric(5, 4),
        run_id text not null,
        primary key (workspace_id, entity_type, record_id)
    )""",
    f"""create table if not exists {SCHEMA}.threshold_sensitivity (
        workspace_id text not null,
        entity_type text not null check (entity_type in ('company', 'person')),
        threshold numeric(4, 3) not null,
        accepted_matches integer not null,
        fallout_rows integer not null,
        run_id text not null,
        primary key (workspace_id, entity_type, threshold)
    )""",
    f"""create table if not exists {SCHEMA}.match_quality (
        workspace_id text not null,
        entity_type text not null check (entity_type in ('company', 'person')),
        precision double precision,
        recall double precision,
        f1 double precision,
        true_pairs bigint not null,
        predicted_pairs bigint not null,
        true_positive_pairs bigint not null,
        blocking_recall double precision,
        blocking_true_pairs bigint,
        run_id text not null,
        evaluated_at timestamptz not null,
        primary key (workspace_id, entity_type, run_id)
    )""",
)


@dataclass(frozen=True)
class Table:
    """A synced table: rows are (key..., value...) per workspace, then run_id."""

    name: str
    keys: tuple[str, ...]
    values: tuple[str, ...]


MATCH_PAIRS = Table(
    "match_pairs",
    ("entity_type", "left_record_id", "right_record_id", "match_method"),
    ("matched_value", "score", "ratio_score", "token_score", "threshold", "decision"),
)
ENTITY_ASSIGNMENTS = Table(
    "entity_assignments",
    ("entity_type", "record_id"),
    ("entity_id", "record_hash", "first_assigned_run_id"),
)
MATCH_FALLOUT = Table(
    "match_fallout",
    ("entity_type", "record_id"),
    ("reason", "candidate_record_ids", "best_score"),
)
THRESHOLD_SENSITIVITY = Table(
    "threshold_sensitivity",
    ("entity_type", "threshold"),
    ("accepted_matches", "fallout_rows"),
)

Rows = dict[tuple, tuple]


# The columns the job writes, per table: a table made by something else (the downstream
# developers' stand-in, an older layout) is reported instead of half-written.
WRITTEN_COLUMNS = {
    "match_runs": {"run_id", "workspace_id", "started_at", "finished_at", "mode", "rows_written"},
    "match_pairs": {"workspace_id", "run_id", *MATCH_PAIRS.keys, *MATCH_PAIRS.values},
    "entity_assignments": {
        "workspace_id", "run_id", *ENTITY_ASSIGNMENTS.keys, *ENTITY_ASSIGNMENTS.values
    },
    "entity_aliases": {
        "workspace_id", "entity_type", "retired_entity_id", "surviving_entity_id", "run_id"
    },
    "match_fallout": {"workspace_id", "run_id", *MATCH_FALLOUT.keys, *MATCH_FALLOUT.values},
    "threshold_sensitivity": {
        "workspace_id", "run_id", *THRESHOLD_SENSITIVITY.keys, *THRESHOLD_SENSITIVITY.values
    },
    "match_quality": {"workspace_id", "entity_type", "true_positive_pairs", "blocking_recall"},
}  # fmt: skip


def ensure_tables(conn: psycopg.Connection) -> None:
    with conn.transaction():
        for statement in DDL:
            conn.execute(statement)
        rows = conn.execute(
            "select table_name, column_name from information_schema.columns"
            " where table_schema = %s",
            (SCHEMA,),
        ).fetchall()
    found: dict[str, set[str]] = {}
    for table, column in rows:
        found.setdefault(table, set()).add(column)
    for table, columns in WRITTEN_COLUMNS.items():
        missing = columns - found.get(table, set())
        if missing:
            raise UserError(
                f"{SCHEMA}.{table} lacks columns {', '.join(sorted(missing))} (made by something"
                f" else, e.g. a stand-in?): drop it, or `drop schema {SCHEMA} cascade`, and rerun"
            )


def lock_workspace(conn: psycopg.Connection, workspace_id: str) -> None:
    """One matching run per workspace at a time: a second waits, then finds nothing to do."""
    conn.execute("select pg_advisory_lock(hashtext('revops.match'), hashtext(%s))", (workspace_id,))


def unlock_workspace(conn: psycopg.Connection, workspace_id: str) -> None:
    conn.execute(
        "select pg_advisory_unlock(hashtext('revops.match'), hashtext(%s))", (workspace_id,)
    )


# --- the previous run ----------------------------------------------------------------------------


@dataclass(frozen=True)
class LastRun:
    run_id: str
    signature: str  # matcher version and settings its stored scores depend on
    counts: dict[str, int]  # its fuzzy_accepted and fallout counts, per entity type


@dataclass
class PreviousState:
    last_run: LastRun | None
    # entity type -> record id -> (assignment, record hash)
    assignments: dict[str, dict[str, tuple[PriorAssignment, str]]] = field(default_factory=dict)
    # entity type -> every id ever handed out (current and retired): never handed out again
    used_ids: dict[str, set[str]] = field(default_factory=dict)


def read_previous(conn: psycopg.Connection, workspace_id: str) -> PreviousState:
    row = conn.execute(
        f"""select run_id, matcher_signature, company_fuzzy_accepted, company_fallout,
                   person_fuzzy_accepted, person_fallout
            from {SCHEMA}.match_runs
            where workspace_id = %s
            order by started_at desc, run_id desc
            limit 1""",
        (workspace_id,),
    ).fetchone()
    counts_names = ("company_fuzzy_accepted", "company_fallout")
    counts_names += ("person_fuzzy_accepted", "person_fallout")
    state = PreviousState(
        LastRun(row[0], row[1], dict(zip(counts_names, row[2:], strict=True))) if row else None
    )
    for entity_type in ("company", "person"):
        state.assignments[entity_type] = {}
        state.used_ids[entity_type] = set()
    rows = conn.execute(
        f"""select entity_type, record_id, entity_id, first_assigned_run_id, record_hash
            from {SCHEMA}.entity_assignments where workspace_id = %s""",
        (workspace_id,),
    )
    for entity_type, record_id, entity_id, first_run, record_hash in rows:
        state.assignments[entity_type][record_id] = (
            PriorAssignment(entity_id, first_run),
            record_hash,
        )
        state.used_ids[entity_type].add(entity_id)
    rows = conn.execute(
        f"""select entity_type, retired_entity_id, surviving_entity_id
            from {SCHEMA}.entity_aliases where workspace_id = %s""",
        (workspace_id,),
    )
    for entity_type, retired, surviving in rows:
        state.used_ids[entity_type].update((retired, surviving))
    return state


def read_fuzzy_pairs(
    conn: psycopg.Connection, workspace_id: str, entity_type: str
) -> dict[tuple[str, str], tuple[float, float, float]]:
    """The scored fuzzy pairs of the last run: (left id, right id) -> (ratio, token, score)."""
    rows = conn.execute(
        f"""select left_record_id, right_record_id, ratio_score, token_score, score
            from {SCHEMA}.match_pairs
            where workspace_id = %s and entity_type = %s and match_method = 'fuzzy_name'""",
        (workspace_id, entity_type),
    )
    return {
        (left, right): (float(ratio), float(token), float(score))
        for left, right, ratio, token, score in rows
    }


def read_fuzzy_pairs_with_decisions(
    conn: psycopg.Connection, workspace_id: str, entity_type: str
) -> dict[tuple[str, str], tuple[float, str | None]]:
    """(left id, right id) -> (score, decision) of the stored fuzzy pairs."""
    rows = conn.execute(
        f"""select left_record_id, right_record_id, score, decision
            from {SCHEMA}.match_pairs
            where workspace_id = %s and entity_type = %s and match_method = 'fuzzy_name'""",
        (workspace_id, entity_type),
    )
    return {(left, right): (float(score), decision) for left, right, score, decision in rows}


# --- writes --------------------------------------------------------------------------------------


def _comparable(value: object) -> object:
    """Values as both sides of a comparison see them: numbers to 4 decimals."""
    if isinstance(value, Decimal | float):
        return round(float(value), 4)
    return value


def sync_table(
    conn: psycopg.Connection,
    table: Table,
    workspace_id: str,
    entity_type: str,
    rows: Rows,
    run_id: str,
) -> int:
    """Make the table's rows of (workspace, entity type) equal `rows`; unchanged rows keep
    their run_id. Returns the rows written (deleted + inserted)."""
    columns = (*table.keys, *table.values)
    relation = sql.Identifier(SCHEMA, table.name)
    old: Rows = {}
    cursor = conn.execute(
        sql.SQL("select {} from {} where workspace_id = %s and entity_type = %s").format(
            sql.SQL(", ").join(map(sql.Identifier, columns)), relation
        ),
        (workspace_id, entity_type),
    )
    width = len(table.keys)
    for row in cursor:
        old[tuple(_comparable(v) for v in row[:width])] = tuple(_comparable(v) for v in row[width:])
    new = {
        tuple(_comparable(v) for v in key): tuple(_comparable(v) for v in values)
        for key, values in rows.items()
    }
    stale = [key for key, values in old.items() if new.get(key) != values]
    fresh = [(key, values) for key, values in new.items() if old.get(key) != values]
    if stale:
        _delete_keys(conn, table, relation, workspace_id, stale)
    if fresh:
        copy = sql.SQL("copy {} ({}) from stdin").format(
            relation,
            sql.SQL(", ").join(map(sql.Identifier, ("workspace_id", *columns, "run_id"))),
        )
        with conn.cursor().copy(copy) as writer:
            for key, values in fresh:
                writer.write_row((workspace_id, *key, *values, run_id))
    return len(stale) + len(fresh)


def _delete_keys(
    conn: psycopg.Connection,
    table: Table,
    relation: sql.Composable,
    workspace_id: str,
    keys: Sequence[tuple],
) -> None:
    key_columns = sql.SQL(", ").join(map(sql.Identifier, table.keys))
    conn.execute("drop table if exists pg_temp.match_stale_keys")
    conn.execute(
        sql.SQL(
            "create temp table match_stale_keys on commit drop as select {} from {} with no data"
        ).format(key_columns, relation)
    )
    with conn.cursor().copy(
        sql.SQL("copy pg_temp.match_stale_keys ({}) from stdin").format(key_columns)
    ) as writer:
        for key in keys:
            writer.write_row(key)
    matches = sql.SQL(" and ").join(
        sql.SQL("target.{column} = stale.{column}").format(column=sql.Identifier(column))
        for column in table.keys
    )
    conn.execute(
        sql.SQL(
            "delete from {} as target using pg_temp.match_stale_keys as stale"
            " where target.workspace_id = %s and {}"
        ).format(relation, matches),
        (workspace_id,),
    )


def insert_aliases(
    conn: psycopg.Connection,
    workspace_id: str,
    entity_type: str,
    aliases: Iterable[tuple[str, str]],
    run_id: str,
) -> int:
    """Retired ids are history: appended, never rewritten."""
    written = 0
    for retired, surviving in aliases:
        cursor = conn.execute(
            f"""insert into {SCHEMA}.entity_aliases
                    (workspace_id, entity_type, retired_entity_id, surviving_entity_id, run_id)
                values (%s, %s, %s, %s, %s)
                on conflict do nothing""",
            (workspace_id, entity_type, retired, surviving, run_id),
        )
        written += cursor.rowcount
    return written


def insert_run(conn: psycopg.Connection, values: dict[str, object]) -> None:
    columns = list(values)
    conn.execute(
        sql.SQL("insert into {} ({}) values ({})").format(
            sql.Identifier(SCHEMA, "match_runs"),
            sql.SQL(", ").join(map(sql.Identifier, columns)),
            sql.SQL(", ").join(sql.Placeholder() * len(columns)),
        ),
        [values[column] for column in columns],
    )


def write_quality(conn: psycopg.Connection, rows: Sequence[dict[str, object]]) -> None:
    """One row per entity type per evaluated run; evaluating a run again replaces its rows."""
    with conn.transaction():
        for values in rows:
            conn.execute(
                f"""delete from {SCHEMA}.match_quality
                    where workspace_id = %s and entity_type = %s and run_id = %s""",
                (values["workspace_id"], values["entity_type"], values["run_id"]),
            )
            columns = list(values)
            conn.execute(
                sql.SQL("insert into {} ({}) values ({})").format(
                    sql.Identifier(SCHEMA, "match_quality"),
                    sql.SQL(", ").join(map(sql.Identifier, columns)),
                    sql.SQL(", ").join(sql.Placeholder() * len(columns)),
                ),
                [values[column] for column in columns],
            )
