"""Shared fixtures: the tests run against a real PostgreSQL (the embedded server `make test`
starts), each test module in a database of its own so tests never see each other's rows."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from python_jobs.settings import PROJECT_ROOT, Settings
from python_jobs.warehouse.connection import ConnectInfo, connect_info

REVOPS = [sys.executable, "-m", "python_jobs.cli"]


@pytest.fixture(scope="session")
def server_info() -> ConnectInfo:
    """The running warehouse server (started on demand for the embedded default)."""
    return connect_info(Settings.from_env())


@pytest.fixture(scope="module")
def scratch_database(server_info: ConnectInfo) -> Iterator[ConnectInfo]:
    """A fresh database on the same server, dropped after the module."""
    name = f"revops_test_{uuid.uuid4().hex[:10]}"
    admin = ConnectInfo(
        server_info.host, server_info.port, server_info.user, server_info.password, "postgres"
    )
    with psycopg.connect(autocommit=True, **admin.kwargs()) as conn:  # type: ignore[arg-type]
        conn.execute(f'create database "{name}"')
    with psycopg.connect(
        autocommit=True,
        dbname=name,
        **{k: v for k, v in server_info.kwargs().items() if k != "dbname"},
    ) as conn:  # type: ignore[arg-type]
        for extension in ("vector", "pg_trgm", "fuzzystrmatch"):
            conn.execute(f"create extension if not exists {extension}")
    info = ConnectInfo(
        server_info.host, server_info.port, server_info.user, server_info.password, name
    )
    yield info
    with psycopg.connect(autocommit=True, **admin.kwargs()) as conn:  # type: ignore[arg-type]
        conn.execute(f'drop database if exists "{name}" with (force)')


def revops(
    *args: str, env: dict[str, str] | None = None, check: bool = False, timeout: float = 900
) -> subprocess.CompletedProcess[str]:
    """Run the real CLI in a subprocess, as a user would."""
    result = subprocess.run(
        [*REVOPS, *args],
        cwd=PROJECT_ROOT,
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
    )
    if check and result.returncode != 0:
        raise AssertionError(
            f"revops {' '.join(args)} exited {result.returncode}:\n{result.stdout}\n{result.stderr}"
        )
    return result


def start_revops(*args: str, env: dict[str, str] | None = None, stderr=None) -> subprocess.Popen:
    """The real CLI in a subprocess left running (for what happens while it runs)."""
    return subprocess.Popen(
        [*REVOPS, *args],
        cwd=PROJECT_ROOT,
        env={**os.environ, **(env or {})},
        stdout=subprocess.PIPE,
        stderr=stderr if stderr is not None else subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        text=True,
    )


def assert_one_line_error(result, expected: str, code: int | None = None) -> None:
    assert result.returncode != 0, result
    if code is not None:
        assert result.returncode == code, result
    lines = [line for line in result.stderr.strip().splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert expected in lines[0], lines[0]


def database_env(info: ConnectInfo) -> dict[str, str]:
    """Environment that points the CLI at `info`'s database on the embedded server."""
    return {"REVOPS_PG_DATABASE": info.dbname}


def external_env(info: ConnectInfo) -> dict[str, str]:
    """Environment that points the CLI at `info`'s database as an external server, so that
    REVOPS_HOME can be a folder of the test's own without starting another server there."""
    return {
        "REVOPS_PG_HOST": info.host,
        "REVOPS_PG_PORT": str(info.port),
        "REVOPS_PG_USER": info.user,
        "REVOPS_PG_DATABASE": info.dbname,
    }


def fixture_path(*parts: str) -> Path:
    return PROJECT_ROOT / "tests" / "fixtures" / Path(*parts)
