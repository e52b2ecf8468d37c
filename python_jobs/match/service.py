"""`revops match`: companies, then people within their matched companies, into golden ids.

A run, per entity type:
1. read the records and their exact edges (core models) and the last run's state;
2. mark records dirty: new, or their matching fields' hash changed (people also when their
   company's golden id changed); nothing dirty and no record gone -> the run stops here;
3. compare only dirty names, within their blocks, against every name (the index); keep the
   last run's scored pairs between clean records;
4. resolve all edges into entities (union-find; cheap, so always whole), assign stable ids;
5. write the differences, and the threshold sensitivity, in one transaction.
"""

from __future__ import annotations

import hashlib
import itertools
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

import numpy as np
import psycopg

from python_jobs.errors import UserError
from python_jobs.match import records as rec
from python_jobs.match import store
from python_jobs.match.blocking import (
    Strings,
    build_blocks,
    company_key,
    distinct_strings,
    person_key,
)
from python_jobs.match.clustering import (
    ACCEPTED,
    IdAssignment,
    PriorAssignment,
    Resolution,
    Resolver,
    assign_entity_ids,
)
from python_jobs.match.records import COMPANY, PERSON, ExactEdges, RecordSet, Thresholds
from python_jobs.match.scoring import score_blocks
from python_jobs.settings import Settings
from python_jobs.warehouse.connection import ConnectInfo, connect

# Bump when a change to keys, blocking or scoring makes stored scores stale: the next run
# then rescores everything (as --full does).
MATCHER_VERSION = "1"
SENSITIVITY_THRESHOLDS = tuple(round(0.85 + 0.01 * step, 2) for step in range(11))
ID_PREFIX = {COMPANY: "co_", PERSON: "pe_"}
MAX_IDENTICAL_GROUP = 200  # records with one identical name: all pairs up to this, then a star

PairScores = dict[tuple[int, int], tuple[float, float, float]]  # (ratio, token, score)


@dataclass
class EntityOutcome:
    """One entity type's run: what was read, compared and decided."""

    entity_type: str
    records: RecordSet
    match_keys: list[str | None]
    scopes: list[str | None]  # people: their company's golden id; companies: one scope ''
    thresholds: Thresholds
    dirty: list[int]
    removed: int
    exact: ExactEdges | None = None
    comparisons: int = 0
    pairs: list[tuple[int, int]] = field(default_factory=list)
    scores: list[tuple[float, float, float]] = field(default_factory=list)
    resolution: Resolution | None = None
    ids: IdAssignment | None = None
    entity_ids: list[str] = field(default_factory=list)
    sensitivity: list[tuple[float, int, int]] = field(default_factory=list)
    _strings: Strings | None = None

    @property
    def changed(self) -> int:
        return len(self.dirty)

    @property
    def entities(self) -> int:
        return len(set(self.entity_ids))

    @property
    def fuzzy_accepted(self) -> int:
        return self.resolution.accepted if self.resolution else 0

    @property
    def fallout(self) -> int:
        return len(self.resolution.fallout) if self.resolution else 0

    def strings(self) -> Strings:
        """The distinct names by scope (built by the comparison step, or now if it was skipped)."""
        if self._strings is None:
            self._strings = distinct_strings(self.match_keys, self.scopes, self.dirty)
        return self._strings


@dataclass
class MatchResult:
    run_id: str
    mode: str  # full | incremental | unchanged
    outcomes: dict[str, EntityOutcome]
    rows_written: int
    seconds: float

    def summary_line(self) -> str:
        parts = []
        for entity_type, label in ((COMPANY, "companies"), (PERSON, "people")):
            outcome = self.outcomes[entity_type]
            parts.append(
                f"{label}: {len(outcome.records):,} records -> {outcome.entities:,} entities"
                f" ({outcome.changed:,} changed, {outcome.comparisons:,} comparisons)"
            )
        return f"{'; '.join(parts)}; {self.mode} run, {self.seconds:.1f}s"


def new_run_id(started: datetime) -> str:
    """Sortable by time (entity age compares run ids), unique by a random tail."""
    return f"mr_{started:%Y%m%dT%H%M%S%f}_{uuid.uuid4().hex[:6]}"


