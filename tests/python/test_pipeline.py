"""The main job end to end, on the warehouse `make test` built: idempotence and accounting."""

from __future__ import annotations

import json
import re
import subprocess

import psycopg
import pytest
from conftest import revops

from python_jobs.settings import PROJECT_ROOT, Settings
from python_jobs.warehouse.connection import ConnectInfo

MART_SCHEMAS = ("marts", "core")


def table_fingerprints(info: ConnectInfo) -> dict[str, tuple[int, str]]:
    """Row count and an order-independent hash of every table in the mart and core schemas."""
    fingerprints: dict[str, tuple[int, str]] = {}
    with psycopg.connect(**info.kwargs()) as conn:  # type: ignore[arg-type]
        tables = conn.execute(
            "select table_schema || '.' || table_name from information_schema.tables"
            " where table_schema = any(%s) and table_type = 'BASE TABLE' order by 1",
            (list(MART_SCHEMAS),),
        ).fetchall()
        for (table,) in tables:
            row = conn.execute(
                "select count(*),"
                " coalesce(md5(string_agg(md5(t::text), '' order by md5(t::text))), '')"
                f" from {table} as t"
            ).fetchone()
            fingerprints[table] = (row[0], row[1])
    return fingerprints


@pytest.fixture(scope="module")
def built_warehouse(server_info: ConnectInfo) -> ConnectInfo:
    with psycopg.connect(**server_info.kwargs()) as conn:  # type: ignore[arg-type]
        built = conn.execute("select to_regclass('marts.contact_intent')").fetchone()
    if built is None or built[0] is None:
        pytest.skip("run `revops run` first (make test does)")
    return server_info


def loaded_data_set(info: ConnectInfo) -> dict:
    """The params (companies, seed, ...) of the generated data set this warehouse was loaded
    from: the folder under REVOPS_HOME/generated whose raw files were all loaded. `revops run`
    finds its data by those params, so a rerun must name them, whatever `make test` built."""
    with psycopg.connect(**info.kwargs()) as conn:  # type: ignore[arg-type]
        loaded = {
            sha
            for (sha,) in conn.execute(
                "select file_sha256 from raw.load_batches where status = 'loaded'"
            )
        }
    for manifest_path in sorted(Settings.from_env().generated_dir.glob("*/manifest.json")):
        manifest = json.loads(manifest_path.read_text())
        raw = [entry["sha256"] for path, entry in manifest["files"].items() if path[:4] == "raw/"]
        if raw and set(raw) <= loaded:
            return manifest["params"]
    pytest.skip("the warehouse was not loaded from a data set that `revops run` generated")


@pytest.fixture(scope="module")
def rerun(built_warehouse: ConnectInfo) -> tuple[dict, subprocess.CompletedProcess[str], dict]:
    """`revops run` again on the same data, its output piped (no terminal), as in CI: the
    tables before it, its output, and the tables after it."""
    before = table_fingerprints(built_warehouse)
    params = loaded_data_set(built_warehouse)
    result = revops(
        "run",
        *("--companies", str(params["companies"]), "--seed", str(params["seed"])),
        *("--months", str(params["months"])),
        env={"TERM": "xterm-256color"},  # a colour terminal type, but no terminal
    )
    return before, result, table_fingerprints(built_warehouse)


def test_second_run_changes_no_mart_row(rerun):
    before, result, after = rerun
    # the intent marts are views of these tables
    assert before["core.int_contact_intent"][0] > 0 and before["core.int_account_intent"][0] > 0
    assert result.returncode == 0, result.stderr
    assert "no new files to load" in result.stdout
    changed = {name for name in before if before[name] != after.get(name)}
    assert not changed, f"tables changed by an identical rerun: {sorted(changed)}"


STAGES = (
    "dbt build (staging and job inputs)",
    "match companies and people",
    "talent-flow snapshots",
    "dbt build (golden records and marts)",
)


