"""The benchmark suite's pure parts (fits, summaries, the process-tree sampler, the SVG writer,
the naive scorer's rules) and, when a built warehouse is there, the floor query's agreement
with marts.contact_intent."""

from __future__ import annotations

import ast
import csv
import json
import os
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from datetime import date, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace

import psycopg
import pytest
from conftest import database_env, revops

from python_jobs.settings import PROJECT_ROOT

# bench/ is a folder of the repository, not an installed package: import it from the root
if str(PROJECT_ROOT) not in sys.path:
    sys.path.insert(0, str(PROJECT_ROOT))

from bench import runner  # noqa: E402
from bench.cli import parse_scale  # noqa: E402
from bench.comparisons import Comparison  # noqa: E402
from bench.context import TABLES_WRITTEN_SQL, error_lines  # noqa: E402
from bench.measure import measured, process_tree  # noqa: E402
from bench.recurring import breakdown, model_group, write_next_delivery  # noqa: E402
from bench.report import included_scales, markdown, scaling  # noqa: E402
from bench.scoring import (  # noqa: E402
    ENGAGEMENT_COLUMNS,
    ScoresDisagree,
    ScoringVars,
    _score_contact,
    check_agreement,
    naive_agreement,
    naive_scores,
    run_floor,
    run_sort_bound,
    write_delta_events,
)
from bench.stages import DELTA_FILE_PREFIX, STAGES, Stage, _without_earlier_deltas  # noqa: E402
from bench.stats import fit_exponent, ratio_summary, summary  # noqa: E402
from bench.svg import loglog_svg  # noqa: E402
from python_jobs.warehouse.connection import ConnectInfo  # noqa: E402

# -- the bench stands beside the product -----------------------------------------------------------


def imports_of_bench(source: str) -> list[int]:
    """Lines of a module's source that import the bench package (or a module of it)."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            names = [node.module or ""]
        else:
            continue
        if any(name == "bench" or name.startswith("bench.") for name in names):
            lines.append(node.lineno)
    return lines


def test_the_product_never_imports_the_bench() -> None:
    """python_jobs runs the bench as `python -m bench` (a subprocess), never imports it: the
    bench imports the product, so an import back would be a circle."""
    sources = sorted((PROJECT_ROOT / "python_jobs").rglob("*.py"))
    assert len(sources) > 20
    offenders = [
        f"{path.relative_to(PROJECT_ROOT)}:{line}"
        for path in sources
        for line in imports_of_bench(path.read_text())
    ]
    assert not offenders, f"python_jobs imports bench: {offenders}"


def test_the_import_check_finds_every_form_of_import() -> None:
    found = imports_of_bench(
        "import bench\n"
        "from bench.cli import main\n"
        "import os, bench.stages\n"
        "def f():\n    from bench import runner\n"
        "from benchmarks import x\n"  # another package: fine
        "from . import bench\n"  # a sibling module named bench: fine
    )
    assert found == [1, 2, 3, 5]


def test_revops_bench_hands_its_arguments_and_exit_code_through() -> None:
    shown = revops("bench", "--", "--help")
    assert shown.returncode == 0, shown.stderr
    assert "--stage-repeat" in shown.stdout  # the suite's own options
    refused = revops("bench", "--only", "no_such_stage")
    assert refused.returncode == 2 and "no_such_stage" in refused.stderr


# -- stats -----------------------------------------------------------------------------------------


def test_fit_exponent_recovers_a_power_law() -> None:
    rows = [1_000, 10_000, 100_000, 1_000_000]
    fit = fit_exponent(rows, [0.002 * r**1.3 for r in rows])
    assert fit["exponent"] == pytest.approx(1.3)
    assert fit["coefficient"] == pytest.approx(0.002)
    assert fit["r2"] == pytest.approx(1.0)


def test_fit_exponent_two_points_and_noise() -> None:
    assert fit_exponent([100, 400], [1.0, 2.0])["exponent"] == pytest.approx(0.5)
    noisy = fit_exponent([1e3, 1e4, 1e5], [1.1, 9.0, 105.0])
    assert 0.9 < noisy["exponent"] < 1.1 and noisy["r2"] < 1


def test_fit_exponent_needs_two_row_counts() -> None:
    with pytest.raises(ValueError):
        fit_exponent([1000, 1000], [1.0, 2.0])


def test_summary_and_ratios() -> None:
    stats = summary([3.0, 1.0, 2.0])
    assert (stats["median"], stats["min"], stats["max"], stats["n"]) == (2.0, 1.0, 3.0, 3)
    assert stats["spread"] == pytest.approx(1.0)
    paired = ratio_summary([10.0, 20.0, 30.0], [1.0, 2.0, 3.0])
    assert paired["median"] == paired["min"] == paired["max"] == pytest.approx(10.0)
    assert ratio_summary([10.0, 30.0], [5.0])["median"] == pytest.approx(4.0)
    with pytest.raises(ValueError):
        ratio_summary([1.0], [0.0])
    with pytest.raises(ValueError):
        summary([])


# -- the sampler -----------------------------------------------------------------------------------

CHILD = """
import time
block = bytearray(64 * 1024 * 1024)
for i in range(0, len(block), 4096):
    block[i] = 1  # touch every page: resident, so in PSS
