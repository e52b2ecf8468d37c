"""`revops bench`: the benchmark suite (bench/, in the project folder beside this package).

The suite is developer tooling, not part of the installed package: this command only finds it
and hands it the arguments, e.g. `revops bench --scale small`, `revops bench -- --help`.
"""

from __future__ import annotations

import sys

import typer

from python_jobs.errors import UserError
from python_jobs.settings import PROJECT_ROOT


def bench_command(ctx: typer.Context) -> None:
    """Time every stage at a scale, against its floor and the approach it replaces
    (options: `revops bench -- --help`; results in bench/RESULTS.md)."""
    if not (PROJECT_ROOT / "bench" / "cli.py").exists():
        raise UserError(f"no bench/ folder in {PROJECT_ROOT}: run from a checkout of the project")
    if str(PROJECT_ROOT) not in sys.path:
        sys.path.insert(0, str(PROJECT_ROOT))
    from bench.cli import main as bench_main

    raise typer.Exit(bench_main(list(ctx.args)))
