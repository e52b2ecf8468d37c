"""Entity matching (`revops match`) against a real database, on hand-made records.

The scratch database gets the four core tables the job reads; the exact-match models are views
with the same logic as the dbt models, so a test only writes records. Each test works in a
workspace of its own.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator

import psycopg
import pytest
import typer
from conftest import database_env, revops
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from python_jobs.errors import UserError
from python_jobs.match import store
from python_jobs.match.blocking import company_key, name_block_keys
from python_jobs.match.cli import match_command
from python_jobs.match.clustering import (
    ACCEPTED,
    AMBIGUOUS,
    PriorAssignment,
    Resolver,
    UnionFind,
    assign_entity_ids,
    resolve,
)
from python_jobs.match.records import check_inputs, legal_suffixes_from_seed_file
from python_jobs.match.service import MatchResult, run_matching
from python_jobs.settings import PROJECT_ROOT, Settings
from python_jobs.warehouse.connection import ConnectInfo

LEGAL_SUFFIXES = legal_suffixes_from_seed_file(
    PROJECT_ROOT / "seeds" / "normalization" / "legal_suffixes.csv"
)
TRUST = {"crm": 1, "backfill": 2, "vendor": 3, "partner": 4}

CORE_DDL = """
create schema if not exists core;
create table core.int_company_records (
    workspace_id text, company_record_id text, source text, source_record_id text,
    company_name text, company_domain text, trust_rank integer, first_loaded_at timestamp
);
create table core.int_person_records (
    workspace_id text, person_record_id text, source text, source_record_id text,
    company_record_id text, full_name text, email text, linkedin_url text, title text,
    trust_rank integer, first_loaded_at timestamp
);
create view core.int_company_exact_matches as
with domain_groups as (
    select *, first_value(company_record_id) over (
        partition by workspace_id, company_domain
        order by trust_rank, first_loaded_at, company_record_id) as anchor_record_id
    from core.int_company_records where company_domain is not null
)
select workspace_id, company_record_id, anchor_record_id, 'exact_domain' as match_method,
       company_domain as matched_value