end = time.process_time() + 0.4
while time.process_time() < end:
    pass
time.sleep(0.2)
"""


def test_sampler_counts_a_child_process_memory_and_cpu() -> None:
    with measured(lambda: [os.getpid()], interval_s=0.05) as usage:
        subprocess.run([sys.executable, "-c", CHILD], check=True)
    result = usage[0]
    assert result.peak_pss_mb > 64  # the child's touched block, seen while it lived
    assert result.cpu_s >= 0.35  # the child's busy loop, handed to us when it was reaped
    assert result.wall_s >= 0.6 and result.samples >= 5


def test_process_tree_finds_descendants() -> None:
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(5)"])
    try:
        assert child.pid in process_tree([os.getpid()])
        assert process_tree([2**22 + 12345]) == []  # no such process: nothing
    finally:
        child.kill()
        child.wait()


# -- reports ---------------------------------------------------------------------------------------


def test_svg_is_well_formed_and_draws_every_point() -> None:
    svg = loglog_svg(
        {"load": [(1e4, 0.5), (1e5, 4.0)], "floor": [(2e4, 0.02)], "bad": [(0, 1.0)]},
        "t <&>",
        "rows",
        "seconds",
    )
    root = ET.fromstring(svg)
    ns = "{http://www.w3.org/2000/svg}"
    assert len(root.findall(f"{ns}polyline")) == 1  # only a series with two points is a line
    assert len(root.findall(f"{ns}circle")) == 3  # non-positive points are left out
    with pytest.raises(ValueError):
        loglog_svg({"empty": []}, "t", "x", "y")


def test_scaling_and_markdown_from_results() -> None:
    def stage(rows: int, wall: float) -> dict:
        return {
            "status": "measured",
            "note": "",
            "rows": rows,
            "wall_s": summary([wall]),
            "cpu_s": summary([wall]),
            "rows_per_cpu_s": rows / wall,
            "peak_pss_mb": 100.0,
        }

    scales = [
        {"name": str(n), "companies": n, "stages": {"load": stage(n * 10, n / 1000)}}
        | {"comparisons": {}, "suite_s": n / 100}
        for n in (1000, 10_000)
    ]
    fitted = scaling(scales)
    assert fitted["load"]["exponent"] == pytest.approx(1.0)
    text = markdown(
        {
            "date": "2026-01-01T00:00:00+00:00",
            "machine": {"cores": 2, "cpu_model": "x", "memory_gib": 1, "python": "3.11"},
            "load_average": [0.1, 0.2],
            "scales": scales,
            "scaling": fitted,
        }
    )
    assert "| load | 100,000 |" in text and "| load | 1.00 | 1.00 |" in text
    assert "the suite ran 1.7 min" in text  # 10,000 companies: 100 s


def test_parse_scale_and_error_lines() -> None:
    assert parse_scale("small").companies == 7_700
    assert parse_scale("large").companies == 100_000
    assert (parse_scale("signals10m").companies, parse_scale("signals10m").event_rate) == (
        77_000,
        2.65,
    )
    assert parse_scale("2_000").companies == 2000
    with pytest.raises(Exception, match="companies"):
        parse_scale("huge")
    output = "starting\nok\nDatabase Error in model x\nsyntax error\ndone"
    assert error_lines(output) == "Database Error in model x | syntax error"
    assert error_lines("a\nb\nc\nd") == "b | c | d"


# -- the naive scorer's rules ----------------------------------------------------------------------

WEIGHTS = {
    "demo_request": (100.0, True),
    "meeting_held": (80.0, True),
    "meeting_booked": (75.0, True),
    "email_reply": (60.0, True),
    "role_executive": (30.0, False),
    "movement_exit": (30.0, True),
}
CONFIDENCES = {"crm": 1.0, "vendor": 0.9, "inferred": 0.7}
DECAY = [(0, 7, 1.0), (8, 30, 0.85), (31, None, 0.5)]
RULES = ScoringVars(dedup_hours=72, daily_cap=300.0, unknown_weight=40.0)
AS_OF = date(2026, 3, 31)


def row(
    signal_type: str, at: datetime, value: float = 1, source: str = "crm", company: str = "c1"
) -> tuple:
    signal_id = f"s-{signal_type}-{at.isoformat()}"
    return ("ws", "p1", signal_type, source, value, at, signal_id, company)


def score(rows: list[tuple], exits: frozenset = frozenset()) -> float:
    window = timedelta(hours=72)
    return _score_contact(rows, WEIGHTS, CONFIDENCES, DECAY, set(exits), AS_OF, window, RULES)


def test_naive_dedup_window_counts_repeats_zero() -> None:
    day = datetime(2026, 2, 1, 9)
    # 71 h after the first: a repeat; 72 h after the repeat: counts again (old signals, 0.5)
    rows = [
        row("email_reply", day),
        row("email_reply", day + timedelta(hours=71)),
        row("email_reply", day + timedelta(hours=143)),
    ]
    assert score(rows) == pytest.approx((60 + 0 + 60) * 0.5)


def test_naive_daily_cap_in_time_order() -> None:
    day = datetime(2026, 3, 21, 8)  # age 10: decay 0.85
    decaying = [
        row("demo_request", day + timedelta(minutes=1)),
        row("meeting_held", day + timedelta(minutes=2)),
        row("meeting_booked", day + timedelta(minutes=3)),
        row("email_reply", day + timedelta(minutes=4)),
    ]
    role = row("role_executive", day + timedelta(minutes=5), source="vendor")  # 27, no decay
    # 100 + 80 + 75 = 255; the reply adds 45 of its 60; a standing role is not activity: it
    # neither meets the cap nor uses it, before or after
    assert score([*decaying, role]) == pytest.approx(300 * 0.85 + 27)
    early_role = row("role_executive", day, source="vendor")
    assert score([early_role, *decaying]) == pytest.approx(27 + 300 * 0.85)


def test_naive_standing_signal_counts_once_highest_value_no_decay() -> None:
    old = datetime(2025, 1, 1)
    rows = [
        row("role_executive", old, value=1),
        row("role_executive", old + timedelta(days=1), value=2),
        # an unknown type and source: the fallback weight 40 and the inferred confidence 0.7
        row("unknown_type", old + timedelta(days=2), source="unlisted"),
    ]
    assert score(rows) == pytest.approx(30 * 2 + 40 * 0.7 * 0.5)


def test_naive_exit_zeroes_the_old_account_but_not_the_exit() -> None:
    day = datetime(2026, 3, 30, 8)  # age 1: no decay
    rows = [
        row("email_reply", day, company="c1"),
        row("movement_exit", day + timedelta(hours=1), company="c1"),
        row("email_reply", day + timedelta(days=1), company="c2"),  # within 72 h: a repeat
        row("demo_request", day + timedelta(days=1), company="c2"),
    ]
    assert score(rows) == pytest.approx(60 + 30 + 100)
    assert score(rows, frozenset({("ws", "p1", "c1")})) == pytest.approx(30 + 100)


# -- against a built warehouse (skipped without one) -----------------------------------------------


@pytest.fixture(scope="module")
def warehouse(server_info: ConnectInfo) -> psycopg.Connection:
    conn = psycopg.connect(autocommit=True, **server_info.kwargs())  # type: ignore[arg-type]
    found = conn.execute(
        "select to_regclass('marts.contact_intent') is not null"
        " and to_regclass('core.fct_signals') is not null"
    ).fetchone()
    if not (found and found[0]):
        conn.close()
        pytest.skip("no built warehouse (marts.contact_intent) in this database")
    return conn


def _as_of(conn: psycopg.Connection) -> str:
    found = conn.execute("select max(as_of_date) from marts.contact_intent").fetchone()
    if not found or found[0] is None:
        pytest.skip("marts.contact_intent is empty")
    return found[0].isoformat()


def test_floor_query_agrees_with_the_mart(warehouse: psycopg.Connection) -> None:
    table = f"public.bench_test_floor_{os.getpid()}"
    try:
        contacts = run_floor(warehouse, _as_of(warehouse), ScoringVars.from_project(), table)
        assert contacts > 0
        agreement = check_agreement(warehouse, table)
        assert agreement["disagreeing"] == 0 and agreement["max_diff"] <= 0.01
        # and the check does fail loudly when a score is off
        warehouse.execute(f"update {table} set score = score + 1 where person_id in"
                          f" (select person_id from {table} limit 1)")  # fmt: skip
        with pytest.raises(ScoresDisagree):
            check_agreement(warehouse, table)
    finally:
        warehouse.execute(f"drop table if exists {table}")


def test_sort_bound_orders_every_scored_signal(warehouse: psycopg.Connection) -> None:
    """The bound reads every signal the floor scores: in the dedup's order, every signal but
    each contact's first of a type has an earlier one."""
    as_of = _as_of(warehouse)
    expected = warehouse.execute(
        "select count(*) - count(distinct (person_id, workspace_id, signal_type))"
        " from core.fct_signals where occurred_at < %s::date + 1 and person_id is not null",
        (as_of,),
    ).fetchone()
    assert expected is not None and expected[0] > 0
    assert run_sort_bound(warehouse, as_of) == expected[0]


