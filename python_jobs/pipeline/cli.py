"""`revops run`: the main job, with progress bars and a summary table; `revops snapshot`: its
talent-flow step alone, for a new people delivery."""

from __future__ import annotations

import time
from datetime import datetime
from decimal import Decimal

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from python_jobs.pipeline import summary
from python_jobs.pipeline.service import (
    Reporter,
    RunOptions,
    describe_snapshotted,
    run_pipeline,
    snapshot_people,
)
from python_jobs.settings import Settings
from python_jobs.warehouse.connection import connect, connect_info

console = Console()


def format_cell(value: object) -> str:
    """Whole numbers with thousands separators (counts come back as int or Decimal)."""
    if isinstance(value, int | Decimal) and value == int(value):
        return f"{int(value):,}"
    if isinstance(value, float | Decimal):
        return f"{value:,.2f}"
    return "" if value is None else str(value)


class RichReporter(Reporter):
    def __init__(self, progress: Progress) -> None:
        self._progress = progress
        self._tasks: dict[str, object] = {}

    def stage(self, name: str) -> None:
        self._progress.console.print(f"[bold]>[/bold] {name}")

    def note(self, text: str) -> None:
        self._progress.console.print(f"  {text}")

    def progress(self, task: str, done: int, total: int) -> None:
        if task not in self._tasks:
            self._tasks[task] = self._progress.add_task(task, total=total or None)
        self._progress.update(self._tasks[task], completed=done, total=total or None)  # type: ignore[arg-type]


def run_command(
    companies: int = typer.Option(
        1000,
        "--companies",
        min=1,
        envvar="REVOPS_COMPANIES",
        help="Companies to generate when nothing is loaded.",
    ),
    seed: int = typer.Option(42, "--seed", envvar="REVOPS_SEED", help="Generator seed."),
    months: int = typer.Option(
        12, "--months", min=1, max=60, help="Months of history to generate."
    ),
    full_refresh: bool = typer.Option(False, "--full-refresh", help="Rebuild incremental models."),
) -> None:
    """The main job: generate (if empty), load, dbt build, Python jobs, summary."""
    settings = Settings.from_env()
    options = RunOptions(companies=companies, seed=seed, months=months, full_refresh=full_refresh)
    started = time.monotonic()
    columns = [
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    ]
    with Progress(*columns, console=console, transient=True) as progress:
        info = run_pipeline(settings, options, RichReporter(progress))
    with connect(info) as conn:
        for title, names, rows in summary.collect(conn, settings.workspace_id):
            table = Table(*names, title=title, title_justify="left")
            for row in rows:
                table.add_row(*(format_cell(value) for value in row))
            console.print(table)
    console.print(f"done in {time.monotonic() - started:.1f}s")


def snapshot_command(
    until: datetime | None = typer.Option(
        None,
        "--until",
        formats=["%Y-%m-%d"],
        help="Take the deliveries up to this date only (default: every new one).",
    ),
) -> None:
    """Replay new people deliveries into the talent-flow snapshot, oldest first."""
    settings = Settings.from_env()
    taken = snapshot_people(settings, connect_info(settings), until.date() if until else None)
    console.print(describe_snapshotted(taken))