def config_signature(thresholds: dict[str, Thresholds], *settings: frozenset[str]) -> str:
    """What stored scores and decisions depend on besides the records: a change rescores all."""
    text = "|".join(
        [f"{t}:{v.threshold}:{v.near_threshold}" for t, v in sorted(thresholds.items())]
        + [",".join(sorted(values)) for values in settings]
    )
    return f"v{MATCHER_VERSION}:{hashlib.sha1(text.encode()).hexdigest()[:12]}"


# --- the run -------------------------------------------------------------------------------------


def run_matching(
    settings: Settings,
    info: ConnectInfo,
    full: bool = False,
    note: Callable[[str], None] | None = None,
) -> MatchResult:
    """Match the workspace's companies and people; write the results. Idempotent."""
    with connect(info, autocommit=True) as conn:
        rec.check_inputs(conn)
        store.ensure_tables(conn)
        store.lock_workspace(conn, settings.workspace_id)
        try:
            return match_workspace(conn, settings.workspace_id, full, note or (lambda _: None))
        finally:
            store.unlock_workspace(conn, settings.workspace_id)


def match_workspace(
    conn: psycopg.Connection, workspace_id: str, full: bool, note: Callable[[str], None]
) -> MatchResult:
    started_clock = time.monotonic()
    started = datetime.now(UTC)
    run_id = new_run_id(started)
    with conn.transaction():
        thresholds = rec.read_thresholds(conn)
        free_mail = rec.read_free_mail_domains(conn)
        suffixes = rec.read_legal_suffixes(conn)
        signature = config_signature(thresholds, free_mail, suffixes)
        previous = store.read_previous(conn, workspace_id)
        rescore = full or previous.last_run is None or previous.last_run.signature != signature
        if rescore and previous.last_run is not None:
            note("full run: " + ("--full" if full else "matcher or settings changed"))

        companies = rec.read_companies(conn, workspace_id)
        people = rec.read_people(conn, workspace_id, free_mail)
        for records in (companies, people):
            matched_before = len(previous.assignments[records.entity_type])
            if not records and matched_before:
                # a half-built warehouse, not a world without records: keep the golden ids
                raise UserError(
                    f"no {records.entity_type} records in the core models for workspace"
                    f" {workspace_id!r}, but {matched_before:,} were matched before: refusing"
                    " to retire every golden id; rebuild with `revops run`"
                )
        company_keys = [company_key(name, suffixes) for name in companies.names]
        person_keys = [person_key(name) for name in people.names]
        company_before = {
            record_id: prior.entity_id
            for record_id, (prior, _) in previous.assignments[COMPANY].items()
        }
        people_before = [company_before.get(c) if c else None for c in people.company_record_ids]
        company = prepare(
            companies,
            company_keys,
            [""] * len(companies),
            [""] * len(companies),
            previous.assignments[COMPANY],
            thresholds[COMPANY],
            rescore,
        )
        person = None
        if not (rescore or company.dirty or company.removed):
            # companies as they were, so people keep their scopes: anything left to do?
            person = prepare(
                people,
                person_keys,
                people_before,
                people_before,
                previous.assignments[PERSON],
                thresholds[PERSON],
                rescore,
            )
        if person is not None and not (person.dirty or person.removed):
            for outcome in (company, person):
                keep_previous_ids(outcome, previous.assignments[outcome.entity_type])
            mode, written = "unchanged", 0
            note("nothing changed since the last run")
        else:
            mode = "full" if rescore else "incremental"
            compare_and_resolve(conn, workspace_id, company, previous, run_id, rescore)
            company_now = dict(zip(companies.record_ids, company.entity_ids, strict=True))
            person = prepare(
                people,
                person_keys,
                [company_now.get(c) if c else None for c in people.company_record_ids],
                people_before,
                previous.assignments[PERSON],
                thresholds[PERSON],
                rescore,
            )
            compare_and_resolve(conn, workspace_id, person, previous, run_id, rescore)
            written = sum(write_outcome(conn, workspace_id, o, run_id) for o in (company, person))
        outcomes = {COMPANY: company, PERSON: person}
        row = run_row(workspace_id, run_id, mode, started, outcomes, signature, written)
        if mode == "unchanged" and previous.last_run is not None:
            row.update(previous.last_run.counts)  # decisions stand as the last run made them
        store.insert_run(conn, row)
    return MatchResult(run_id, mode, outcomes, written, time.monotonic() - started_clock)


