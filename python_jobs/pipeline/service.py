"""`revops run`: the main job, end to end.

Stages, in order (a later capability adds its stage to STAGES):
  1. generate synthetic data when nothing is loaded yet (the demo and CI path),
  2. load every generated file (a file already loaded is a no-op),
  3. dbt build (seeds, models, snapshots, tests),
  4. the Python jobs,
then a summary read back from the marts.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import psycopg

from python_jobs.generate.service import GenerateParams, generate
from python_jobs.load.cli import expand_paths
from python_jobs.load.service import ensure_raw_schema, load_file, load_ground_truth
from python_jobs.settings import Settings
from python_jobs.warehouse.connection import ConnectInfo, connect, connect_info
from python_jobs.warehouse.dbt_runner import build_or_fail


@dataclass(frozen=True)
class RunOptions:
    companies: int = 1000
    seed: int = 42
    months: int = 12
    full_refresh: bool = False


class Reporter:
    """What the pipeline tells the user; the CLI supplies a rich implementation."""

    def stage(self, name: str) -> None: ...

    def note(self, text: str) -> None: ...

    def progress(self, task: str, done: int, total: int) -> None: ...


@dataclass
class RunContext:
    settings: Settings
    options: RunOptions
    info: ConnectInfo
    reporter: Reporter


def generated_folder(settings: Settings, options: RunOptions) -> Path:
    name = f"seed{options.seed}-companies{options.companies}-months{options.months}"
    return settings.generated_dir / name


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


def stage_dbt_build(ctx: RunContext) -> None:
    ctx.reporter.stage("dbt build")
    args = ["build"]
    if ctx.options.full_refresh:
        args.append("--full-refresh")
    build_or_fail(
        ctx.settings,
        ctx.info,
        args,
        quiet=True,
        on_progress=lambda done, total, _name: ctx.reporter.progress("dbt build", done, total),
    )


STAGES: list[Callable[[RunContext], None]] = [
    stage_generate_and_load,
    stage_dbt_build,
]


def run_pipeline(settings: Settings, options: RunOptions, reporter: Reporter) -> ConnectInfo:
    info = connect_info(settings)
    ctx = RunContext(settings, options, info, reporter)
    for stage in STAGES:
        stage(ctx)
    return info


def _loaded_batches(conn: psycopg.Connection, workspace_id: str) -> int:
    row = conn.execute(
        "select count(*) from raw.load_batches where workspace_id = %s and status = 'loaded'",
        (workspace_id,),
    ).fetchone()
    return int(row[0]) if row else 0
