"""`revops generate`: a thin typer command over service.generate.

The root CLI registers it with `app.command("generate")(generate_command)`.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from python_jobs.errors import UserError, shown, shown_path
from python_jobs.generate.service import (
    MAX_COMPANIES,
    MAX_EVENT_RATE,
    MAX_MONTHS,
    GenerateParams,
    default_folder,
    generate,
)
from python_jobs.generate.service import advance_month as advance_month_of
from python_jobs.settings import Settings

# Seeds are any whole number the generator's SeedSequence takes; the bound keeps a data set's
# folder name (seed<S>-companies<N>) short.
MAX_SEED = 2**64 - 1


def check_generate_options(companies: int, seed: int, months: int) -> None:
    """The generator's bounds for options that reach it from other commands (`revops run`), as
    one line each; `revops generate` checks the same bounds in its options."""
    if not 1 <= companies <= MAX_COMPANIES:
        raise UserError(
            f"--companies must be between 1 and {MAX_COMPANIES:,}, got {shown(companies)}"
        )
    if not 0 <= seed <= MAX_SEED:
        raise UserError(f"--seed must be between 0 and {MAX_SEED} (2**64 - 1), got {shown(seed)}")
    if not 1 <= months <= MAX_MONTHS:
        raise UserError(f"--months must be between 1 and {MAX_MONTHS}, got {shown(months)}")


def _first_of_month(value: str) -> date:
    """'2025-11' or '2025-11-01' -> date(2025, 11, 1)."""
    try:
        parsed = date.fromisoformat(value if len(value) > 7 else f"{value}-01")
    except ValueError:
        raise typer.BadParameter(
            f"expected YYYY-MM or YYYY-MM-01, got {value!r}", param_hint="'--start-month'"
        ) from None
    if parsed.day != 1:
        raise typer.BadParameter(
            f"must be the first day of a month, got {value!r}", param_hint="'--start-month'"
        )
    return parsed


def generate_command(
    companies: int = typer.Option(
        1000,
        "--companies",
        min=1,
        max=MAX_COMPANIES,
        envvar="REVOPS_GENERATE_COMPANIES",
        help="True companies to generate (about 10 CRM contacts and 100 events each).",
    ),
    seed: int = typer.Option(
        42,
        "--seed",
        min=0,
        max=MAX_SEED,
        envvar="REVOPS_GENERATE_SEED",
        help="Same seed and options, same bytes.",
    ),
    months: int = typer.Option(
        12,
        "--months",
        min=1,
        max=MAX_MONTHS,
        envvar="REVOPS_GENERATE_MONTHS",
        help="Months of events and monthly vendor snapshots.",
    ),
    start_month: str = typer.Option(
        "2025-11-01",
        "--start-month",
        envvar="REVOPS_GENERATE_START_MONTH",
        help="First generated month (YYYY-MM or YYYY-MM-01).",
    ),
    out: Path | None = typer.Option(
        None,
        "--out",
        envvar="REVOPS_GENERATE_OUT",
        file_okay=False,
        help="Output folder for raw/, ground_truth/ and manifest.json"
        " [default: .revops/generated/seed<S>-companies<N>, where `revops run` looks].",
    ),
    event_rate: float = typer.Option(
        1.0,
        "--event-rate",
        min=0.01,
        max=MAX_EVENT_RATE,
        envvar="REVOPS_GENERATE_EVENT_RATE",
        help="Engagement events per contact, times the usual rate (more signals, same people).",
    ),
    advance_month: bool = typer.Option(
        False,
        "--advance-month",
        help="Add the next month (events and a vendor delivery) to the data set in the output"
        " folder; earlier files stay byte-identical. `revops run` then loads and scores it.",
    ),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar and no summary."),
) -> None:
    """Generate a deterministic synthetic data set: raw feeds plus the ground-truth answer key."""
    if out is None:
        out = default_folder(Settings.from_env().generated_dir, companies, seed, event_rate)
    if advance_month and not (out / "manifest.json").exists():
        raise UserError(f"{out}: no complete data set to advance (generate one first)")
    params = GenerateParams(companies, seed, months, _first_of_month(start_month), event_rate)
    console = Console(stderr=True, quiet=quiet)
    try:
        with Progress(
            TextColumn("{task.description:<10}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=console,
            transient=True,
        ) as bar:
            tasks: dict[str, int] = {}

            def report(stage: str, done: int, total: int) -> None:
                if stage not in tasks:
                    tasks[stage] = bar.add_task(stage, total=total)
                bar.update(tasks[stage], completed=done)

            manifest = (
                advance_month_of(out, report) if advance_month else generate(params, out, report)
            )
    except OSError as error:
        # one line and exit 2 from the command itself: it also runs outside `revops` (tests)
        typer.echo(
            f"revops: cannot write to {shown_path(out)}: {error.strerror or error}", err=True
        )
        raise typer.Exit(2) from None
    _summary(console, out, manifest)


def _summary(console: Console, out: Path, manifest: dict) -> None:
    """Rows per feed (the monthly snapshot files summed), then where they went."""
    files: dict[str, int] = {}
    rows: dict[str, int] = {}
    for entry in manifest["files"].values():
        files[entry["kind"]] = files.get(entry["kind"], 0) + 1
        rows[entry["kind"]] = rows.get(entry["kind"], 0) + entry["rows"]
    table = Table("file kind", "files", "rows", box=None)
    for kind in sorted(files, key=lambda kind: kind.startswith("ground_truth")):
        table.add_row(kind, str(files[kind]), f"{rows[kind]:,}")
    console.print(table)
    console.print(f"wrote {len(manifest['files'])} files and manifest.json under {out}")
