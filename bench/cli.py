"""`python -m bench`: time the pipeline's stages at one or more scales and compare them.

python -m bench                               # small (7,700 companies), 3 repetitions
python -m bench --scale 2000 --scale 10000    # a quick scaling run
python -m bench --scale large --only scoring_full --only scoring_floor
"""

from __future__ import annotations

import os
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import typer
from rich.console import Console

from bench.comparisons import COMPARISONS
from bench.context import BenchContext, Scale
from bench.recurring import SERIES_ROWS
from bench.report import cpu_pressure, included_scales, machine, scaling, write_all
from bench.runner import run_comparisons, run_stages
from bench.scoring import ScoresDisagree
from bench.stages import STAGES
from python_jobs.errors import UserError
from python_jobs.settings import PROJECT_ROOT

# Each company has ~13 contacts and ~100 events a year at the usual event rate: small is the
# spec's 100,000 contacts, large its top scale of 10M events (1.3M contacts, 5.2M signals), and
# signals10m the scoring benchmark's 10M signals on 1M contacts (2.65 times the events).
NAMED_SCALES = {
    "small": Scale("small", 7_700),
    "large": Scale("large", 100_000),
    "signals10m": Scale("signals10m", 77_000, event_rate=2.65),
}
console = Console(stderr=True)


def parse_scale(text: str) -> Scale:
    if text in NAMED_SCALES:
        return NAMED_SCALES[text]
    if text.replace("_", "").isdigit() and int(text) > 0:
        return Scale(text, int(text))
    raise typer.BadParameter(f"{text!r}: small, large, signals10m or a number of companies")


