"""`revops run`: the main job, with live progress and the time each stage took; `revops
snapshot`: its talent-flow step alone, for a new people delivery.

On a terminal a live line shows the stage, the dbt nodes running now and how long each has run.
Elsewhere (CI, a pipe, a file) it prints plain lines, without colour codes: a line when a model,
seed or snapshot starts and ends, and a "still running" line whenever nothing else was said for
HEARTBEAT_S seconds. NO_COLOR turns colour off on a terminal too.
"""

from __future__ import annotations

import threading
import time
from datetime import datetime
from decimal import Decimal
from types import TracebackType

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    SpinnerColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Column, Table
from rich.text import Text

from python_jobs.pipeline import summary
from python_jobs.pipeline.service import (
    Reporter,
    RunOptions,
    describe_snapshotted,
    run_pipeline,
    snapshot_people,
)
from python_jobs.pipeline.timings import BUILT_TYPES, RunTimings, StageTime, format_seconds
from python_jobs.settings import Settings
from python_jobs.warehouse.connection import connect, connect_info
from python_jobs.warehouse.dbt_runner import FAILED_STATUSES, NodeEvent

console = Console()

HEARTBEAT_S = 10.0  # without a terminal: the longest silence before a "still running" line
PROGRESS_EVERY_S = 5.0  # without a terminal: the most often a counter (files, chunks) is printed
SLOW_NODE_S = 5.0  # on a terminal: a node that took this long stays on screen when it ends
SLOW_TEST_S = 2.0  # without a terminal: a test this slow gets its own line (a failed one always)
SLOWEST_SHOWN = 5
RUNNING_NAME_WIDTH = 32


def format_cell(value: object) -> str:
    """Whole numbers with thousands separators (counts come back as int or Decimal)."""
    if isinstance(value, int | Decimal) and value == int(value):
        return f"{int(value):,}"
    if isinstance(value, float | Decimal):
        return f"{value:,.2f}"
    return "" if value is None else str(value)


class RunningColumn(ProgressColumn):
    """The dbt node that has run longest of those running now, with its time, and how many
    others run beside it; cut to the terminal's width, never wrapped."""

    def __init__(self, timings: RunTimings) -> None:
        super().__init__(table_column=Column(no_wrap=True, overflow="ellipsis"))
        self._timings = timings

    def render(self, task: Task) -> Text:
        running = self._timings.running()
        if not running:
            return Text("")
        name, seconds = running[0]
        if len(name) > RUNNING_NAME_WIDTH:  # test names run long; the stage must stay readable
            name = name[: RUNNING_NAME_WIDTH - 1] + "…"
        more = f" +{len(running) - 1}" if len(running) > 1 else ""
        return Text(f"{name} {format_seconds(seconds)}{more}", style="cyan", no_wrap=True)


