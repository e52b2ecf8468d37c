"""`revops backtest`: how a proposed scoring change would move contacts and accounts in tiers."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from python_jobs.backtest.service import parse_vars, run_backtest
from python_jobs.settings import Settings
from python_jobs.warehouse.connection import connect_info

console = Console()


def backtest_command(
    seeds: Path | None = typer.Option(
        None, "--seeds", help="Folder of proposed seed CSVs (e.g. a new signal_weights.csv)."
    ),
    vars_json: str | None = typer.Option(
        None, "--vars", help="Proposed dbt vars as JSON, e.g. '{\"bit_daily_cap_points\": 200}'."
    ),
    as_of: datetime | None = typer.Option(
        None, "--as-of", formats=["%Y-%m-%d"], help="Score both sides as of YYYY-MM-DD."
    ),
) -> None:
    """Score the same signals with the current and a proposed scoring; compare the tiers."""
    settings = Settings.from_env()
    proposed_vars = parse_vars(vars_json)
    info = connect_info(settings)
    with console.status("building the proposed scoring next to the current one"):
        day = as_of.date().isoformat() if as_of else None
        shifts = run_backtest(settings, info, seeds, proposed_vars, day)
    for shift in shifts:
        summary = Table(
            "", "count", "share", title=f"{shift.entity}s: tier changes", title_justify="left"
        )
        for label, value in (
            ("moved up", shift.moved_up),
            ("moved down", shift.moved_down),
            ("unchanged", shift.unchanged),
        ):
            summary.add_row(label, f"{value:,}", f"{value / max(shift.total, 1):.1%}")
        console.print(summary)
        distribution = Table(
            "tier",
            "current",
            "proposed",
            "change",
            title=f"{shift.entity}s: tier distribution",
            title_justify="left",
        )
        for tier in sorted(
            set(shift.before) | set(shift.after),
            key=lambda t: -(shift.before.get(t, 0) + shift.after.get(t, 0)),
        ):
            before, after = shift.before.get(tier, 0), shift.after.get(tier, 0)
            distribution.add_row(tier, f"{before:,}", f"{after:,}", f"{after - before:+,}")
        console.print(distribution)
        if shift.transitions:
            moves = Table(
                "from", "to", "count", title=f"{shift.entity}s: largest moves", title_justify="left"
            )
            for before, after, count in shift.transitions[:8]:
                moves.add_row(before, after, f"{count:,}")
            console.print(moves)
