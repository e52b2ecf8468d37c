"""`revops load FILE... [--kind K]`: load CSV files into the raw schema."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from python_jobs.errors import shown_path
from python_jobs.load.raw_tables import RAW_FEEDS
from python_jobs.load.service import load_file
from python_jobs.settings import Settings
from python_jobs.warehouse.connection import connect, connect_info

console = Console()


def load_command(
    files: list[Path] = typer.Argument(..., help="CSV files (or folders of CSV files) to load."),
    kind: str | None = typer.Option(
        None,
        "--kind",
        help=f"Feed the files belong to ({', '.join(RAW_FEEDS)}); default: told by the header.",
    ),
) -> None:
    """Load CSV files into the raw schema (COPY, one audited batch per file, never twice)."""
    settings = Settings.from_env()
    paths = expand_paths(files)
    info = connect_info(settings)
    table = Table("file", "kind", "rows loaded", "batch")
    notes: list[str] = []
    with connect(info) as conn:
        for path in paths:
            result = load_file(conn, path, settings.workspace_id, kind)
            loaded = "already loaded" if result.already_loaded else f"{result.rows_loaded:,}"
            table.add_row(Text(shown_path(path)), result.kind, loaded, result.load_batch_id[:12])
            if result.lines_redecoded:
                notes.append(
                    f"{shown_path(path)}: {result.lines_redecoded:,} lines were not UTF-8 and"
                    " were read as Windows-1252 (Latin-1)"
                )
    console.print(table)
    for note in notes:
        console.print(note, markup=False, highlight=False, soft_wrap=True)


def expand_paths(paths: list[Path]) -> list[Path]:
    """Folders stand for the CSV files inside them, in name order (monthly files load in order)."""
    expanded: list[Path] = []
    for path in paths:
        if path.is_dir():
            expanded.extend(sorted(path.rglob("*.csv")))
        else:
            expanded.append(path)
    return expanded