class RunReporter(Reporter):
    """Tells the user what the run is doing, and times it (RunTimings). A context manager: the
    live display, or the heartbeat thread, runs between enter and exit."""

    def __init__(self, out: Console, timings: RunTimings) -> None:
        self.console = out
        self.timings = timings
        self.live = out.is_terminal
        self._lock = threading.Lock()  # dbt reports nodes from its worker threads
        self._said_at = time.monotonic()
        self._counted_at: dict[str, float] = {}
        self._stop = threading.Event()
        self._heartbeat = threading.Thread(target=self._beat, daemon=True)
        self._progress = Progress(
            SpinnerColumn(),
            TextColumn("{task.description}", table_column=Column(no_wrap=True)),
            BarColumn(bar_width=10),
            MofNCompleteColumn(table_column=Column(no_wrap=True, min_width=7)),
            TimeElapsedColumn(table_column=Column(no_wrap=True, min_width=7)),
            RunningColumn(timings),
            console=out,
            transient=True,
        )
        self._task: object | None = None

    def __enter__(self) -> RunReporter:
        if self.live:
            self._progress.start()
        else:
            self._heartbeat.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self._end_stage(self.timings.finish(), failed=kind is not None)
        self._stop.set()
        if self.live:
            self._progress.stop()
        elif self._heartbeat.is_alive():
            self._heartbeat.join()

    # -- what the pipeline calls -------------------------------------------------------------

    def stage(self, name: str) -> None:
        self._end_stage(self.timings.start_stage(name))
        self._say(f"> {name}", style="bold")
        if self.live:
            if self._task is not None:
                self._progress.remove_task(self._task)  # type: ignore[arg-type]
            self._task = self._progress.add_task(name, total=None)

    def note(self, text: str) -> None:
        self._say(f"  {text}")

    def progress(self, task: str, done: int, total: int) -> None:
        if self.live:
            if self._task is not None:
                self._progress.update(self._task, completed=done, total=total or None)  # type: ignore[arg-type]
            return
        now = time.monotonic()
        if done >= total or now - self._counted_at.get(task, 0.0) >= PROGRESS_EVERY_S:
            self._counted_at[task] = now
            self._say(f"  {task}: {done:,}/{total:,}")

    def node(self, event: NodeEvent) -> None:
        seconds = self.timings.node(event)
        built = event.resource_type in BUILT_TYPES
        failed = event.status in FAILED_STATUSES
        if event.kind == "start":
            if built and not self.live:
                self._say(f"  started {event.name} ({event.resource_type})")
            return
        took = format_seconds(seconds or 0.0)
        if failed:
            self._say(f"  {event.status} {event.name} {took}", style="red")
        elif self.live:
            if built and (seconds or 0.0) >= SLOW_NODE_S:
                self._say(f"  {event.name} {took}")
        elif built or (seconds or 0.0) >= SLOW_TEST_S:
            self._say(f"  {event.status} {event.name} {took}")

    # -- output ------------------------------------------------------------------------------

    def _say(self, text: str, style: str | None = None) -> None:
        with self._lock:
            # plain text: a model name is never read as markup; no wrapping into a pipe
            self.console.print(text, style=style, markup=False, highlight=False, soft_wrap=True)
            self._said_at = time.monotonic()

    def _end_stage(self, stage: StageTime | None, failed: bool = False) -> None:
        if stage is not None:
            verb = "failed after" if failed else "took"
            self._say(f"  {verb} {format_seconds(stage.seconds)}")

    def _beat(self) -> None:
        """Without a terminal: a line whenever nothing was said for HEARTBEAT_S seconds."""
        while not self._stop.wait(1.0):
            if time.monotonic() - self._said_at < HEARTBEAT_S or self.timings.current is None:
                continue
            running = self.timings.running()
            doing = ", ".join(f"{name} {format_seconds(s)}" for name, s in running[:3])
            self._say(
                f"  ... {self.timings.current} {format_seconds(self.timings.stage_elapsed())}"
                + (f": running {doing}" if doing else "")
            )


def timing_tables(timings: RunTimings) -> list[Table]:
    """Each stage's duration and share of the run; the slowest models (and snapshots)."""
    total = sum(stage.seconds for stage in timings.stages) or 1.0
    stages = Table("stage", "time", "share", title="Time by stage", title_justify="left")
    for stage in timings.stages:
        stages.add_row(stage.name, format_seconds(stage.seconds), f"{stage.seconds / total:.0%}")
    stages.add_row("total", format_seconds(total), "", style="bold")
    tables = [stages]
    slowest = timings.slowest(SLOWEST_SHOWN)
    if slowest:
        nodes = Table("model", "stage", "time", title="Slowest models", title_justify="left")
        for node in slowest:
            nodes.add_row(node.name, node.stage, format_seconds(node.seconds))
        tables.append(nodes)
    return tables


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
    as_of: datetime | None = typer.Option(
        None,
        "--as-of",
        formats=["%Y-%m-%d"],
        help="Build the scores as of this day (default: today, UTC).",
    ),
) -> None:
    """The main job: generate (if empty), load, dbt build, Python jobs, summary; then the time
    each stage took (also in REVOPS_HOME/last_run.json)."""
    settings = Settings.from_env()
    options = RunOptions(
        companies=companies,
        seed=seed,
        months=months,
        full_refresh=full_refresh,
        as_of=as_of.date() if as_of else None,
    )
    timings = RunTimings()
    status = "failed"
    try:
        with RunReporter(console, timings) as reporter:
            info = run_pipeline(settings, options, reporter)
            reporter.stage("summary")
            with connect(info) as conn:
                tables = summary.collect(conn, settings.workspace_id)
        for title, names, rows in tables:
            table = Table(*names, title=title, title_justify="left")
            for row in rows:
                table.add_row(*(format_cell(value) for value in row))
            console.print(table)
        status = "succeeded"
    finally:
        timings.write(settings.state_dir / "last_run.json", status)
        if timings.stages:  # also when a stage failed: how far it got, and how long each took
            for table in timing_tables(timings):
                console.print(table)
    console.print(f"done in {format_seconds(timings.total())}")


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
