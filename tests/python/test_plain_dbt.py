"""An analytics engineer's path: a fresh PostgreSQL, `revops init`, then plain `dbt build` with
profiles.example.yml (no `revops run`): the raw tables and the Python jobs' output tables exist
empty, and the whole build, tests included, passes on zero rows."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import psycopg
from conftest import database_env, revops

from python_jobs.settings import PROJECT_ROOT

DBT = Path(sys.executable).with_name("dbt")


def test_plain_dbt_builds_an_empty_warehouse(scratch_database, tmp_path):
    env = database_env(scratch_database)
    for _ in range(2):  # init is idempotent
        result = revops("init", env=env)
        assert result.returncode == 0, result.stderr
    profiles = tmp_path / "profiles"
    profiles.mkdir()
    shutil.copyfile(PROJECT_ROOT / "profiles.example.yml", profiles / "profiles.yml")
    build = subprocess.run(
        [str(DBT), "build", "--profiles-dir", str(profiles), "--target-path", str(tmp_path / "t")],
        cwd=PROJECT_ROOT,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert build.returncode == 0, build.stdout[-3000:] + build.stderr[-2000:]
    with psycopg.connect(**scratch_database.kwargs()) as conn:  # type: ignore[arg-type]
        rows = conn.execute(
            "select (select count(*) from marts.contact_intent),"
            " (select count(*) from marts.load_audit)"
        ).fetchone()
    assert rows == (0, 0)