def test_naive_scorer_agrees_on_a_sample(warehouse: psycopg.Connection, server_info) -> None:
    with psycopg.connect(**server_info.kwargs()) as conn:  # type: ignore[arg-type]
        run = naive_scores(conn, _as_of(warehouse), ScoringVars.from_project(), sample_every=5)
        agreement = naive_agreement(conn, run, sample_every=5)
    assert run.signals > 0 and agreement["disagreeing"] == 0


def test_settle_finds_the_tables_written_since_their_last_analyze(server_info) -> None:
    """The settle step vacuums only these tables: one just written is listed until analyzed."""
    table = f"public.bench_test_settle_{os.getpid()}"
    with psycopg.connect(autocommit=True, **server_info.kwargs()) as conn:  # type: ignore[arg-type]
        try:
            # written from another session that ends: its counts reach the statistics on exit
            # (and kept from autovacuum, which would otherwise analyze it at a moment of its own)
            with psycopg.connect(autocommit=True, **server_info.kwargs()) as writer:  # type: ignore[arg-type]
                writer.execute(
                    f"create table {table} with (autovacuum_enabled = false)"
                    " as select generate_series(1, 1000) as n"
                )
            deadline = time.monotonic() + 10  # the session ends on the server a moment later
            while table not in (listed := {row[0] for row in conn.execute(TABLES_WRITTEN_SQL)}):
                if time.monotonic() > deadline:
                    break
                time.sleep(0.1)
            assert table in listed
            conn.execute(f"vacuum (analyze) {table}")
            assert table not in {row[0] for row in conn.execute(TABLES_WRITTEN_SQL)}
        finally:
            conn.execute(f"drop table if exists {table}")