def test_run_shows_stages_models_and_their_times_as_plain_text(rerun):
    """Without a terminal: a line per stage and per model started and ended, each stage's
    duration, the closing tables, and not one colour code."""
    _before, result, _after = rerun
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    for stage in STAGES:
        at = lines.index(f"> {stage}")
        assert any(line.startswith("  took ") for line in lines[at + 1 :]), stage
    assert "  started base_engagement__events (model)" in lines
    assert any(re.fullmatch(r"  success int_contact_scores \d+\.\ds", line) for line in lines)
    tables = result.stdout.split("Time by stage")[-1]
    for stage in STAGES:
        assert re.search(rf"{re.escape(stage)}\s+│ \d+\.\ds\s+│\s+\d+%", tables), stage
    assert "Slowest models" in tables
    assert "\x1b[" not in result.stdout + result.stderr
    timings = json.loads((Settings.from_env().state_dir / "last_run.json").read_text())
    assert timings["status"] == "succeeded"
    assert [stage["name"] for stage in timings["stages"]][1:5] == list(STAGES)
    paths = {node["name"]: node["path"] for node in timings["nodes"]}
    assert paths["base_engagement__events"] == "staging/engagement/base/base_engagement__events.sql"


def test_each_people_delivery_dates_its_own_snapshot_versions(built_warehouse: ConnectInfo):
    """The pipeline replays the deliveries on one parse of the project: each build must still
    take its own talent_flow_snapshot_date (a parse-time value would date every version alike)."""
    with psycopg.connect(**built_warehouse.kwargs()) as conn:  # type: ignore[arg-type]
        deliveries = conn.execute(
            "select distinct snapshot_date::date from staging.stg_vendor__people_snapshots"
            " order by 1"
        ).fetchall()
        versions = conn.execute(
            "select distinct dbt_valid_from::date from snapshots.people_snapshot order by 1"
        ).fetchall()
    assert len(deliveries) > 2
    # every month moves somebody in the generated world, so every delivery writes versions
    assert versions == deliveries


def test_every_raw_row_is_staged_or_rejected(built_warehouse: ConnectInfo):
    with psycopg.connect(**built_warehouse.kwargs()) as conn:  # type: ignore[arg-type]
        rows = conn.execute(
            "select feed, sum(raw_rows), sum(staged_rows), sum(rejected_rows)"
            " from core.load_reconciliation group by feed"
        ).fetchall()
        loaded = conn.execute(
            "select coalesce(sum(rows_loaded), 0) from raw.load_batches where status = 'loaded'"
        ).fetchone()
    assert rows, "nothing was loaded"
    for feed, raw, staged, rejected in rows:
        assert raw == staged + rejected, feed
    assert sum(row[1] for row in rows) == loaded[0]
    # the generator mixes invalid rows into every feed it writes in volume
    rejected_feeds = {feed for feed, _raw, _staged, rejected in rows if rejected > 0}
    assert {"engagement_events", "crm_people", "vendor_people_snapshots"} <= rejected_feeds


def test_scores_explain_themselves(built_warehouse: ConnectInfo):
    with psycopg.connect(**built_warehouse.kwargs()) as conn:  # type: ignore[arg-type]
        mismatched = conn.execute(
            """select count(*) from marts.contact_intent as intent
               left join (select person_id, sum(points) as points
                          from core.fct_bit_score_contributions group by person_id) as c
                 using (person_id)
               where abs(intent.bit_score - coalesce(c.points, 0)) > 0.01"""
        ).fetchone()
        tiers = dict(
            conn.execute("select tier, count(*) from marts.contact_intent group by tier").fetchall()
        )
    assert mismatched == (0,)
    assert set(tiers) >= {"cold", "warm", "engaged"}, tiers


def test_backtest_of_an_unchanged_scoring_moves_nobody(built_warehouse: ConnectInfo):
    result = revops("backtest", "--vars", '{"bit_daily_cap_points": 300}')
    assert result.returncode == 0, result.stderr
    assert "moved up   │ 0 " in result.stdout and "moved down │ 0 " in result.stdout


def test_backtest_of_heavier_weights_only_moves_contacts_up(built_warehouse: ConnectInfo, tmp_path):
    weights = (PROJECT_ROOT / "seeds" / "scoring" / "signal_weights.csv").read_text()
    heavier = "\n".join(
        line.replace("email_open,5,", "email_open,500,") for line in weights.splitlines()
    )
    (tmp_path / "signal_weights.csv").write_text(heavier + "\n")
    result = revops("backtest", "--seeds", str(tmp_path))
    assert result.returncode == 0, result.stderr
    contacts = result.stdout.split("accounts: tier changes")[0]
    assert "moved down │ 0 " in contacts
    assert "moved up   │ 0 " not in contacts


def test_backtest_refuses_an_unknown_seed(built_warehouse: ConnectInfo, tmp_path):
    (tmp_path / "no_such_seed.csv").write_text("a,b\n1,2\n")
    result = revops("backtest", "--seeds", str(tmp_path))
    assert result.returncode == 2 and "no seed of that name" in result.stderr