def prepare(
    records: RecordSet,
    match_keys: list[str | None],
    scopes: list[str | None],
    previous_scopes: Sequence[str | None],
    previous: dict[str, tuple[PriorAssignment, str]],
    thresholds: Thresholds,
    rescore: bool,
) -> EntityOutcome:
    """Which records need comparing: new ones, changed ones, and (people) ones whose company
    became another golden company."""
    dirty = []
    for i, record_id in enumerate(records.record_ids):
        prior = previous.get(record_id)
        if (
            rescore
            or prior is None
            or prior[1] != records.fingerprints[i]
            or scopes[i] != previous_scopes[i]
        ):
            dirty.append(i)
    removed = sum(1 for record_id in previous if record_id not in records.index)
    return EntityOutcome(
        records.entity_type, records, match_keys, scopes, thresholds, dirty, removed
    )


def keep_previous_ids(
    outcome: EntityOutcome, previous: dict[str, tuple[PriorAssignment, str]]
) -> None:
    outcome.entity_ids = [previous[rid][0].entity_id for rid in outcome.records.record_ids]


def compare_and_resolve(
    conn: psycopg.Connection,
    workspace_id: str,
    outcome: EntityOutcome,
    previous: store.PreviousState,
    run_id: str,
    rescore: bool,
) -> None:
    records, thresholds = outcome.records, outcome.thresholds
    outcome.exact = rec.read_exact_edges(conn, workspace_id, records)
    cutoff = min(thresholds.near_threshold, SENSITIVITY_THRESHOLDS[0])
    cached = {} if rescore else store.read_fuzzy_pairs(conn, workspace_id, outcome.entity_type)
    pairs, comparisons = find_fuzzy_pairs(outcome, cached, cutoff)
    outcome.comparisons = comparisons
    outcome.pairs = sorted(pairs)
    outcome.scores = [pairs[pair] for pair in outcome.pairs]
    resolver = resolver_of(outcome)
    outcome.resolution = resolver.resolve(thresholds.threshold)
    outcome.sensitivity = [
        (t, (counted := resolver.resolve(t, explain=False)).accepted, counted.fallout_rows)
        for t in SENSITIVITY_THRESHOLDS
    ]
    prior = {
        rid: assignment
        for rid, (assignment, _) in previous.assignments[outcome.entity_type].items()
    }
    outcome.ids = assign_entity_ids(
        outcome.resolution.labels,
        records.record_ids,
        records.founding_order,
        prior,
        set(previous.used_ids[outcome.entity_type]),
        ID_PREFIX[outcome.entity_type],
        f"{workspace_id}|{outcome.entity_type}",
        run_id,
    )
    outcome.entity_ids = outcome.ids.entity_ids


def find_fuzzy_pairs(
    outcome: EntityOutcome,
    cached: dict[tuple[str, str], tuple[float, float, float]],
    cutoff: float,
) -> tuple[PairScores, int]:
    """Scored record pairs (>= cutoff): the last run's between clean records, plus every pair
    with a dirty record found through blocking. Returns (pairs, string comparisons made)."""
    records = outcome.records
    dirty = np.zeros(len(records), dtype=bool)
    dirty[outcome.dirty] = True
    pairs: PairScores = {}
    for (left_id, right_id), scores in cached.items():
        left, right = records.index.get(left_id), records.index.get(right_id)
        if left is not None and right is not None and not dirty[left] and not dirty[right]:
            pairs[(min(left, right), max(left, right))] = scores
    strings = outcome.strings()
    scored = score_blocks(strings, build_blocks(strings), cutoff)
    members = strings.members
    for u, v, ratio, token, score in zip(
        scored.left.tolist(),
        scored.right.tolist(),
        scored.ratio.tolist(),
        scored.token.tolist(),
        scored.score.tolist(),
        strict=True,
    ):
        for a in members(u):
            for b in members(v):
                pairs[(min(a, b), max(a, b))] = (ratio, token, score)
    for uid in np.flatnonzero(strings.dirty & (strings.counts > 1)).tolist():
        group = members(uid)  # records with the very same name (in the same scope)
        if len(group) > MAX_IDENTICAL_GROUP:
            group_pairs = [(group[0], other) for other in group[1:]]
        else:
            group_pairs = list(itertools.combinations(group, 2))
        for a, b in group_pairs:
            pairs[(a, b)] = (1.0, 1.0, 1.0)
    return pairs, scored.comparisons