def test_delta_events_are_new_rows_in_the_feed_format(
    warehouse: psycopg.Connection, tmp_path: Path
) -> None:
    path = tmp_path / "delta.csv"
    rows = write_delta_events(warehouse, path, 0.05, 98765, "2026-03-31")  # a repetition never run
    header, *records = list(csv.reader(path.open(newline="")))
    assert header == list(ENGAGEMENT_COLUMNS)
    assert rows == len(records) > 0
    ids = [record[0] for record in records]
    taken = warehouse.execute(
        "select count(*) from raw.engagement_events where event_id = any(%s)", (ids,)
    ).fetchone()
    assert taken == (0,)  # fresh ids
    assert all("2026-03-24T" <= record[2] < "2026-04-01T" for record in records)


def test_earlier_daily_files_are_taken_out_before_a_full_build(
    warehouse: psycopg.Connection, server_info: ConnectInfo, tmp_path: Path
) -> None:
    """A daily file an earlier bench run loaded and staged is gone before the next full build:
    the raw rows, the staged rows and the batch, and nothing else."""
    counts_sql = (
        "select (select count(*) from raw.engagement_events),"
        " (select count(*) from staging.base_engagement__events),"
        " (select count(*) from raw.load_batches)"
    )
    before = warehouse.execute(counts_sql).fetchone()
    path = tmp_path / f"{DELTA_FILE_PREFIX}1.csv"
    assert write_delta_events(warehouse, path, 0.01, 98766, "2026-03-31") > 0
    env = database_env(server_info)
    revops("load", str(path), env=env, check=True)
    revops("dbt", "--", "run", "--select", "base_engagement__events", env=env, check=True)
    assert warehouse.execute(counts_sql).fetchone() != before
    ctx = SimpleNamespace(
        connect=lambda: psycopg.connect(autocommit=True, **server_info.kwargs()),
        home=tmp_path,
        data_dir=tmp_path / "generated",
    )
    _without_earlier_deltas(ctx)  # type: ignore[arg-type]
    assert warehouse.execute(counts_sql).fetchone() == before


