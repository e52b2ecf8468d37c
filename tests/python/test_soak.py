"""Twelve months of `revops run` in a row at a small scale, with hostile rows of every kind each
month (soak/): every run succeeds, every batch reconciles after every cycle, names written in
two encodings arrive as written, matching merges people (retiring ids) without breaking talent
flow, and at the end every table equals a full refresh. Slow: `make soak` (CI runs it)."""

from __future__ import annotations

import pytest
from conftest import database_env

from soak.runner import Soak

MONTHS = 12
COMPANIES = 20


@pytest.mark.slow
def test_twelve_hostile_months_in_a_row(scratch_database, tmp_path):
    lines: list[str] = []
    soak = Soak(
        {**database_env(scratch_database), "REVOPS_HOME": str(tmp_path / "home")},
        COMPANIES,
        seed=7,
        on_line=lines.append,
    )
    report = soak.run(MONTHS)
    rejected = report.cycles[-1].rejected
    lines.append(
        f"{report.raw_rows:,} raw rows reconciled, {sum(rejected.values()):,} rejected"
        f" ({', '.join(f'{reason} {rows:,}' for reason, rows in sorted(rejected.items()))});"
        f" {report.tables_compared} tables equal a full refresh"
    )
    print("\n".join(lines))
    assert len(report.cycles) == MONTHS
    assert report.cycles[-1].merges > 0, "no month made matching retire an id"
    for reason in ("value_too_long", "unparseable_timestamp", "exact_replay"):
        assert rejected.get(reason, 0) >= MONTHS, reason
    assert report.tables_compared > 30
