"""One build at a time: a command that builds waits for the one that holds the warehouse."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path

import psycopg
import pytest
from conftest import external_env, start_revops

from python_jobs.warehouse.connection import ConnectInfo
from python_jobs.warehouse.run_lock import BUILD_LOCK


@pytest.fixture()
def running_build(scratch_database: ConnectInfo) -> Iterator[psycopg.Connection]:
    """The build lock, held as a `revops run` holds it."""
    params = {**scratch_database.kwargs(), "application_name": "revops build: revops run (pid 1)"}
    with psycopg.connect(autocommit=True, **params) as conn:  # type: ignore[arg-type]
        conn.execute("select pg_advisory_lock(%s, %s)", BUILD_LOCK)
        yield conn


def wait_for(condition: Callable[[], bool], what: str, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.2)


def waiting_line(stderr: Path) -> str:
    lines = [line for line in stderr.read_text().splitlines() if line.strip()]
    return lines[0] if lines else ""


def test_a_second_run_waits_for_the_first(scratch_database, running_build, tmp_path):
    """Before it generates, loads or builds anything, a run waits, saying for what."""
    stderr = tmp_path / "stderr"
    env = {**external_env(scratch_database), "REVOPS_HOME": str(tmp_path)}
    with open(stderr, "w") as sink:
        run = start_revops("run", "--companies", "3", env=env, stderr=sink)
    try:
        wait_for(lambda: "waiting" in waiting_line(stderr), "the waiting line")
        assert waiting_line(stderr).startswith("revops: waiting for revops run (pid 1, since")
        time.sleep(2)
        assert run.poll() is None
        with psycopg.connect(**scratch_database.kwargs()) as conn:  # type: ignore[arg-type]
            assert conn.execute("select to_regnamespace('raw')").fetchone() == (None,)
        assert not (tmp_path / "generated").exists()
    finally:
        run.kill()
        run.communicate(timeout=30)


def test_a_waiting_build_goes_on_when_the_first_ends(scratch_database, running_build, tmp_path):
    stderr = tmp_path / "stderr"
    with open(stderr, "w") as sink:
        dbt = start_revops(
            "dbt", "--", "--version", env=external_env(scratch_database), stderr=sink
        )
    try:
        wait_for(lambda: "waiting" in waiting_line(stderr), "the waiting line")
        assert dbt.poll() is None
        running_build.execute("select pg_advisory_unlock(%s, %s)", BUILD_LOCK)
        stdout, _ = dbt.communicate(timeout=120)
        assert dbt.returncode == 0, stderr.read_text()
        assert "postgres" in stdout  # dbt's version report, adapter included
        assert len(stderr.read_text().strip().splitlines()) == 1
    finally:
        if dbt.poll() is None:
            dbt.kill()
            dbt.communicate(timeout=30)