def _run_stages_and_comparisons(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    stages: list[Stage],
    comparisons: list[Comparison],
) -> dict[str, dict]:
    """The runner's two passes, as `revops bench` makes them, over these stages and comparisons
    in place of the real ones (no database); returns the comparisons' results."""
    monkeypatch.setattr(runner, "STAGES", stages)
    monkeypatch.setattr(runner, "COMPARISONS", comparisons)
    ctx = SimpleNamespace(
        home=tmp_path,
        pgdata=tmp_path / "pgdata",
        data_dir=tmp_path / "generated",
        scale=SimpleNamespace(companies=1, event_rate=1.0),
        seed=1,
        repeat=1,
        stage_repeat=1,
    )
    done: dict[str, dict] = {}
    results = runner.run_stages(ctx, [], lambda text: None, done)  # type: ignore[arg-type]
    return runner.run_comparisons(ctx, [], results, lambda text: None, done)  # type: ignore[arg-type]


def test_a_comparison_runs_right_after_the_stage_whose_data_it_reads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The scoring comparisons must see the full build's data, not what a later stage (the
    daily files) adds: a comparison with `after` runs between its stage and the next."""
    order: list[str] = []

    def stage(name: str) -> Stage:
        return Stage(name, lambda ctx: order.append(name), lambda ctx: 1, needs_warehouse=False)

    def comparison(name: str, after: str | None) -> Comparison:
        return Comparison(name, lambda ctx, runs: order.append(name) or {}, after=after)

    out = _run_stages_and_comparisons(
        tmp_path,
        monkeypatch,
        [stage("full"), stage("daily")],
        [comparison("at_the_end", None), comparison("floor", "full")],
    )
    assert order == ["full", "floor", "daily", "at_the_end"]
    assert list(out) == ["at_the_end", "floor"]  # reported in COMPARISONS order, each once


def test_a_comparison_reads_the_runs_of_the_comparisons_before_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The row-by-row scorer's ratio against the floor needs the floor's runs: a comparison
    sees the stages measured and the comparisons run before it, not those after."""
    seen: dict[str, set[str]] = {}

    def stage(name: str) -> Stage:
        return Stage(name, lambda ctx: None, lambda ctx: 1, needs_warehouse=False)

    def comparison(name: str, after: str | None) -> Comparison:
        def run(ctx: object, runs: dict) -> dict:
            seen[name] = set(runs)
            return {"runs": [{"wall_s": 1.0, "cpu_s": 1.0, "peak_pss_mb": 1.0}]}

        return Comparison(name, run, after=after)

    _run_stages_and_comparisons(
        tmp_path,
        monkeypatch,
        [stage("full"), stage("daily")],
        [comparison("floor", "full"), comparison("naive", "full"), comparison("at_the_end", None)],
    )
    assert seen == {
        "floor": {"full"},
        "naive": {"full", "floor"},
        "at_the_end": {"full", "daily", "floor", "naive"},
    }


def test_included_scales_join_the_report_once(tmp_path):
    earlier = {
        "date": "2026-11-20T08:00:00+00:00",
        "scales": [
            {"name": "small", "companies": 10_000, "stages": {}, "comparisons": {}},
            {"name": "large", "companies": 100_000, "stages": {}, "comparisons": {}},
        ],
    }
    path = tmp_path / "results.json"
    path.write_text(json.dumps(earlier))
    # a scale measured again in this run is not taken from the earlier file
    scales = included_scales([path, path], replaced={"large"})
    assert [(s["name"], s["date"]) for s in scales] == [("small", "2026-11-20T08:00:00+00:00")]


