"""`revops run`: the main job, end to end.

Stages, in order (a later capability adds its stage to STAGES):
  1. generate synthetic data when nothing is loaded yet (the demo and CI path),
  2. load every generated file (a file already loaded is a no-op),
  3. dbt build of staging and of the models the Python jobs read,
  4. the Python jobs (entity matching),
  5. the talent-flow snapshot, replayed once per new people delivery,
  6. dbt build of everything downstream of the jobs' outputs (golden records, scores, marts),
then a summary read back from the marts.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import psycopg

from python_jobs.errors import UserError
from python_jobs.generate.cli import check_generate_options
from python_jobs.generate.service import GenerateParams, default_folder, generate
from python_jobs.load.cli import expand_paths
from python_jobs.load.service import ensure_raw_schema, load_file, load_ground_truth
from python_jobs.settings import Settings
from python_jobs.warehouse.connection import ConnectInfo, connect, connect_info
from python_jobs.warehouse.dbt_runner import NodeEvent, build_or_fail, parse_project
from python_jobs.warehouse.run_lock import build_lock, holds_build_lock


@dataclass(frozen=True)
class RunOptions:
    companies: int = 1000
    seed: int = 42
    months: int = 12
    full_refresh: bool = False
    as_of: date | None = None  # the day scores are built for (dbt var as_of); None: today, UTC

    def dbt_vars(self) -> dict[str, str]:
        """The vars every dbt command of the run passes: one set for the whole run, so dbt
        parses the project at most once (a change of --vars makes it parse everything)."""
        return {"as_of": self.as_of.isoformat()} if self.as_of else {}


class Reporter:
    """What the pipeline tells the user; the CLI supplies a rich implementation. `stage` marks
    where one stage ends and the next starts (the CLI times them); `node` hears every dbt node
    start and end, from dbt's worker threads."""

    def stage(self, name: str) -> None: ...

    def note(self, text: str) -> None: ...

    def progress(self, task: str, done: int, total: int) -> None: ...

    def node(self, event: NodeEvent) -> None: ...


@dataclass
class RunContext:
    settings: Settings
    options: RunOptions
    info: ConnectInfo
    reporter: Reporter


def generated_folder(settings: Settings, options: RunOptions) -> Path:
    return default_folder(settings.generated_dir, options.companies, options.seed)


def stage_generate_and_load(ctx: RunContext) -> None:
    folder = generated_folder(ctx.settings, ctx.options)
    with connect(ctx.info) as conn:
        ensure_raw_schema(conn)
        nothing_loaded = _loaded_batches(conn, ctx.settings.workspace_id) == 0
        if nothing_loaded and not (folder / "manifest.json").exists():
            ctx.reporter.stage(
                f"generate {ctx.options.companies:,} companies (seed {ctx.options.seed})"
            )
            params = GenerateParams(
                companies=ctx.options.companies, seed=ctx.options.seed, months=ctx.options.months
            )
            generate(
                params, folder, lambda task, done, total: ctx.reporter.progress(task, done, total)
            )
        if not (folder / "manifest.json").exists():
            ctx.reporter.note("raw data already loaded; nothing generated")
            return
        ctx.reporter.stage(f"load {folder.name}")
        files = expand_paths([folder / "raw"])
        new_rows = 0
        for index, path in enumerate(files, start=1):
            result = load_file(conn, path, ctx.settings.workspace_id)
            new_rows += result.rows_loaded
            ctx.reporter.progress("load", index, len(files))
        load_ground_truth(conn, folder / "ground_truth", ctx.settings.workspace_id)
        ctx.reporter.note(f"{new_rows:,} new raw rows" if new_rows else "no new files to load")


# Models downstream of what the Python jobs write are built after the jobs run.
JOB_OUTPUT_SELECTOR = "source:matching+"


def _dbt_build(ctx: RunContext, label: str, selection: list[str]) -> None:
    ctx.reporter.stage(label)
    args = ["build", *selection, *_vars_args(ctx.options.dbt_vars())]
    if ctx.options.full_refresh:
        args.append("--full-refresh")
    build_or_fail(
        ctx.settings,
        ctx.info,
        args,
        quiet=True,
        on_progress=lambda done, total, _name: ctx.reporter.progress(label, done, total),
        on_node=ctx.reporter.node,
    )


def _vars_args(variables: dict[str, str]) -> list[str]:
    return ["--vars", json.dumps(variables)] if variables else []


def stage_dbt_build_inputs(ctx: RunContext) -> None:
    """Seeds, staging and everything the Python jobs read."""
    _dbt_build(ctx, "dbt build (staging and job inputs)", ["--exclude", JOB_OUTPUT_SELECTOR])


def stage_match(ctx: RunContext) -> None:
    from python_jobs.match.service import run_matching

    ctx.reporter.stage("match companies and people")
    result = run_matching(ctx.settings, ctx.info)
    ctx.reporter.note(result.summary_line())


# The talent-flow snapshot (snapshots/_talent_flow__snapshots.yml) and its input model: rebuilt
# once per people delivery, in date order, so each version is dated by its delivery.
TALENT_FLOW_SNAPSHOT = ["int_people_snapshot_input", "people_snapshot"]
# one delivery's replay, without its date (--vars talent_flow_snapshot_date)
TALENT_FLOW_REPLAY = [
    "build",
    "--select",
    *TALENT_FLOW_SNAPSHOT,
    "--exclude-resource-type",
    "unit_test",
]


