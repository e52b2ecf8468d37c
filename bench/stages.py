"""The stage registry: what the benchmark times, in pipeline order.

A stage is a name, a `run` (the timed part), a `rows` count (what it processed, read after the
run), and optionally an untimed `setup` before each repetition, a `check` after the last one,
and a `missing` test saying why it cannot run here. A new job adds its stage when it lands, for
example:

    def _embed(ctx: BenchContext) -> dict | None:
        ctx.revops("embed")
        return None

    STAGES.append(Stage("embeddings", _embed, rows=lambda ctx: ctx.scalar(
        "select count(*) from embeddings.vectors")))

Commands run as subprocesses (`revops ...`), the way a user runs them, so the measured process
tree is the command plus the database server, and dbt's start-up is part of a build's time
(run_results' elapsed time, without it, is kept too as `dbt_elapsed_s`).
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench import recurring
from bench.context import MONTHS, SCORING_SELECTION, BenchContext, StageFailed
from bench.scoring import fingerprint, write_delta_events
from python_jobs.pipeline import service as pipeline

DELTA_SHARE = 0.01  # the incremental build's new events, as a share of the loaded ones

Extras = dict[str, Any] | None  # per-run facts a stage reports beside its timing


def _nothing(ctx: BenchContext) -> None:
    return None


def _always_there() -> str | None:
    return None


@dataclass(frozen=True)
class Stage:
    name: str
    run: Callable[[BenchContext], Extras]
    rows: Callable[[BenchContext], int]
    description: str = ""
    setup: Callable[[BenchContext], None] = _nothing
    check: Callable[[BenchContext], Extras] = _nothing
    missing: Callable[[], str | None] = _always_there
    repeatable: bool = True  # False: the work cannot be redone as is (a load, a generation)
    cached: bool = False  # True: its output and timing survive between runs (generated files)
    needs_warehouse: bool = True  # False: runs before the database exists (or makes it)
    # the untimed way to produce its output when it only runs for a later stage (no tests)
    prerequisite: Callable[[BenchContext], Extras] | None = None
    feeds_later: bool = True  # False: no later stage reads its output (never a prerequisite)
    # True: a comparison's ratio reads its runs, so it repeats like the comparisons (--repeat);
    # the other stages run --stage-repeat times (long steps nothing is compared with)
    compared: bool = False
    # incremental stages: the most new rows this scale allows; the stage then runs once more
    # per --new-rows count (its setup reads ctx.facts["series_rows"]) and the exponent in new
    # rows is fitted; `series_rows` names the run's figure that counts them
    series_limit: Callable[[BenchContext], int] | None = None
    series_rows: str = "new_rows"
    target_s: float | None = None  # the target at the large scales (recurring.TARGET_SCALES)


def _dbt_extras(ctx: BenchContext) -> Extras:
    return {
        "dbt_elapsed_s": ctx.facts.pop("last_dbt_elapsed_s", None),
        "model_s": ctx.facts.pop("last_dbt_model_s", None),
    }


def _count(ctx: BenchContext, *tables: str) -> int:
    return sum(int(ctx.scalar(f"select count(*) from {table}")) for table in tables)


# -- generate and load ---------------------------------------------------------------------------


def _generate(ctx: BenchContext) -> Extras:
    """Generate into a scratch folder, then move it in place: a killed run leaves no half set."""
    scratch = ctx.data_dir.with_name(ctx.data_dir.name + ".partial")
    shutil.rmtree(scratch, ignore_errors=True)
    ctx.revops(
        "generate",
        "--companies",
        str(ctx.scale.companies),
        "--seed",
        str(ctx.seed),
        "--months",
        str(MONTHS),
        "--event-rate",
        str(ctx.scale.event_rate),
        "--out",
        str(scratch),
        "-q",
    )
    shutil.rmtree(ctx.data_dir, ignore_errors=True)
    scratch.rename(ctx.data_dir)
    return None


def _generated_rows(ctx: BenchContext) -> int:
    return sum(entry["rows"] for entry in ctx.manifest["files"].values())


def _fresh_database(ctx: BenchContext) -> None:
    """A load starts from an empty database (the server's start is not part of the load)."""
    ctx.reset_database()
    shutil.rmtree(_deltas_folder(ctx), ignore_errors=True)
    ctx.facts.pop("seeded", None)
    ctx.info  # noqa: B018  (starts the server)


def _load(ctx: BenchContext) -> Extras:
    ctx.revops("load", str(ctx.data_dir / "raw"))
    return None


# -- dbt builds and the matching job ---------------------------------------------------------


def _seed(ctx: BenchContext) -> None:
    """The seeds, once per database: configuration, not what the staging build is timed for."""
    if not ctx.facts.get("seeded"):
        ctx.dbt("seed")
        ctx.facts["seeded"] = True


def _staging(ctx: BenchContext) -> Extras:
    # the staging models that read the matching job's output wait for the job
    # cautious: a test that also reads a core model (a relationship) waits for that model
    ctx.dbt(
        "build",
        "--select",
        "staging",
        "--exclude",
        "source:matching+",
        "--indirect-selection",
        "cautious",
    )
    return _dbt_extras(ctx)


def _staging_without_tests(ctx: BenchContext) -> Extras:
    ctx.dbt("run", "--select", "staging", "--exclude", "source:matching+")
    return None


def _job_inputs(ctx: BenchContext) -> Extras:
    ctx.dbt("run", "--exclude", "source:matching+", "staging")
    return _dbt_extras(ctx)


def _match(ctx: BenchContext) -> Extras:
    """`revops match --full`: every run re-matches everything, so repetitions do equal work."""
    ctx.revops("match", "--full")
    return None


def _golden_records(ctx: BenchContext) -> Extras:
    """What scoring reads from the job's output (resolved records, dims, the talent-flow models
    scores use); the snapshot is the talent-flow stage's, as in `revops run`."""
    ctx.dbt(
        "build",
        "--resource-type",
        "model",
        "--select",
        "source:matching+,+account_intent",
        "--exclude",
        *SCORING_SELECTION,
        *_snapshot_models(),
    )
    return _dbt_extras(ctx)


def _snapshot_models() -> list[str]:
    return list(pipeline.TALENT_FLOW_SNAPSHOT)


def _snapshot(ctx: BenchContext, delivery: str) -> None:
    """The pipeline's step per people delivery: the snapshot's input (and its guards), then the
    snapshot, dated by the delivery."""
    ctx.dbt(*pipeline.TALENT_FLOW_REPLAY, extra_vars={"talent_flow_snapshot_date": delivery})


def _pending_deliveries(ctx: BenchContext) -> list[str]:
    with ctx.connect() as conn:
        return [day.isoformat() for day in pipeline.pending_people_deliveries(conn)]


def _snapshot_history(ctx: BenchContext, until: str | None = None) -> None:
    """`revops snapshot`: the snapshot's inputs, then the pending deliveries (up to `until`)
    on one parse of the project, as `revops run` replays them."""
    ctx.revops("snapshot", *(["--until", until] if until else []))
    ctx.forget_parse()


def _next_delivery(ctx: BenchContext) -> None:
    """Untimed: the first time, the snapshot's inputs and every delivery but the last few
    (the history); then each repetition takes the next delivery, as the monthly run does."""
    if "deliveries_left" not in ctx.facts:
        pending = _pending_deliveries(ctx)
        keep = min(ctx.stage_repeat, max(len(pending) - 1, 0))
        history = pending[: len(pending) - keep]
        if history:
            _snapshot_history(ctx, until=history[-1])
        ctx.facts["deliveries_left"] = pending[len(pending) - keep :]
    left = ctx.facts["deliveries_left"]
    if not left:
        raise StageFailed("no people delivery left to snapshot")
    ctx.facts["delivery"] = left.pop(0)
    ctx.parse({"talent_flow_snapshot_date": ctx.facts["delivery"]})


def _talent_flow(ctx: BenchContext) -> Extras:
    _snapshot(ctx, ctx.facts["delivery"])
    return {**(_dbt_extras(ctx) or {}), "delivery": ctx.facts["delivery"]}


def _all_deliveries(ctx: BenchContext) -> Extras:
    """As a prerequisite: every pending delivery, oldest first."""
    _snapshot_history(ctx)
    return None


def _talent_flow_rows(ctx: BenchContext) -> int:
    """People in the delivery."""
    path = f"raw/vendor_people_snapshots/{ctx.facts['delivery']}.csv"
    return int(ctx.manifest["files"].get(path, {}).get("rows", 0))


# -- scoring ------------------------------------------------------------------------------------


# the daily files the bench writes (_load_delta) are named events-1.csv, events-2.csv, ...;
# the generated feed's files are named by month
DELTA_FILE_PREFIX = "events-"


def _deltas_folder(ctx: BenchContext) -> Path:
    return ctx.home / "deltas" / ctx.data_dir.name


def _without_earlier_deltas(ctx: BenchContext) -> None:
    """Untimed: the daily files an earlier run of the bench loaded into this database are taken
    out (their raw rows, staged rows and batches), so every run's full build scores the
    generated data alone: the same signals, whatever ran on this database before."""
    with ctx.connect() as conn:
        batches = [
            batch
            for (batch,) in conn.execute(
                "select load_batch_id from raw.load_batches"
                " where kind = 'engagement_events' and file_name like %s",
                [DELTA_FILE_PREFIX + "%.csv"],
            )
        ]
        if batches:
            for table in (
                "staging.base_engagement__events",
                "raw.engagement_events",
                "raw.load_batches",
            ):
                conn.execute(f"delete from {table} where load_batch_id = any(%s)", [batches])
                conn.execute(f"vacuum analyze {table}")
    shutil.rmtree(_deltas_folder(ctx), ignore_errors=True)


def _scoring_full(ctx: BenchContext) -> Extras:
    ctx.dbt("run", "--select", *SCORING_SELECTION, "--full-refresh")
    return _dbt_extras(ctx)


def _load_delta(ctx: BenchContext) -> int:
    """A new file of ~1% more events, loaded the way any feed file is; its numbering follows
    the files already made for this database, so every file's event ids are new."""
    folder = _deltas_folder(ctx)
    number = len(list(folder.glob(f"{DELTA_FILE_PREFIX}*.csv"))) + 1 if folder.exists() else 1
    path = folder / f"{DELTA_FILE_PREFIX}{number}.csv"
    with ctx.connect() as conn:
        rows = write_delta_events(conn, path, DELTA_SHARE, number, ctx.as_of)
    ctx.revops("load", str(path))
    return rows


def _stage_delta(ctx: BenchContext) -> None:
    """A new file of events, loaded and staged (the events' base table, incremental too): what
    a daily run scores. Staging is not part of the scoring build, full or daily, so it is timed
    apart (events_staging_s: dbt's own elapsed seconds, as dbt_elapsed_s is)."""
    ctx.facts["delta_rows"] = _load_delta(ctx)
    ctx.dbt("run", "--select", "base_engagement__events")
    ctx.facts["events_staging_s"] = ctx.facts.pop("last_dbt_elapsed_s", None)


def _append_events(ctx: BenchContext) -> None:
    """Untimed: the first time, prime the incremental models with one daily run; then each
    repetition's new file. Every run, the priming one too, is the next day's: signals cross
    decay boundaries as they would."""
    if "primed" not in ctx.facts:
        _stage_delta(ctx)
        ctx.next_day()
        _scoring_incremental(ctx)  # its dbt figures are read, and dropped, by its extras
        ctx.facts["primed"] = True
    _stage_delta(ctx)
    ctx.next_day()
    ctx.parse()  # the new day's vars: dbt parses again when they change


def _scoring_incremental(ctx: BenchContext) -> Extras:
    ctx.dbt("run", "--select", *SCORING_SELECTION)
    return {**(_dbt_extras(ctx) or {}), "events_staging_s": ctx.facts.get("events_staging_s")}


def _incremental_equals_full(ctx: BenchContext) -> Extras:
    """The mart after the incremental builds must equal a full refresh of the same data."""
    with ctx.connect() as conn:
        incremental = fingerprint(conn)
    ctx.dbt("run", "--select", *SCORING_SELECTION, "--full-refresh")
    with ctx.connect() as conn:
        full = fingerprint(conn)
    if incremental != full:
        raise StageFailed(
            f"marts.contact_intent after the incremental build ({incremental[0]:,} rows,"
            f" md5 {incremental[1]}) differs from a full refresh ({full[0]:,} rows, md5 {full[1]})"
        )
    return {"contact_intent_rows": full[0], "contact_intent_md5": full[1], "equal": True}


STAGES: list[Stage] = [
    Stage(
        "generate",
        _generate,
        _generated_rows,
        "revops generate (files written; cached per scale under REVOPS_HOME/generated)",
        repeatable=False,
        cached=True,
        needs_warehouse=False,
    ),
    Stage(
        "load",
        _load,
        lambda ctx: ctx.raw_rows(),
        "revops load of every raw file into an empty database (COPY)",
        setup=_fresh_database,
        repeatable=False,
        needs_warehouse=False,
    ),
    Stage(
        "staging",
        _staging,
        lambda ctx: ctx.raw_rows(),
        "dbt build --select staging (base tables, views and their tests)",
        setup=_seed,
        prerequisite=_staging_without_tests,
    ),
    Stage(
        "job_inputs",
        _job_inputs,
        lambda ctx: ctx.raw_rows(),
        "dbt run of the core models the matching job reads (not downstream of it)",
    ),
    Stage(
        "matching",
        _match,
        lambda ctx: _count(ctx, "core.int_company_records", "core.int_person_records"),
        "revops match --full (company and person records into golden ids)",
        compared=True,
    ),
    Stage(
        "talent_flow",
        _talent_flow,
        _talent_flow_rows,
        "the talent-flow snapshot of the next monthly people delivery (rows: its people)",
        setup=_next_delivery,
        prerequisite=_all_deliveries,
    ),
    Stage(
        "golden_records",
        _golden_records,
        lambda ctx: _count(ctx, "core.dim_company", "core.dim_person"),
        "dbt build of what scoring reads from the job's output (resolved records, dims)",
    ),
    Stage(
        "scoring_full",
        _scoring_full,
        lambda ctx: _count(ctx, "core.fct_signals"),
        "dbt run --full-refresh of the scoring models and intent marts (rows: signals)",
        setup=_without_earlier_deltas,
        compared=True,
    ),
    Stage(
        "scoring_incremental",
        _scoring_incremental,
        lambda ctx: int(ctx.facts.get("delta_rows", 0)),
        "1% new events loaded and staged (untimed), then an incremental dbt run"
        " of the same models (rows: new events)",
        setup=_append_events,
        check=_incremental_equals_full,
        feeds_later=False,
        compared=True,
    ),
    Stage(
        "day_n",
        recurring.load_and_run,
        recurring.new_rows,
        "one more day: ~1% new events, revops load, then revops run as of the next day"
        " (rows: new events)",
        setup=recurring.day_setup,
        check=recurring.day_check,
        feeds_later=False,
        series_limit=recurring.day_series_limit,
        target_s=recurring.DAY_TARGET_S,
    ),
    Stage(
        "month_n",
        recurring.load_and_run,
        recurring.new_rows,
        "a new people delivery, ~3% of its people changed: revops load, then revops run as of"
        " its day (rows: its people; series: people changed)",
        setup=recurring.month_setup,
        check=recurring.month_check,
        feeds_later=False,
        series_limit=recurring.month_series_limit,
        series_rows="changed_people",
        target_s=recurring.MONTH_TARGET_S,
    ),
]