from domain_groups where company_record_id <> anchor_record_id;
create view core.int_person_exact_matches as
with keys_unpivoted as (
    select workspace_id, person_record_id, 'exact_email' as match_method, email as matched_value,
           trust_rank, first_loaded_at
    from core.int_person_records where email is not null
    union all
    select workspace_id, person_record_id, 'exact_linkedin', linkedin_url, trust_rank,
           first_loaded_at
    from core.int_person_records where linkedin_url is not null
),
key_groups as (
    select *, first_value(person_record_id) over (
        partition by workspace_id, match_method, matched_value
        order by trust_rank, first_loaded_at, person_record_id) as anchor_record_id
    from keys_unpivoted
)
select workspace_id, person_record_id, anchor_record_id, match_method, matched_value
from key_groups where person_record_id <> anchor_record_id;
"""

MATCHING_TABLES = (
    "match_pairs",
    "entity_assignments",
    "entity_aliases",
    "match_fallout",
    "threshold_sensitivity",
)


@pytest.fixture(scope="module")
def db(scratch_database: ConnectInfo) -> ConnectInfo:
    with psycopg.connect(autocommit=True, **scratch_database.kwargs()) as conn:  # type: ignore[arg-type]
        conn.execute(CORE_DDL)
    # the seeds matching reads its thresholds and lists from
    seeds = ["match_thresholds", "free_mail_domains", "legal_suffixes", "source_trust"]
    revops("dbt", "--", "seed", "--select", *seeds, env=database_env(scratch_database), check=True)
    return scratch_database


@pytest.fixture()
def conn(db: ConnectInfo) -> Iterator[psycopg.Connection]:
    with psycopg.connect(autocommit=True, **db.kwargs()) as connection:  # type: ignore[arg-type]
        yield connection


@pytest.fixture()
def ws(request: pytest.FixtureRequest) -> str:
    """A workspace per test: tests share the database, never rows."""
    return re.sub(r"[^A-Za-z0-9_-]", "_", request.node.name)[:60]


def add_companies(conn: psycopg.Connection, ws: str, *rows: tuple[str, str, str | None]) -> None:
    """(record id '<source>:<id>', name, domain)"""
    for record_id, name, domain in rows:
        source, _, source_id = record_id.partition(":")
        conn.execute(
            "insert into core.int_company_records values (%s, %s, %s, %s, %s, %s, %s, now())",
            (ws, record_id, source, source_id, name, domain, TRUST[source]),
        )


def add_people(
    conn: psycopg.Connection,
    ws: str,
    *rows: tuple[str, str, str, str | None, str | None],
) -> None:
    """(record id, company record id, full name, email, linkedin url)"""
    for record_id, company_record_id, name, email, linkedin in rows:
        source, _, source_id = record_id.partition(":")
        conn.execute(
            "insert into core.int_person_records"
            " values (%s, %s, %s, %s, %s, %s, %s, %s, null, %s, now())",
            (
                ws,
                record_id,
                source,
                source_id,
                company_record_id,
                name,
                email,
                linkedin,
                TRUST[source],
            ),
        )


def run(db: ConnectInfo, ws: str, full: bool = False) -> MatchResult:
    return run_matching(Settings.from_env({"REVOPS_WORKSPACE": ws}), db, full=full)


def entities(conn: psycopg.Connection, ws: str, entity_type: str = "company") -> dict[str, str]:
    rows = conn.execute(
        "select record_id, entity_id from matching.entity_assignments"
        " where workspace_id = %s and entity_type = %s",
        (ws, entity_type),
    ).fetchall()
    return dict(rows)


def fallout(conn: psycopg.Connection, ws: str, entity_type: str = "company") -> dict[str, str]:
    rows = conn.execute(
        "select record_id, reason from matching.match_fallout"
        " where workspace_id = %s and entity_type = %s",
        (ws, entity_type),
    ).fetchall()
    return dict(rows)


def pair(conn: psycopg.Connection, ws: str, left: str, right: str) -> dict | None:
    row = conn.execute(
        "select match_method, score, ratio_score, token_score, threshold, decision"
        " from matching.match_pairs where workspace_id = %s"
        " and ((left_record_id, right_record_id) in ((%s, %s), (%s, %s)))",
        (ws, left, right, right, left),
    ).fetchone()
    if row is None:
        return None
    keys = ("method", "score", "ratio", "token", "threshold", "decision")
    return dict(
        zip(
            keys,
            (float(v) if v is not None and i in (1, 2, 3, 4) else v for i, v in enumerate(row)),
            strict=True,
        )
    )


def snapshot(conn: psycopg.Connection, ws: str) -> dict[str, set[tuple]]:
    return {
        table: set(conn.execute(f"select * from matching.{table} where workspace_id = %s", (ws,)))
        for table in MATCHING_TABLES
    }


def groups(assignment: dict[str, str]) -> set[frozenset[str]]:
    by_entity: dict[str, set[str]] = defaultdict(set)
    for record_id, entity_id in assignment.items():
        by_entity[entity_id].add(record_id)
    return {frozenset(members) for members in by_entity.values()}


# --- the spec's examples -------------------------------------------------------------------------


def test_same_domain_is_one_company(db, conn, ws):
    add_companies(
        conn, ws, ("crm:1", "Acme", "acme.com"), ("vendor:ACME LLC", "Acme Widgets", "acme.com")
    )
    run(db, ws)
    ids = entities(conn, ws)
    assert ids["crm:1"] == ids["vendor:ACME LLC"]
    assert ids["crm:1"].startswith("co_") and len(ids["crm:1"]) == 15
    assert pair(conn, ws, "vendor:ACME LLC", "crm:1") == {
        "method": "exact_domain", "score": 1.0, "ratio": None, "token": None,
        "threshold": None, "decision": ACCEPTED,
    }  # fmt: skip
    assert fallout(conn, ws) == {}


def test_acme_and_acme_inc_are_one_company(db, conn, ws):
    assert company_key("Acme", LEGAL_SUFFIXES) == company_key("ACME, Inc.", LEGAL_SUFFIXES)
    add_companies(conn, ws, ("crm:1", "Acme", None), ("partner:P1", "Acme Inc", None))
    run(db, ws)
    ids = entities(conn, ws)
    assert ids["crm:1"] == ids["partner:P1"]
    found = pair(conn, ws, "crm:1", "partner:P1")
    assert found is not None
    assert (found["method"], found["score"], found["decision"]) == ("fuzzy_name", 1.0, ACCEPTED)


def test_same_email_is_one_person(db, conn, ws):
    add_companies(conn, ws, ("crm:1", "Acme", "acme.com"), ("vendor:Acme", "Acme", "acme.com"))
    add_people(
        conn,
        ws,
        ("crm:10", "crm:1", "John Smith", "john.smith@acme.com", None),
        ("vendor:v1", "vendor:Acme", "Johnny Smith-Jones", "john.smith@acme.com", None),
        ("crm:11", "crm:1", "Jane Doe", "jane.doe@acme.com", None),
    )
    run(db, ws)
    ids = entities(conn, ws, "person")
    assert ids["crm:10"] == ids["vendor:v1"] != ids["crm:11"]
    assert ids["crm:10"].startswith("pe_")
    assert pair(conn, ws, "vendor:v1", "crm:10")["method"] == "exact_email"  # type: ignore[index]


def test_people_match_by_name_only_within_their_company(db, conn, ws):
    add_companies(
        conn, ws,
        ("crm:1", "Acme", "acme.com"), ("vendor:Acme", "Acme", "acme.com"),
        ("crm:2", "Globex", "globex.com"),
    )  # fmt: skip
    add_people(
        conn, ws,
        ("crm:10", "crm:1", "Katarzyna Kowalski", "kk@acme.com", None),
        ("vendor:v1", "vendor:Acme", "Katarzyna Kowalsky", None, "linkedin.com/in/kk"),
        ("crm:20", "crm:2", "Katarzyna Kowalski", None, None),
    )  # fmt: skip
    run(db, ws)
    ids = entities(conn, ws, "person")
    assert ids["crm:10"] == ids["vendor:v1"]  # typo, same matched company
    assert ids["crm:20"] != ids["crm:10"]  # same name at another company: never compared
    found = pair(conn, ws, "crm:10", "vendor:v1")
    assert found and found["method"] == "fuzzy_name" and found["score"] >= 0.88


# --- the rules -----------------------------------------------------------------------------------


def test_an_ambiguous_record_goes_to_fallout_and_is_not_merged(db, conn, ws):
    add_companies(
        conn, ws,
        ("crm:1", "Astora Labs", "astora.com"),
        ("crm:2", "Astera Labs", "astera.com"),
        ("vendor:Astara Labs", "Astara Labs", None),  # 0.91 to both: which one?
    )  # fmt: skip
    run(db, ws)
    ids = entities(conn, ws)
    assert len(set(ids.values())) == 3
    assert fallout(conn, ws) == {"vendor:Astara Labs": "ambiguous"}
    row = conn.execute(
        "select candidate_record_ids, best_score from matching.match_fallout"
        " where workspace_id = %s",
        (ws,),
    ).fetchone()
    assert row is not None and set(row[0].split(",")) == {"crm:1", "crm:2"}
    assert float(row[1]) == pytest.approx(0.9091, abs=1e-4)
    assert pair(conn, ws, "crm:1", "vendor:Astara Labs")["decision"] == AMBIGUOUS  # type: ignore[index]
    # the two CRM look-alikes have their own domains: a contradiction, both resolved
    assert pair(conn, ws, "crm:1", "crm:2")["decision"] == "contradicts_exact"  # type: ignore[index]


def test_a_transitive_chain_is_one_entity(db, conn, ws):
    add_companies(
        conn, ws,
        ("crm:1", "Harbor Labs", "harborlabs.com"),
        ("partner:P1", "Harbro Labs", None),
        ("backfill:B1", "Hrabro Labs", None),
    )  # fmt: skip
    run(db, ws)
    ids = entities(conn, ws)
    assert ids["crm:1"] == ids["partner:P1"] == ids["backfill:B1"]
    assert pair(conn, ws, "crm:1", "backfill:B1") is None  # 0.82: only the chain joins them
    assert fallout(conn, ws) == {}


def test_a_fuzzy_edge_that_contradicts_an_exact_key_is_not_applied(db, conn, ws):
    add_companies(
        conn, ws,
        ("crm:1", "Zenova Analytics", "zenova.com"),
        ("vendor:Zenova Analytics", "Zenova Analytics", "zenova-analytics.io"),
    )  # fmt: skip
    run(db, ws)
    ids = entities(conn, ws)
    assert ids["crm:1"] != ids["vendor:Zenova Analytics"]
    found = pair(conn, ws, "crm:1", "vendor:Zenova Analytics")
    assert found and found["score"] == 1.0 and found["decision"] == "contradicts_exact"
    assert fallout(conn, ws) == {"vendor:Zenova Analytics": "contradicts_exact"}


def test_different_work_emails_contradict_a_person_name_match(db, conn, ws):
    add_companies(conn, ws, ("crm:1", "Acme", "acme.com"))
    add_people(
        conn, ws,
        ("crm:10", "crm:1", "John Smith", "john.smith@acme.com", None),
        ("crm:11", "crm:1", "Jon Smith", "jon.smith@acme.com", None),
        ("crm:12", "crm:1", "Jon Smith", "jon.smith@gmail.com", None),  # personal: no conflict
    )  # fmt: skip
    run(db, ws)
    ids = entities(conn, ws, "person")
    assert ids["crm:10"] != ids["crm:11"]
    assert pair(conn, ws, "crm:10", "crm:11")["decision"] == "contradicts_exact"  # type: ignore[index]
    # crm:12 matches both (0.95, 1.0) and they conflict: ambiguous, left alone
    assert ids["crm:12"] not in (ids["crm:10"], ids["crm:11"])
    assert fallout(conn, ws, "person") == {"crm:12": "ambiguous"}


def test_an_entity_without_a_crm_record_is_no_candidate_fallout(db, conn, ws):
    add_companies(
        conn, ws,
        ("vendor:Globex", "Globex", "globex.com"), ("backfill:B1", "GLOBEX", None),
    )  # fmt: skip
    run(db, ws)
    ids = entities(conn, ws)
    assert ids["vendor:Globex"] == ids["backfill:B1"]  # one entity, with its own golden id
    assert fallout(conn, ws) == {"vendor:Globex": "no_candidate", "backfill:B1": "no_candidate"}


def test_every_fuzzy_pair_has_its_scores_threshold_and_run(db, conn, ws):
    add_companies(
        conn, ws,
        ("crm:1", "Harbor Labs", None), ("partner:P1", "Harbro Labs", None),
        ("crm:2", "Northwind Traders", "northwind.com"),
        ("vendor:Northwind Trader", "Northwind Trader", None),
        ("backfill:B9", "Northwnd Tradrs", None),
    )  # fmt: skip
    run(db, ws)
    rows = conn.execute(
        "select score, ratio_score, token_score, threshold, decision, run_id"
        " from matching.match_pairs where workspace_id = %s and match_method = 'fuzzy_name'",
        (ws,),
    ).fetchall()
    assert len(rows) >= 3
    assert all(value is not None for row in rows for value in row)
    for score, ratio, token, threshold, decision, _ in rows:
        assert score == max(ratio, token) and 0 <= score <= 1
        assert float(threshold) == 0.9
        assert (decision == "below_threshold") == (score < threshold)


# --- stable ids, idempotence, incremental runs ---------------------------------------------------


def test_a_rerun_changes_nothing(db, conn, ws):
    add_companies(
        conn, ws,
        ("crm:1", "Acme", "acme.com"), ("vendor:Acme Inc", "Acme", "acme.com"),
        ("crm:2", "Harbor Labs", None), ("partner:P1", "Harbro Labs", None),
        ("vendor:Lone", "Lone Star Media", None),
    )  # fmt: skip
    add_people(conn, ws, ("crm:10", "crm:1", "Ann Lee", "ann@acme.com", None))
    first = run(db, ws)
    before = snapshot(conn, ws)
    second = run(db, ws)
    assert (first.mode, second.mode) == ("full", "unchanged")
    assert second.rows_written == 0 and second.outcomes["company"].comparisons == 0
    assert snapshot(conn, ws) == before
    runs = conn.execute(
        "select mode, company_fuzzy_accepted, company_fallout from matching.match_runs"
        " where workspace_id = %s order by started_at",
        (ws,),
    ).fetchall()
    assert [row[0] for row in runs] == ["full", "unchanged"]
    assert runs[0][1:] == runs[1][1:]  # an unchanged run reports the standing decisions


def test_ids_survive_unrelated_records_and_only_new_ones_are_compared(db, conn, ws):
    add_companies(
        conn, ws,
        ("crm:1", "Acme", "acme.com"), ("vendor:Acme", "Acme", "acme.com"),
        ("crm:2", "Harbor Labs", None), ("partner:P1", "Harbro Labs", None),
    )  # fmt: skip
    add_people(conn, ws, ("crm:10", "crm:1", "Ann Lee", "ann@acme.com", None))
    run(db, ws)
    before = entities(conn, ws)
    people_before = entities(conn, ws, "person")
    add_companies(conn, ws, ("crm:3", "Globex", "globex.com"), ("vendor:Initech", "Initech", None))
    add_people(conn, ws, ("crm:30", "crm:3", "Bo Chen", "bo@globex.com", None))
    result = run(db, ws)
    after = entities(conn, ws)
    assert result.mode == "incremental"
    assert result.outcomes["company"].changed == 2
    assert {k: after[k] for k in before} == before
    assert {k: v for k, v in entities(conn, ws, "person").items() if k in people_before} == (
        people_before
    )
    assert len({after["crm:3"], after["vendor:Initech"]} - set(before.values())) == 2


def test_a_merge_keeps_the_older_id_and_records_the_alias(db, conn, ws):
    add_companies(conn, ws, ("crm:10", "Globex", None))
    run(db, ws)
    older = entities(conn, ws)["crm:10"]
    add_companies(conn, ws, ("backfill:20", "Globex International", "globex.com"))
    run(db, ws)
    younger = entities(conn, ws)["backfill:20"]
    assert younger != older
    # a vendor record named like the first and with the domain of the second joins them
    add_companies(conn, ws, ("vendor:Globex", "Globex", "globex.com"))
    result = run(db, ws)
    ids = entities(conn, ws)
    assert ids == {"crm:10": older, "backfill:20": older, "vendor:Globex": older}
    aliases = conn.execute(
        "select retired_entity_id, surviving_entity_id, run_id from matching.entity_aliases"
        " where workspace_id = %s",
        (ws,),
    ).fetchall()
    assert aliases == [(younger, older, result.run_id)]


def test_an_incremental_run_decides_as_a_full_run_would(db, conn, ws):
    add_companies(
        conn, ws,
        ("crm:1", "Astora Labs", "astora.com"), ("crm:2", "Astera Labs", "astera.com"),
        ("crm:3", "Harbor Labs", None),
    )  # fmt: skip
    add_people(conn, ws, ("crm:10", "crm:3", "Mary Smith", None, None))
    run(db, ws)
    add_companies(
        conn, ws,
        ("vendor:Astara Labs", "Astara Labs", None), ("partner:P1", "Harbro Labs", None),
        ("backfill:B1", "Hrabro Labs", "harborlabs.com"),
    )  # fmt: skip
    add_people(conn, ws, ("backfill:L1", "backfill:B1", "Mary Smiht", None, None))
    incremental = run(db, ws)
    after_incremental = snapshot(conn, ws)
    full = run(db, ws, full=True)
    assert (incremental.mode, full.mode) == ("incremental", "full")
    assert snapshot(conn, ws) == after_incremental  # same rows, same run ids: nothing to redo
    people = entities(conn, ws, "person")
    assert people["crm:10"] == people["backfill:L1"]  # matched once their companies merged


def test_missing_core_models_is_one_clear_error(db):
    with psycopg.connect(**db.kwargs()) as conn:  # type: ignore[arg-type]
        conn.execute("alter schema core rename to core_hidden")
        with pytest.raises(UserError, match="run `revops run` first"):
            check_inputs(conn)
        conn.rollback()


def test_a_table_of_another_layout_is_one_clear_error(db):
    with psycopg.connect(**db.kwargs()) as conn:  # type: ignore[arg-type]
        store.ensure_tables(conn)
        conn.execute("alter table matching.entity_assignments drop column record_hash")
        with pytest.raises(UserError, match="lacks columns record_hash"):
            store.ensure_tables(conn)
        conn.rollback()


def test_records_gone_from_the_core_models_do_not_retire_every_id(db, conn, ws):
    add_companies(conn, ws, ("crm:1", "Acme", "acme.com"))
    run(db, ws)
    conn.execute("delete from core.int_company_records where workspace_id = %s", (ws,))
    with pytest.raises(UserError, match="refusing to retire every golden id"):
        run(db, ws)
    assert set(entities(conn, ws)) == {"crm:1"}


def test_the_cli_matches_and_evaluates(db, conn, ws):
    add_companies(
        conn, ws,
        ("crm:1", "Acme", "acme.com"), ("vendor:Acme", "Acme", "acme.com"),
        ("crm:2", "Harbor Labs", None), ("partner:P2", "Harbro Labs", None),
        ("crm:3", "Zenova", None), ("backfill:B3", "Zenova Holdings Group", None),
    )  # fmt: skip
    add_people(conn, ws, ("crm:10", "crm:1", "Ann Lee", "ann@acme.com", None))
    app = typer.Typer()
    app.command()(match_command)
    env = {"REVOPS_PG_DATABASE": db.dbname, "REVOPS_WORKSPACE": ws}
    result = CliRunner().invoke(app, ["--evaluate"], env=env)
    assert isinstance(result.exception, UserError) and "answer key" in str(result.exception)

    conn.execute(
        "create schema if not exists ground_truth;"
        "create table if not exists ground_truth.company_identities"
        " (workspace_id text, source text, source_record_id text, true_company_id text);"
        "create table if not exists ground_truth.person_identities"
        " (workspace_id text, source text, source_record_id text, true_person_id text)"
    )
    truth = [
        ("crm", "1", "t1"), ("vendor", "Acme", "t1"), ("crm", "2", "t2"),
        ("partner", "P2", "t2"), ("crm", "3", "t3"), ("backfill", "B3", "t3"),
    ]  # fmt: skip
    for source, source_id, true_id in truth:
        conn.execute(
            "insert into ground_truth.company_identities values (%s, %s, %s, %s)",
            (ws, source, source_id, true_id),
        )
    result = CliRunner().invoke(app, ["--evaluate"], env=env)
    assert result.exit_code == 0, result.output
    assert "pairwise quality" in result.output
    row = conn.execute(
        "select precision, recall, true_pairs, predicted_pairs from matching.match_quality"
        " where workspace_id = %s and entity_type = 'company'",
        (ws,),
    ).fetchone()
    # Acme and Harbor are found; Zenova's two records share no key and no similar name
    assert row == (1.0, pytest.approx(2 / 3), 3, 2)


# --- properties ----------------------------------------------------------------------------------

edges = st.lists(st.tuples(st.integers(0, 11), st.integers(0, 11)), max_size=30)


@settings(max_examples=150, deadline=None)
@given(edges, st.randoms(use_true_random=False))
def test_union_find_labels_are_the_connected_components(edge_list, rng):
    n = 12
    neighbours: dict[int, set[int]] = defaultdict(set)
    for a, b in edge_list:
        neighbours[a].add(b)
        neighbours[b].add(a)
    expected = list(range(n))
    for start in range(n):  # smallest member of each component, by a plain search
        if expected[start] != start:
            continue
        stack, seen = [start], {start}
        while stack:
            for nxt in neighbours[stack.pop()] - seen:
                seen.add(nxt)
                stack.append(nxt)
                expected[nxt] = start
    shuffled = list(edge_list)
    rng.shuffle(shuffled)
    for order in (edge_list, shuffled):
        uf = UnionFind(n)
        for a, b in order:
            uf.union(a, b)
        assert uf.labels() == expected


records_strategy = st.lists(
    st.sampled_from([None, "a.com", "b.com", "c.com"]), min_size=2, max_size=10
)


@settings(max_examples=200, deadline=None)
@given(records_strategy, st.data())
def test_resolve_never_merges_conflicting_keys_and_never_merges_the_ambiguous(domains, data):
    n = len(domains)
    anchors: dict[str, int] = {}
    exact_left, exact_right = [], []
    for record, domain in enumerate(domains):  # star edges, as the exact-match models give
        if domain is not None:
            anchor = anchors.setdefault(domain, record)
            if anchor != record:
                exact_left.append(record)
                exact_right.append(anchor)
    candidate = st.tuples(st.integers(0, n - 1), st.integers(0, n - 1), st.floats(0.85, 1.0))
    raw_pairs = data.draw(st.lists(candidate, max_size=20))
    pairs = sorted({(min(a, b), max(a, b)): s for a, b, s in raw_pairs if a != b}.items())
    keys = [{"domain": d} if d else {} for d in domains]
    result = resolve(
        n, exact_left, exact_right, keys, [record == 0 for record in range(n)],
        [p[0][0] for p in pairs], [p[0][1] for p in pairs], [p[1] for p in pairs], 0.9,
    )  # fmt: skip
    members: dict[int, set[str]] = defaultdict(set)
    for record, label in enumerate(result.labels):
        if domains[record]:
            members[label].add(domains[record])
    assert all(len(found) <= 1 for found in members.values())
    for ((a, b), _), decision in zip(pairs, result.decisions, strict=True):
        if decision == ACCEPTED:
            assert result.labels[a] == result.labels[b]
    for record, entry in result.fallout.items():
        if entry.reason == "ambiguous":  # keyless, so alone: no exact edge, no fuzzy edge
            assert result.labels.count(result.labels[record]) == 1


def reference_resolve(n, exact, keys, primary, pairs, threshold):
    """The rules, one edge at a time in plain Python: what the vectorized Resolver must match."""
    uf = UnionFind(n)
    for a, b in exact:
        uf.union(a, b)
    sets: dict[int, dict[str, set[str]]] = defaultdict(dict)
    for record, record_keys in enumerate(keys):
        for kind, value in record_keys.items():
            sets[uf.find(record)].setdefault(kind, set()).add(value)

    def conflict(x: int, y: int) -> bool:
        return any(k in sets[y] and v.isdisjoint(sets[y][k]) for k, v in sets[x].items())

    decisions, candidates = ["below_threshold"] * len(pairs), []
    for k, ((a, b), score) in enumerate(pairs):
        if score >= threshold:
            ra, rb = uf.find(a), uf.find(b)
            if ra == rb:
                decisions[k] = ACCEPTED
            elif conflict(ra, rb):
                decisions[k] = "contradicts_exact"
            else:
                candidates.append(k)
    partners: dict[int, set[int]] = defaultdict(set)
    for k in candidates:
        (a, b), _ = pairs[k]
        partners[a].add(uf.find(b))
        partners[b].add(uf.find(a))
    ambiguous = {
        record
        for record, clusters in partners.items()
        if any(conflict(x, y) for x in clusters for y in clusters if x != y)
    }
    remaining = []
    for k in candidates:
        if set(pairs[k][0]) & ambiguous:
            decisions[k] = AMBIGUOUS
        else:
            remaining.append(k)
    for k in sorted(remaining, key=lambda k: (-pairs[k][1], pairs[k][0])):
        ra, rb = uf.find(pairs[k][0][0]), uf.find(pairs[k][0][1])
        if ra != rb:
            if conflict(ra, rb):
                decisions[k] = "contradicts_exact"
                continue
            root, absorbed = uf.union(ra, rb)
            for kind, values in sets.pop(absorbed, {}).items():
                sets[root].setdefault(kind, set()).update(values)
        decisions[k] = ACCEPTED
    labels = uf.labels()
    anchored = {labels[r] for r in range(n) if primary[r]}
    reasons = {r: AMBIGUOUS for r in ambiguous}
    for k, ((a, b), _) in enumerate(pairs):
        for r in (a, b):
            if decisions[k] == "contradicts_exact" and labels[r] not in anchored:
                reasons.setdefault(r, "contradicts_exact")
    for r in range(n):
        if not primary[r] and labels[r] not in anchored:
            reasons.setdefault(r, "no_candidate")
    return labels, decisions, reasons


person_keys = st.fixed_dictionaries(
    {},
    optional={"email": st.sampled_from(["a@x.com", "b@x.com"]), "linkedin": st.sampled_from(
        ["in/a", "in/b", "in/c"])},
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(person_keys, min_size=2, max_size=9), st.data())
def test_the_vectorized_resolver_decides_as_the_plain_rules_do(keys, data):
    n = len(keys)
    anchors: dict[tuple[str, str], int] = {}
    exact = []
    for record, record_keys in enumerate(keys):  # star edges per key, as the dbt models give
        for item in sorted(record_keys.items()):
            anchor = anchors.setdefault(item, record)
            if anchor != record:
                exact.append((record, anchor))
    primary = data.draw(st.lists(st.booleans(), min_size=n, max_size=n))
    candidate = st.tuples(st.integers(0, n - 1), st.integers(0, n - 1), st.sampled_from(
        [0.86, 0.9, 0.93, 0.97, 1.0]))  # fmt: skip
    raw = data.draw(st.lists(candidate, max_size=16))
    pairs = sorted({(min(a, b), max(a, b)): s for a, b, s in raw if a != b}.items())
    for threshold in (0.85, 0.9, 0.95):
        labels, decisions, reasons = reference_resolve(n, exact, keys, primary, pairs, threshold)
        resolver = Resolver(
            n, [a for a, _ in exact], [b for _, b in exact], keys, primary,
            [p[0][0] for p in pairs], [p[0][1] for p in pairs], [p[1] for p in pairs],
        )  # fmt: skip
        result = resolver.resolve(threshold)
        assert result.labels == labels
        assert result.decisions == decisions
        assert {r: f.reason for r, f in result.fallout.items()} == reasons
        counted = resolver.resolve(threshold, explain=False)
        assert (counted.accepted, counted.fallout_rows) == (result.accepted, len(reasons))


letters = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=4, max_size=24)


@settings(max_examples=300, deadline=None)
@given(letters, st.integers(1, 23), st.sampled_from(["drop", "double", "swap"]))
def test_one_typo_never_escapes_blocking(name, position, kind):
    """The generator's typo (first letter kept): the two names always share a block key."""
    i = min(position, len(name) - 1)
    if kind == "drop":
        typo = name[:i] + name[i + 1 :]
    elif kind == "double":
        typo = name[:i] + name[i] + name[i:]
    else:
        i = min(i, len(name) - 2)
        typo = name[:i] + name[i + 1] + name[i] + name[i + 2 :] if i >= 1 else name
    assert set(name_block_keys(name)) & set(name_block_keys(typo))


def test_stable_ids_split_keeps_the_id_on_the_larger_part_and_fresh_ids_never_clash():
    record_ids = ["a", "b", "c", "d"]
    founding = [(1, "", rid) for rid in record_ids]
    previous = {rid: PriorAssignment("co_old", "mr_1") for rid in record_ids}
    taken = {"co_old"}
    split = assign_entity_ids([0, 0, 0, 3], record_ids, founding, previous, taken, "co_", "w", "r2")
    assert split.entity_ids[:3] == ["co_old"] * 3
    assert split.entity_ids[3] not in ("co_old",) and split.entity_ids[3].startswith("co_")
    assert split.aliases == [] and split.first_assigned_run_ids == ["mr_1"] * 4
    again = assign_entity_ids([0, 1, 2, 3], record_ids, founding, {}, set(), "co_", "w", "r1")
    assert (
        again.entity_ids
        == assign_entity_ids(
            [0, 1, 2, 3], record_ids, founding, {}, set(), "co_", "w", "r9"
        ).entity_ids
    )  # a pure function of the founding records