def resolver_of(outcome: EntityOutcome) -> Resolver:
    records, exact = outcome.records, outcome.exact
    assert exact is not None
    return Resolver(
        len(records),
        exact.left,
        exact.right,
        records.keys,
        [source == rec.PRIMARY_SOURCE for source in records.sources],
        [pair[0] for pair in outcome.pairs],
        [pair[1] for pair in outcome.pairs],
        [scores[2] for scores in outcome.scores],
    )


# --- writing -------------------------------------------------------------------------------------


def write_outcome(
    conn: psycopg.Connection, workspace_id: str, outcome: EntityOutcome, run_id: str
) -> int:
    """The entity type's rows, as deltas against what is stored. Returns rows written."""
    records, resolution, ids, exact = (
        outcome.records,
        outcome.resolution,
        outcome.ids,
        outcome.exact,
    )
    assert resolution is not None and ids is not None and exact is not None
    entity_type, rids = outcome.entity_type, records.record_ids
    threshold = outcome.thresholds.threshold

    pairs: store.Rows = {}
    for left, right, method, value in zip(
        exact.left, exact.right, exact.methods, exact.values, strict=True
    ):
        pairs[(entity_type, rids[left], rids[right], method)] = (
            value,
            1.0,
            None,
            None,
            None,
            ACCEPTED,
        )
    for (left, right), (ratio, token, score), decision in zip(
        outcome.pairs, outcome.scores, resolution.decisions, strict=True
    ):
        pairs[(entity_type, rids[left], rids[right], "fuzzy_name")] = (
            None,
            score,
            ratio,
            token,
            threshold,
            decision,
        )
    assignments = {
        (entity_type, rid): (
            ids.entity_ids[i],
            records.fingerprints[i],
            ids.first_assigned_run_ids[i],
        )
        for i, rid in enumerate(rids)
    }
    fallout = {
        (entity_type, rids[record]): (
            entry.reason,
            ",".join(rids[c] for c in entry.candidates) or None,
            entry.best_score,
        )
        for record, entry in resolution.fallout.items()
    }
    sensitivity = {
        (entity_type, t): (accepted, fallout_rows)
        for t, accepted, fallout_rows in outcome.sensitivity
    }
    written = 0
    for table, rows in (
        (store.MATCH_PAIRS, pairs),
        (store.ENTITY_ASSIGNMENTS, assignments),
        (store.MATCH_FALLOUT, fallout),
        (store.THRESHOLD_SENSITIVITY, sensitivity),
    ):
        written += store.sync_table(conn, table, workspace_id, entity_type, rows, run_id)
    written += store.insert_aliases(conn, workspace_id, entity_type, ids.aliases, run_id)
    return written


def run_row(
    workspace_id: str,
    run_id: str,
    mode: str,
    started: datetime,
    outcomes: dict[str, EntityOutcome],
    signature: str,
    written: int,
) -> dict[str, object]:
    row: dict[str, object] = {
        "run_id": run_id,
        "workspace_id": workspace_id,
        "started_at": started,
        "finished_at": datetime.now(UTC),
        "mode": mode,
        "matcher_signature": signature,
        "rows_written": written,
    }
    for entity_type, outcome in outcomes.items():
        row[f"{entity_type}_threshold"] = outcome.thresholds.threshold
        row[f"{entity_type}_near_threshold"] = outcome.thresholds.near_threshold
        row[f"{entity_type}_records"] = len(outcome.records)
        row[f"{entity_type}_entities"] = outcome.entities
        row[f"changed_{entity_type}_records"] = outcome.changed
        row[f"{entity_type}_comparisons"] = outcome.comparisons
        row[f"{entity_type}_fuzzy_accepted"] = outcome.fuzzy_accepted
        row[f"{entity_type}_fallout"] = outcome.fallout
    return row
