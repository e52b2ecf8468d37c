"""`revops replay`: score a past (or future) day into relations of its own."""

from __future__ import annotations

from datetime import datetime

import typer
from rich.console import Console
from rich.table import Table

from python_jobs.replay.service import drop_replay, replay_day
from python_jobs.settings import Settings
from python_jobs.warehouse.connection import connect_info

console = Console()


def replay_command(
    as_of: datetime = typer.Option(
        ..., "--as-of", formats=["%Y-%m-%d"], help="The day to score (YYYY-MM-DD)."
    ),
    drop: bool = typer.Option(False, "--drop", help="Remove that day's replay instead."),
) -> None:
    """Rebuild the scores, their breakdown and the intent marts as of a day, into schemas of
    their own (core_replay_YYYYMMDD, marts_replay_YYYYMMDD); the daily run's state and the
    queues are never touched."""
    settings = Settings.from_env()
    info = connect_info(settings)
    day = as_of.date()
    if drop:
        dropped = drop_replay(info, day)
        console.print(f"dropped {', '.join(dropped)}" if dropped else f"no replay of {day}")
        return
    with console.status(f"replaying the scores as of {day}"):
        replay = replay_day(settings, info, day)
    table = Table("tier", "contacts", title=f"Contacts by tier as of {day}", title_justify="left")
    for tier, contacts in replay.tiers:
        table.add_row(tier, f"{contacts:,}")
    console.print(table)
    console.print(
        f"scores, breakdown and intent marts as of {day} in {', '.join(replay.schemas)}"
        f" (e.g. select * from {replay.contact_intent})"
    )
