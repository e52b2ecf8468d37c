"""`revops match --evaluate`: pairwise quality against the generator's answer key.

A pair is two records of the same entity type. Predicted pairs share a golden id, true pairs a
true id (ground_truth.*_identities, which only generated data has); precision = shared / predicted,
recall = shared / true. Records missing from either side are left out. Blocking recall is the
share of true pairs with differing names (within one company for people: the only pairs the
spec lets fuzzy matching see) that share a block, i.e. that the matcher compared at all.
"""

from __future__ import annotations

import itertools
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime

import psycopg

from python_jobs.errors import UserError
from python_jobs.match import store
from python_jobs.match.blocking import blocking_recall
from python_jobs.match.records import COMPANY, relation_exists
from python_jobs.match.service import EntityOutcome, MatchResult

ANSWER_KEYS = {
    "company": ("ground_truth.company_identities", "true_company_id"),
    "person": ("ground_truth.person_identities", "true_person_id"),
}
SAMPLE_SIZE = 10


@dataclass(frozen=True)
class Miss:
    """A pair the matcher got wrong, as a reader wants to see it."""

    left_record_id: str
    left_name: str | None
    right_record_id: str
    right_name: str | None
    left_entity_id: str
    right_entity_id: str
    score: float | None  # the fuzzy score, when the pair was scored at all
    decision: str | None


@dataclass
class Quality:
    entity_type: str
    records: int
    true_pairs: int
    predicted_pairs: int
    true_positive_pairs: int
    blocking_kept: int
    blocking_pairs: int
    false_negatives: list[Miss] = field(default_factory=list)
    false_positives: list[Miss] = field(default_factory=list)

    @property
    def precision(self) -> float | None:
        return self.true_positive_pairs / self.predicted_pairs if self.predicted_pairs else None

    @property
    def recall(self) -> float | None:
        return self.true_positive_pairs / self.true_pairs if self.true_pairs else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p is not None and r is not None and p + r > 0 else None

    @property
    def blocking_recall(self) -> float | None:
        return self.blocking_kept / self.blocking_pairs if self.blocking_pairs else None


def _pairs(n: int) -> int:
    return n * (n - 1) // 2


def read_answer_key(conn: psycopg.Connection, workspace_id: str, entity_type: str) -> dict:
    relation, column = ANSWER_KEYS[entity_type]
    if not relation_exists(conn, relation):
        raise UserError(
            f"no answer key to evaluate against ({relation}): it comes with generated data"
        )
    # trimmed as staging's clean_text trims: the key keeps the vendor's stray blanks
    rows = conn.execute(
        f"select source || ':' || trim(source_record_id), {column} from {relation}"
        " where workspace_id = %s",
        (workspace_id,),
    ).fetchall()
    return dict(rows)


def measure(
    outcome: EntityOutcome,
    answer_key: dict[str, str],
    pair_info: dict[tuple[str, str], tuple[float, str | None]],
) -> Quality:
    records = outcome.records
    truth = {
        i: answer_key[record_id]
        for i, record_id in enumerate(records.record_ids)
        if record_id in answer_key
    }
    entity = outcome.entity_ids
    by_entity = Counter(entity[i] for i in truth)
    by_truth = Counter(truth.values())
    by_both = Counter((entity[i], true_id) for i, true_id in truth.items())
    true_groups: dict[str, list[int]] = defaultdict(list)
    entity_groups: dict[str, list[int]] = defaultdict(list)
    for i, true_id in truth.items():
        true_groups[true_id].append(i)
        entity_groups[entity[i]].append(i)
    true_pairs = [
        pair for group in true_groups.values() for pair in itertools.combinations(group, 2)
    ]
    kept, blocked = blocking_recall(outcome.strings(), true_pairs)
    quality = Quality(
        outcome.entity_type,
        len(truth),
        sum(_pairs(n) for n in by_truth.values()),
        sum(_pairs(n) for n in by_entity.values()),
        sum(_pairs(n) for n in by_both.values()),
        kept,
        blocked,
    )

    def miss(a: int, b: int) -> Miss:
        left, right = records.record_ids[a], records.record_ids[b]
        score, decision = (
            pair_info.get((left, right)) or pair_info.get((right, left)) or (None, None)
        )
        return Miss(
            left, records.names[a], right, records.names[b], entity[a], entity[b], score, decision
        )

    for group in true_groups.values():
        for a, b in itertools.combinations(group, 2):
            if entity[a] != entity[b] and len(quality.false_negatives) < SAMPLE_SIZE:
                quality.false_negatives.append(miss(a, b))
    for group in entity_groups.values():
        for a, b in itertools.combinations(group, 2):
            if truth[a] != truth[b] and len(quality.false_positives) < SAMPLE_SIZE:
                quality.false_positives.append(miss(a, b))
    return quality


def evaluate_run(conn: psycopg.Connection, workspace_id: str, result: MatchResult) -> list[Quality]:
    """Measure the run's assignments against the answer key and store the figures."""
    qualities = []
    for entity_type, outcome in result.outcomes.items():
        answer_key = read_answer_key(conn, workspace_id, entity_type)
        stored = store.read_fuzzy_pairs_with_decisions(conn, workspace_id, entity_type)
        qualities.append(measure(outcome, answer_key, stored))
    evaluated_at = datetime.now(UTC)
    store.write_quality(
        conn,
        [
            {
                "workspace_id": workspace_id,
                "entity_type": quality.entity_type,
                "precision": quality.precision,
                "recall": quality.recall,
                "f1": quality.f1,
                "true_pairs": quality.true_pairs,
                "predicted_pairs": quality.predicted_pairs,
                "true_positive_pairs": quality.true_positive_pairs,
                "blocking_recall": quality.blocking_recall,
                "blocking_true_pairs": quality.blocking_pairs,
                "run_id": result.run_id,
                "evaluated_at": evaluated_at,
            }
            for quality in qualities
        ],
    )
    return sorted(qualities, key=lambda quality: quality.entity_type != COMPANY)