# -- the recurring runs (day_n, month_n) -----------------------------------------------------------


def _node(name: str, path: str, seconds: float, kind: str = "model") -> dict:
    return {"name": name, "path": path, "resource_type": kind, "seconds": seconds}


def test_a_runs_time_is_split_by_stage_and_part() -> None:
    last_run = {
        "stages": [
            {"name": "dbt build (staging and job inputs)", "seconds": 20.0},
            {"name": "talent-flow snapshots", "seconds": 9.0},
            {"name": "dbt build (golden records and marts)", "seconds": 30.0},
        ],
        "nodes": [
            _node("base_vendor__people_snapshots", "staging/vendor/base/base_v.sql", 12.0),
            _node("stg_vendor__people_snapshots", "staging/vendor/stg_v.sql", 0.1),
            _node("int_people_snapshot_input", "core/talent_flow/int_people_snapshot_input.sql", 3),
            _node("people_snapshot", "_talent_flow__snapshots.yml", 5.0, "snapshot"),
            _node("fct_movements", "core/talent_flow/fct_movements.sql", 2.0),
            _node("talent_flow_feed", "marts/talent_flow/talent_flow_feed.sql", 1.0),
            _node("int_contact_scores", "core/scoring/int_contact_scores.sql", 7.0),
            _node("contact_intent", "marts/revops/contact_intent.sql", 0.5),
            _node("unique_x", "unique_x.sql", 4.0, "test"),
            _node("dim_person", "core/matching/dim_person.sql", 1.5),
        ],
    }
    parts = breakdown(last_run)
    assert parts["steps_s"] == {"inputs": 20.0, "snapshots": 9.0, "outputs": 30.0}
    assert parts["models_s"] == {
        "staging_base": 12.0,
        "snapshot": 8.0,  # the input and the snapshot: the monthly delivery's own step
        "movements": 3.0,
        "scores": 7.5,
        "tests": 4.0,
        "other": 1.6,
    }
    assert [name for name, _ in parts["slowest_models"]][:3] == [
        "base_vendor__people_snapshots",
        "int_contact_scores",
        "people_snapshot",
    ]
    assert model_group(_node("t", "core/scoring/t.sql", 1, "unit_test")) == "tests"


def test_the_recurring_stages_come_last_and_feed_nothing() -> None:
    """They change the data (new days, deliveries): after every stage that others compare,
    and never run as another stage's prerequisite."""
    names = [stage.name for stage in STAGES]
    assert names[-2:] == ["day_n", "month_n"]
    assert names.index("scoring_incremental") < names.index("day_n")
    for stage in STAGES[-2:]:
        assert not stage.feeds_later and stage.series_limit is not None
    assert (STAGES[-2].target_s, STAGES[-1].target_s) == (90, 180)
    assert STAGES[-1].series_rows == "changed_people"


