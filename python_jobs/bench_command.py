"""`revops bench`: the benchmark suite (bench/, in the project folder beside this package).

The suite is developer tooling that stands beside the product: it runs the product's commands,
and the product never imports it. This command starts `python -m bench` in the project folder
with the arguments as given and hands back its exit code, e.g. `revops bench --scale small`,
`revops bench -- --help`.
"""

from __future__ import annotations

import subprocess
import sys

import typer

from python_jobs.errors import UserError
from python_jobs.settings import PROJECT_ROOT


def bench_command(ctx: typer.Context) -> None:
    """Time every stage at a scale, against its floor and the approach it replaces
    (options: `revops bench -- --help`; results in bench/RESULTS.md)."""
    if not (PROJECT_ROOT / "bench" / "__main__.py").exists():
        raise UserError(f"no bench/ folder in {PROJECT_ROOT}: run from a checkout of the project")
    child = subprocess.Popen([sys.executable, "-m", "bench", *ctx.args], cwd=PROJECT_ROOT)
    try:
        code = child.wait()
    except KeyboardInterrupt:
        # the suite got the same interrupt (one process group): let it say so and clean up
        code = child.wait()
    raise typer.Exit(code)