def pending_people_deliveries(conn: psycopg.Connection) -> list[date]:
    """People-delivery dates (any workspace) newer than the snapshot's newest version, oldest
    first; every delivery when the snapshot does not exist yet."""
    newest_sql = (
        "null"
        if _missing_relation(conn, "snapshots.people_snapshot")
        else "(select max(dbt_valid_from) from snapshots.people_snapshot)"
    )
    rows = conn.execute(
        "select distinct snapshot_date from staging.stg_vendor__people_snapshots"
        f" where snapshot_date > coalesce({newest_sql}, '-infinity'::timestamp)"
        " order by snapshot_date"
    ).fetchall()
    return [row[0] for row in rows]


def stage_talent_flow_snapshots(ctx: RunContext) -> None:
    """Every people delivery the talent-flow snapshot has not taken yet (see snapshot_people)."""
    label = "talent-flow snapshots"
    ctx.reporter.stage(label)
    taken = snapshot_people(
        ctx.settings,
        ctx.info,
        on_delivery=lambda index, total: ctx.reporter.progress(label, index, total),
        on_node=ctx.reporter.node,
        variables=ctx.options.dbt_vars(),
    )
    ctx.reporter.note(describe_snapshotted(taken))


def describe_snapshotted(taken: list[date]) -> str:
    if not taken:
        return "no new people deliveries to snapshot"
    return f"{len(taken)} people deliveries snapshotted ({taken[0]} to {taken[-1]})"


@holds_build_lock
def snapshot_people(
    settings: Settings,
    info: ConnectInfo,
    until: date | None = None,
    on_delivery: Callable[[int, int], None] | None = None,
    on_node: Callable[[NodeEvent], None] | None = None,
    variables: dict[str, str] | None = None,
) -> list[date]:
    """Replay every people delivery the talent-flow snapshot has not taken yet (up to `until`),
    oldest first: one `dbt build` of the snapshot's input and the snapshot per delivery, with
    the delivery's date as var talent_flow_snapshot_date. The input's tests run first: a
    truncated delivery or an out-of-order replay fails the build, skips the snapshot and stops.
    The project is parsed once for the series: a new --vars value would otherwise make dbt
    parse everything again for every delivery. `variables`: the run's other vars (as_of), on
    every command. Returns the deliveries taken."""
    variables = variables or {}
    # what the input reads downstream of the matching job (golden ids, dim_company); their
    # tests run with the outputs
    build_or_fail(
        settings,
        info,
        [
            "run",
            "--select",
            "+int_people_snapshot_input,source:matching+",
            "--exclude",
            "int_people_snapshot_input",
            *_vars_args(variables),
        ],
        quiet=True,
        on_node=on_node,
    )
    with connect(info) as conn:
        pending = pending_people_deliveries(conn)
        snapshot_missing = _missing_relation(conn, "snapshots.people_snapshot")
    if not pending and snapshot_missing:
        # no people delivery at all yet: an empty snapshot, so the models reading it build
        build_or_fail(settings, info, [*TALENT_FLOW_REPLAY, *_vars_args(variables)], quiet=True)
    pending = [day for day in pending if until is None or day <= until]
    manifest = parse_project(settings, info, variables) if pending else None
    for index, day in enumerate(pending, start=1):
        dated = [
            *TALENT_FLOW_REPLAY,
            *_vars_args({**variables, "talent_flow_snapshot_date": str(day)}),
        ]
        build_or_fail(settings, info, dated, quiet=True, manifest=manifest, on_node=on_node)
        if on_delivery:
            on_delivery(index, len(pending))
    return pending


def stage_dbt_build_outputs(ctx: RunContext) -> None:
    """Golden records, scores and marts: everything built on the jobs' outputs (the snapshot
    is the talent-flow stage's: built here it would stamp the latest delivery with today)."""
    _dbt_build(
        ctx,
        "dbt build (golden records and marts)",
        ["--select", JOB_OUTPUT_SELECTOR, "--exclude", *TALENT_FLOW_SNAPSHOT],
    )


STAGES: list[Callable[[RunContext], None]] = [
    stage_generate_and_load,
    stage_dbt_build_inputs,
    stage_match,
    stage_talent_flow_snapshots,
    stage_dbt_build_outputs,
]


def run_pipeline(settings: Settings, options: RunOptions, reporter: Reporter) -> ConnectInfo:
    check_generate_options(options.companies, options.seed, options.months)
    info = connect_info(settings)
    ctx = RunContext(settings, options, info, reporter)
    with build_lock(settings, info):
        check_as_of_moves_forward(info, options.as_of)
        for stage in STAGES:
            stage(ctx)
    return info


def check_as_of_moves_forward(info: ConnectInfo, as_of: date | None) -> None:
    """A run continues the daily state (incremental scores, the trigger log): a day before the
    one it last scored would add back-dated triggers. A past day is a replay."""
    if as_of is None:
        return
    with connect(info) as conn:
        if _missing_relation(conn, "core.int_contact_scores"):
            return
        row = conn.execute(
            "select as_of_date from core.int_contact_scores order by scored_at desc limit 1"
        ).fetchone()
    if row and row[0] and as_of < row[0]:
        raise UserError(
            f"--as-of {as_of} is before {row[0]}, the day the scores were last built for:"
            f" a past day is `revops replay --as-of {as_of}`"
        )


def _missing_relation(conn: psycopg.Connection, relation: str) -> bool:
    row = conn.execute("select to_regclass(%s)", (relation,)).fetchone()
    return row is None or row[0] is None


def _loaded_batches(conn: psycopg.Connection, workspace_id: str) -> int:
    row = conn.execute(
        "select count(*) from raw.load_batches where workspace_id = %s and status = 'loaded'",
        (workspace_id,),
    ).fetchone()
    return int(row[0]) if row else 0