def main_command(
    scale: list[str] = typer.Option(
        ["small"],
        "--scale",
        help="small (7,700 companies), large (100k), signals10m (77k, 2.65x the events)"
        " or a company count.",
    ),
    only: list[str] = typer.Option(
        [], "--only", help="Only these stages or comparisons (repeatable); others as needed."
    ),
    repeat: int = typer.Option(
        3, "--repeat", min=1, help="Repetitions of each comparison and of the stages it compares."
    ),
    stage_repeat: int = typer.Option(
        1, "--stage-repeat", min=1, help="Repetitions of the other (long) stages."
    ),
    out: Path = typer.Option(PROJECT_ROOT / "bench" / "out", "--out", help="results folder"),
    markdown: Path = typer.Option(
        PROJECT_ROOT / "bench" / "RESULTS.md", "--markdown", help="the summary table"
    ),
    home: Path = typer.Option(
        PROJECT_ROOT / ".revops" / "bench",
        "--home",
        envvar="REVOPS_BENCH_HOME",
        help="The bench's own REVOPS_HOME: its database is reset at every scale.",
    ),
    seed: int = typer.Option(42, "--seed", min=0),
    naive_limit: int = typer.Option(
        100_000, "--naive-limit", min=1000, help="Signals above which the naive scorer samples."
    ),
    timeout: float = typer.Option(
        1800, "--timeout", min=10, help="Seconds one command may run before its stage fails."
    ),
    new_rows: list[int] = typer.Option(
        list(SERIES_ROWS),
        "--new-rows",
        min=1,
        help="New rows of the incremental stages' scaling series (repeatable; day_n: new"
        " events, month_n: people changed).",
    ),
    include: list[Path] = typer.Option(
        [],
        "--include",
        exists=True,
        dir_okay=False,
        help="An earlier run's results.json whose other scales join this report (repeatable).",
    ),
) -> None:
    """Benchmark the pipeline: per stage wall time, CPU, peak memory and rows per CPU second."""
    known = [s.name for s in STAGES] + [c.name for c in COMPARISONS]
    unknown = [name for name in only if name not in known]
    if unknown:
        raise typer.BadParameter(f"unknown {', '.join(unknown)}; known: {', '.join(known)}")
    scales = [parse_scale(text) for text in scale]
    home = home.resolve()
    if home == (PROJECT_ROOT / ".revops").resolve():
        raise UserError("the bench resets its database: give it a home of its own, not .revops")
    started = datetime.now(UTC)
    as_of = started.date().isoformat()  # every build of the run scores the same day
    load_start, pressure_start = os.getloadavg(), cpu_pressure()
    results_scales = []
    disagreements: list[str] = []
    for entry in scales:
        rate = "" if entry.event_rate == 1.0 else f", {entry.event_rate:g}x the events"
        console.print(f"[bold]scale {entry.name}: {entry.companies:,} companies{rate}[/]")
        ctx = BenchContext(
            home,
            entry,
            seed,
            as_of,
            repeat,
            naive_limit,
            timeout,
            stage_repeat=stage_repeat,
            series=tuple(sorted(set(new_rows))),
        )
        scale_started = time.perf_counter()
        # the scoring comparisons run right after the full build, on the data it scored
        comparisons_run: dict[str, dict[str, Any]] = {}
        stage_results = run_stages(ctx, only, console.print, comparisons_run)
        comparisons = run_comparisons(ctx, only, stage_results, console.print, comparisons_run)
        # the whole scale, untimed steps included (the history, priming, checks, settling)
        suite_s = round(time.perf_counter() - scale_started, 1)
        console.print(f"  scale {entry.name}: {suite_s / 60:.1f} min in all")
        facts = _scale_facts(ctx)
        disagreements += ctx.facts.get("disagreements", [])
        results_scales.append(
            {
                "name": entry.name,
                "companies": entry.companies,
                "event_rate": entry.event_rate,
                **facts,
                "suite_s": suite_s,
                "stages": {r.name: r.as_dict() for r in stage_results},
                "comparisons": comparisons,
            }
        )
    results = {
        "date": started.isoformat(timespec="seconds"),
        "machine": machine(),
        "postgres": _server_version(home),
        "load_average": [round(v, 2) for v in (load_start[0], os.getloadavg()[0])],
        "cpu_pressure": [pressure_start, cpu_pressure()],
        "settings": {
            "repeat": repeat,
            "stage_repeat": stage_repeat,
            "seed": seed,
            "as_of": as_of,
            "new_rows": sorted(set(new_rows)),
            "home": str(home),
        },
        "scales": results_scales,
    }
    measured_now = {scale["name"] for scale in results_scales}
    results["scales"] = sorted(
        included_scales(include, measured_now) + results_scales, key=lambda s: s["companies"]
    )
    results["scaling"] = scaling(results["scales"])
    for path in write_all(results, out, markdown):
        console.print(f"wrote {path}")
    if disagreements:  # after the results are written: they show which baseline and how far
        raise ScoresDisagree("; ".join(disagreements))


def _scale_facts(ctx: BenchContext) -> dict[str, int]:
    facts: dict[str, int] = {}
    try:
        facts["raw_rows"] = ctx.raw_rows()
        facts["signals"] = int(ctx.scalar("select count(*) from core.fct_signals"))
        facts["contacts"] = int(ctx.scalar("select count(*) from marts.contact_intent"))
    except Exception:  # noqa: BLE001  (a partial run still reports what it has)
        pass
    return facts


def _server_version(home: Path) -> str:
    version = home / "pgdata" / "PG_VERSION"
    return f"PostgreSQL {version.read_text().strip()}" if version.exists() else "PostgreSQL"


app = typer.Typer(add_completion=False, pretty_exceptions_enable=False)
app.command()(main_command)


def main(argv: list[str] | None = None) -> int:
    try:
        app(args=argv, standalone_mode=False)
    except (UserError, ScoresDisagree) as exc:
        print(f"bench: {exc}", file=sys.stderr)
        return 2 if isinstance(exc, ScoresDisagree) else 1
    except KeyboardInterrupt:
        print("bench: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:
        if hasattr(exc, "format_message"):  # a bad command line
            print(f"bench: {exc.format_message()}", file=sys.stderr)  # type: ignore[attr-defined]
            return 2
        raise
    return 0
