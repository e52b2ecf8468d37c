"""`python -m soak`: months of `revops run` in a row with hostile rows each month.

python -m soak                       # 12 monthly cycles at 40 companies, in .revops/soak
python -m soak --months 3 --companies 20
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time

from python_jobs.settings import PROJECT_ROOT
from soak.runner import Soak, SoakFailed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m soak", description=__doc__.splitlines()[0])
    parser.add_argument("--months", type=int, default=12, help="monthly cycles (default 12)")
    parser.add_argument("--companies", type=int, default=40, help="data set size (default 40)")
    parser.add_argument("--seed", type=int, default=7, help="generator seed (default 7)")
    parser.add_argument(
        "--home",
        default=str(PROJECT_ROOT / ".revops" / "soak"),
        help="REVOPS_HOME of the soak's own warehouse, emptied first (default .revops/soak)",
    )
    args = parser.parse_args(argv)
    if not 1 <= args.months <= 48 or not 1 <= args.companies <= 10_000 or args.seed < 0:
        parser.error("--months 1-48, --companies 1-10000, --seed >= 0")
    # a fresh warehouse: the server of an earlier soak in this home stopped, its folder emptied
    env = {**os.environ, "REVOPS_HOME": args.home}
    subprocess.run(
        [sys.executable, "-m", "python_jobs.cli", "db", "stop"],
        env=env,
        check=False,
        capture_output=True,
    )
    shutil.rmtree(args.home, ignore_errors=True)
    started = time.monotonic()
    soak = Soak({"REVOPS_HOME": args.home}, args.companies, args.seed)
    try:
        report = soak.run(args.months)
    except SoakFailed as failure:
        print(f"soak failed: {failure}")
        return 1
    print(
        f"soak passed: {len(report.cycles)} monthly cycles in {time.monotonic() - started:.0f} s"
        f" (first run {report.first_run_seconds:.0f} s, full refresh"
        f" {report.full_refresh_seconds:.0f} s); {report.raw_rows:,} raw rows reconciled;"
        f" {report.tables_compared} tables equal a full refresh"
    )
    rejected = report.cycles[-1].rejected if report.cycles else {}
    print(
        "rejected rows by reason: " + ", ".join(f"{k} {v:,}" for k, v in sorted(rejected.items()))
    )
    return 0