def test_a_series_runs_each_count_fits_the_exponent_and_flags_a_steep_step(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After its repetitions an incremental stage runs once per --new-rows count its scale
    allows (its setup reads the count), and a part whose time grows faster than rows^1.2 is
    flagged: here a step quadratic in new rows beside a linear one."""
    asked: list[int | None] = []

    def setup(ctx: SimpleNamespace) -> None:
        asked.append(ctx.facts.pop("series_rows", None))
        ctx.facts["rows"] = asked[-1] or 50

    def run(ctx: SimpleNamespace) -> dict:
        rows = ctx.facts["rows"]
        return {"new_rows": rows, "steps_s": {"load": rows / 1e3, "match": (rows / 1e3) ** 2}}

    stage = Stage(
        "daily",
        run,
        lambda ctx: ctx.facts["rows"],
        setup=setup,
        needs_warehouse=False,
        series_limit=lambda ctx: 5_000,
        target_s=90.0,
    )
    monkeypatch.setattr(runner, "STAGES", [stage])
    monkeypatch.setattr(runner, "COMPARISONS", [])
    said: list[str] = []
    ctx = SimpleNamespace(
        home=tmp_path,
        pgdata=tmp_path / "pgdata",
        data_dir=tmp_path / "generated",
        scale=SimpleNamespace(name="large", companies=1, event_rate=1.0),
        seed=1,
        repeat=1,
        stage_repeat=1,
        series=(100, 1_000, 10_000),
        facts={},
    )
    [result] = runner.run_stages(ctx, [], said.append, {})  # type: ignore[arg-type]
    assert asked == [None, 100, 1_000]  # the repetition, then the counts this scale allows
    entry = result.as_dict()
    assert [point.get("new_rows") for point in entry["series"]] == [100, 1_000, None]
    assert "skipped" in entry["series"][2]
    fits = entry["series_fits"]
    assert fits["steps.load"]["exponent"] == pytest.approx(1.0)
    assert fits["steps.match"]["exponent"] == pytest.approx(2.0)
    # (the wall time of these near-empty runs is noise: only the parts are checked)
    flagged = [flag for flag in entry["flags"] if not flag.startswith("wall")]
    assert flagged == ["steps.match 2.00"]
    assert any("FLAG steps.match" in line for line in said)
    assert any("target < 90 s: met" in line for line in said)  # at a large scale


def test_the_report_shows_targets_breakdowns_and_flags() -> None:
    def recurring(wall: float) -> dict:
        run = {
            "wall_s": wall,
            "cpu_s": wall,
            "peak_pss_mb": 1.0,
            "steps_s": {"load": 1.0, "inputs": wall - 1},
            "models_s": {"staging_base": 2.0, "scores": 3.0},
            "slowest_models": [["base_engagement__events", 2.0]],
        }
        return {
            "status": "measured",
            "note": "",
            "rows": 1000,
            "wall_s": summary([wall]),
            "cpu_s": summary([wall]),
            "rows_per_cpu_s": 1.0,
            "peak_pss_mb": 1.0,
            "runs": [run],
            "target_s": 90.0,
            "series": [{**run, "new_rows": 1000}, {"wanted": 10_000, "skipped": "too many"}],
            "series_rows": "new_rows",
            "series_fits": {"wall": {"exponent": 1.31}},
            "flags": ["wall 1.31"],
        }

    def results(scale: str, wall: float) -> dict:
        return {
            "date": "2026-01-01T00:00:00+00:00",
            "machine": {"cores": 2, "cpu_model": "x", "memory_gib": 1, "python": "3.11"},
            "load_average": [0.1, 0.2],
            "scales": [
                {"name": scale, "companies": 1, "stages": {"day_n": recurring(wall)}}
                | {"comparisons": {}}
            ],
            "scaling": {},
        }

    large = markdown(results("large", 120.0))
    assert "target < 90 s: MISSED" in large
    assert "| day_n | 1 | 119 |" in large  # load, then the run's stages
    assert "base_engagement__events 2" in large
    assert "1,000 -> 120, 10,000: skipped (too many) | 1.31 | **wall 1.31** |" in large
    small = markdown(results("small", 12.0))
    assert "target < 90 s at large / signals10m" in small and "MISSED" not in small


def test_the_next_delivery_changes_the_jobs_of_the_people_asked(
    warehouse: psycopg.Connection, tmp_path: Path
) -> None:
    """Every row of the last delivery again, dated the new day; exactly `changed` people
    differ in title, seniority, department or employer; the rest are as they were."""
    path = tmp_path / "people-1.csv"
    last = warehouse.execute(
        "select max(snapshot_date) from raw.vendor_people_snapshots"
        " where snapshot_date ~ '^\\d{4}-\\d{2}-\\d{2}$'"
    ).fetchone()[0]
    before = warehouse.execute(
        "select vendor_person_id, title, seniority, department, company_name, company_domain"
        " from raw.vendor_people_snapshots where snapshot_date = %s",
        (last,),
    ).fetchall()
    rows, changed = write_next_delivery(warehouse, path, 40, 1, date(2031, 1, 2))
    assert (rows, changed) == (len(before), 40)
    header, *records = list(csv.reader(path.open(newline="")))
    assert header[:2] == ["vendor_person_id", "snapshot_date"] and len(records) == rows
    assert {record[1] for record in records} == {"2031-01-02"}
    columns = [header.index(c) for c in ("title", "seniority", "department", "company_name")]
    old = {row[0]: row[1:5] for row in before if row[0]}
    moved = {
        record[0]
        for record in records
        if record[0] in old and tuple(record[i] or None for i in columns) != tuple(old[record[0]])
    }
    assert len(moved) == 40
