"""The CLI as a user meets it: bad input ends in one clear line and a non-zero exit."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest
from conftest import revops


def assert_one_line_error(result, expected: str, code: int | None = None) -> None:
    assert result.returncode != 0, result
    if code is not None:
        assert result.returncode == code, result
    lines = [line for line in result.stderr.strip().splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert expected in lines[0], lines[0]


def embedded_env(home: Path) -> dict[str, str]:
    """An embedded warehouse of its own, whatever the surrounding environment points at."""
    return {"REVOPS_HOME": str(home), "REVOPS_PG_HOST": ""}


def test_unknown_option():
    assert_one_line_error(revops("run", "--no-such-option"), "No such option", code=2)


def test_unknown_command():
    assert_one_line_error(revops("frobnicate"), "No such command", code=2)


def test_bad_option_value():
    assert_one_line_error(revops("run", "--companies", "zero"), "--companies", code=2)


def test_bad_as_of_day():
    assert_one_line_error(revops("run", "--as-of", "yesterday"), "--as-of", code=2)


def test_bench_bad_scale_is_one_line():
    assert_one_line_error(
        revops("bench", "--scale", "nonsense"), "small, large, signals10m or a number", code=2
    )


def test_missing_file(tmp_path):
    assert_one_line_error(revops("load", str(tmp_path / "missing.csv")), "no such file", code=2)


def test_directory_without_csv_files_loads_nothing(tmp_path):
    result = revops("load", str(tmp_path))
    assert result.returncode == 0, result.stderr


def test_unreachable_external_database():
    env = {"REVOPS_PG_HOST": "127.0.0.1", "REVOPS_PG_PORT": "1"}
    assert_one_line_error(revops("db", "status", env=env), "cannot reach PostgreSQL", code=2)


def test_bad_port_value():
    env = {"REVOPS_PG_HOST": "127.0.0.1", "REVOPS_PG_PORT": "fivefourthreetwo"}
    assert_one_line_error(revops("db", "url", env=env), "REVOPS_PG_PORT", code=2)


def test_data_folder_that_is_not_postgres(tmp_path):
    (tmp_path / "pgdata").mkdir()
    (tmp_path / "pgdata" / "notes.txt").write_text("not a database")
    result = revops("db", "start", env=embedded_env(tmp_path))
    assert_one_line_error(result, "not a PostgreSQL data folder", code=2)


def test_stale_server_is_reported_and_recovered(tmp_path):
    """A server killed hard leaves postmaster.pid behind: status says stale, start recovers."""
    env = embedded_env(tmp_path)
    revops("db", "start", env=env, check=True)
    try:
        pid = int((tmp_path / "pgdata" / "postmaster.pid").read_text().splitlines()[0])
        os.kill(pid, signal.SIGKILL)
        for _ in range(100):  # wait for the postmaster and its children to go
            if not Path(f"/proc/{pid}").exists():
                break
            time.sleep(0.05)
        time.sleep(0.5)
        status = revops("db", "status", env=env, check=True)
        assert "stale" in status.stdout
        started = revops("db", "start", env=env, check=True)
        assert "database ready" in started.stdout
        assert "running" in revops("db", "status", env=env, check=True).stdout
    finally:
        revops("db", "stop", env=env)


@pytest.mark.parametrize("args", [["stop"], ["reset", "--yes"]], ids=["stop", "reset"])
def test_embedded_only_verbs_refuse_an_external_database(args):
    env = {"REVOPS_PG_HOST": "db.example.internal"}
    assert_one_line_error(revops("db", *args, env=env), "embedded database", code=2)
