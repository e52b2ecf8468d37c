"""Read what matching works on: the core record models, their exact edges and the settings seeds.

Everything is read for one workspace. A record set is sorted by record id, so that indices,
tie-breaks and therefore every decision are the same from run to run.
"""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import psycopg

from python_jobs.errors import UserError

COMPANY, PERSON = "company", "person"
ENTITY_TYPES = (COMPANY, PERSON)
PRIMARY_SOURCE = "crm"  # an entity without a record from it has no candidate to attach to

# The seeds matching reads its numbers and lists from: missing, they are a clear error, never
# a copy of their values here.
REQUIRED_SEEDS = ("config.match_thresholds", "config.free_mail_domains", "config.legal_suffixes")
REQUIRED_MODELS = (
    *REQUIRED_SEEDS,
    "core.int_company_records",
    "core.int_company_exact_matches",
    "core.int_person_records",
    "core.int_person_exact_matches",
)


@dataclass(frozen=True)
class Thresholds:
    threshold: float  # from here a fuzzy pair is the same entity
    near_threshold: float  # from here a pair below the threshold is kept as a near miss


@dataclass
class RecordSet:
    """The records of one entity type, as parallel lists indexed 0..n-1 in record id order."""

    entity_type: str
    record_ids: list[str]
    sources: list[str]
    names: list[str | None]  # dbt-normalized display names
    # exact keys that make a fuzzy edge a contradiction: {'domain'} or {'email', 'linkedin'}
    keys: list[dict[str, str]]
    founding_order: list[tuple[int, str, str]]  # (trust rank, first loaded, id): founder first
    fingerprints: list[str]  # hash of the fields matching reads: unchanged -> nothing to redo
    company_record_ids: list[str | None] = field(default_factory=list)  # people only
    index: dict[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.index = {record_id: i for i, record_id in enumerate(self.record_ids)}

    def __len__(self) -> int:
        return len(self.record_ids)


@dataclass(frozen=True)
class ExactEdges:
    """Star edges from the core *_exact_matches models, as record indices."""

    left: list[int]
    right: list[int]
    methods: list[str]
    values: list[str]


def fingerprint(*fields: str | None) -> str:
    text = "\x1f".join("\x00" if value is None else value for value in fields)
    return hashlib.sha1(text.encode()).hexdigest()[:16]


def relation_exists(conn: psycopg.Connection, name: str) -> bool:
    row = conn.execute("select to_regclass(%s) is not null", (name,)).fetchone()
    return bool(row and row[0])


def check_inputs(conn: psycopg.Connection) -> None:
    """One clear line when the models matching reads are missing (a fresh warehouse)."""
    missing = [name for name in REQUIRED_MODELS if not relation_exists(conn, name)]
    if missing:
        raise UserError(
            f"the matching inputs are not built ({', '.join(missing)}): run `revops run` first"
        )


def read_thresholds(conn: psycopg.Connection) -> dict[str, Thresholds]:
    """The config.match_thresholds seed: a threshold and a near threshold per entity type."""
    values: dict[str, tuple[float, float]] = {}
    rows = conn.execute(
        "select entity_type, threshold, near_threshold from config.match_thresholds"
    ).fetchall()
    for entity_type, threshold, near in rows:
        if entity_type in ENTITY_TYPES and threshold is not None:
            near_value = float(near) if near is not None else float(threshold)
            values[entity_type] = (float(threshold), near_value)
    missing = [entity_type for entity_type in ENTITY_TYPES if entity_type not in values]
    if missing:
        raise UserError(f"config.match_thresholds has no threshold for {', '.join(missing)}")
    result = {}
    for entity_type, (threshold, near) in values.items():
        if not (0 < near <= threshold <= 1):
            raise UserError(
                f"config.match_thresholds for {entity_type}: need 0 < near_threshold <= "
                f"threshold <= 1, got {near} and {threshold}"
            )
        result[entity_type] = Thresholds(threshold, near)
    return result


def read_free_mail_domains(conn: psycopg.Connection) -> frozenset[str]:
    rows = conn.execute("select lower(free_mail_domain) from config.free_mail_domains").fetchall()
    return frozenset(row[0] for row in rows if row[0])


def read_legal_suffixes(conn: psycopg.Connection) -> frozenset[str]:
    rows = conn.execute("select legal_suffix from config.legal_suffixes").fetchall()
    return legal_suffix_keys(row[0] for row in rows)


def legal_suffixes_from_seed_file(path: Path) -> frozenset[str]:
    """The legal_suffixes seed read from its CSV file, for tools that run without a database
    (the matching benchmark, unit tests)."""
    with path.open(newline="", encoding="utf-8") as handle:
        return legal_suffix_keys(row["legal_suffix"] for row in csv.DictReader(handle))


def legal_suffix_keys(suffixes: Iterable[str | None]) -> frozenset[str]:
    """Legal suffixes as the company key compares them: lower case, dots dropped."""
    return frozenset(
        " ".join(suffix.lower().replace(".", "").split()) for suffix in suffixes if suffix
    )


def _founding(trust_rank: int | None, first_loaded_at: object, record_id: str) -> tuple:
    return (trust_rank if trust_rank is not None else 99, str(first_loaded_at or ""), record_id)


def read_companies(conn: psycopg.Connection, workspace_id: str) -> RecordSet:
    rows = conn.execute(
        """select distinct on (company_record_id)
               company_record_id, source, company_name, company_domain, trust_rank,
               first_loaded_at
           from core.int_company_records
           where workspace_id = %s
           order by company_record_id, trust_rank, first_loaded_at""",
        (workspace_id,),
    ).fetchall()
    rows.sort(key=lambda row: row[0])  # Python's order, whatever the database collation
    return RecordSet(
        entity_type=COMPANY,
        record_ids=[row[0] for row in rows],
        sources=[row[1] for row in rows],
        names=[row[2] for row in rows],
        keys=[{"domain": row[3]} if row[3] else {} for row in rows],
        founding_order=[_founding(row[4], row[5], row[0]) for row in rows],
        fingerprints=[fingerprint(row[2], row[3]) for row in rows],
    )


def email_domain(email: str) -> str:
    return email.rpartition("@")[2].lower()


def read_people(
    conn: psycopg.Connection, workspace_id: str, free_mail: frozenset[str]
) -> RecordSet:
    rows = conn.execute(
        """select distinct on (person_record_id)
               person_record_id, source, full_name, email, linkedin_url, company_record_id,
               trust_rank, first_loaded_at
           from core.int_person_records
           where workspace_id = %s
           order by person_record_id, trust_rank, first_loaded_at""",
        (workspace_id,),
    ).fetchall()
    rows.sort(key=lambda row: row[0])
    keys: list[dict[str, str]] = []
    for row in rows:
        record_keys: dict[str, str] = {}
        # a personal address says nothing about which colleague this is: only work emails count
        if row[3] and "@" in row[3] and email_domain(row[3]) not in free_mail:
            record_keys["email"] = row[3]
        if row[4]:
            record_keys["linkedin"] = row[4]
        keys.append(record_keys)
    return RecordSet(
        entity_type=PERSON,
        record_ids=[row[0] for row in rows],
        sources=[row[1] for row in rows],
        names=[row[2] for row in rows],
        keys=keys,
        founding_order=[_founding(row[6], row[7], row[0]) for row in rows],
        fingerprints=[fingerprint(row[2], row[3], row[4], row[5]) for row in rows],
        company_record_ids=[row[5] for row in rows],
    )


def read_exact_edges(conn: psycopg.Connection, workspace_id: str, records: RecordSet) -> ExactEdges:
    relation, column = (
        ("core.int_company_exact_matches", "company_record_id")
        if records.entity_type == COMPANY
        else ("core.int_person_exact_matches", "person_record_id")
    )
    rows = conn.execute(
        f"""select {column}, anchor_record_id, match_method, matched_value
            from {relation}
            where workspace_id = %s
            order by {column}, match_method""",
        (workspace_id,),
    ).fetchall()
    edges = ExactEdges([], [], [], [])
    for record_id, anchor_id, method, value in rows:
        left, right = records.index.get(record_id), records.index.get(anchor_id)
        if left is None or right is None or left == right:
            continue  # an edge to a record the record model no longer has
        edges.left.append(left)
        edges.right.append(right)
        edges.methods.append(method)
        edges.values.append(value)
    return edges
