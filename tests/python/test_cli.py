"""The CLI as a user meets it: bad input ends in one clear line and a non-zero exit."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from conftest import assert_one_line_error, external_env, revops

from python_jobs.warehouse.connection import ConnectInfo
from python_jobs.warehouse.embedded import EmbeddedPostgres


@pytest.fixture()
def server_home() -> Iterator[Path]:
    """A folder the database server (its own system user when we are root) can reach: under
    pytest's temporary root it cannot, as any pytest starting on the machine closes that root
    to other users again."""
    home = Path(tempfile.mkdtemp(prefix="revops-test-"))
    yield home
    shutil.rmtree(home, ignore_errors=True)


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


def test_stale_server_is_reported_and_recovered(server_home):
    """A server killed hard leaves postmaster.pid behind: status says stale, start recovers."""
    env = embedded_env(server_home)
    revops("db", "start", env=env, check=True)
    try:
        pid = int((server_home / "pgdata" / "postmaster.pid").read_text().splitlines()[0])
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


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["run", "--companies", "10000000000"], "--companies"),
        (["run", "--seed", "-1"], "--seed"),
        (["run", "--seed", str(2**64)], "--seed"),
        (["generate", "--companies", "10000000000"], "--companies"),
        (["generate", "--seed", str(2**64)], "--seed"),
    ],
    ids=["run-companies", "run-negative-seed", "run-huge-seed", "generate-companies", "gen-seed"],
)
def test_generator_options_out_of_bounds_are_one_line(tmp_path, args, expected):
    result = revops(*args, env={"REVOPS_HOME": str(tmp_path), "REVOPS_PG_HOST": "127.0.0.1"})
    assert_one_line_error(result, expected, code=2)


def full_file(path: Path) -> None:
    """A file whose every write fails with ENOSPC, as on a full disk."""
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full on this machine")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.symlink_to("/dev/full")


def test_disk_full_while_generating_is_one_line(scratch_database, tmp_path):
    """`revops run` on an empty warehouse generates first: a full disk ends in one line."""
    full_file(tmp_path / "generated" / "seed42-companies3" / "raw" / "crm_companies.csv")
    env = {**external_env(scratch_database), "REVOPS_HOME": str(tmp_path)}
    assert_one_line_error(revops("run", "--companies", "3", env=env), "no space left", code=2)
    full_file(tmp_path / "out" / "raw" / "crm_companies.csv")
    result = revops("generate", "--companies", "3", "--out", str(tmp_path / "out"), env=env)
    assert_one_line_error(result, "No space left on device", code=2)


@pytest.fixture()
def full_disk_database(server_info: ConnectInfo, server_home: Path):
    """A database on a tablespace that is out of space: a small tmpfs, filled up. Needs root
    and a local server (a tablespace folder the server can write)."""
    if os.geteuid() != 0:
        pytest.skip("mounting a small file system needs root")
    admin = ConnectInfo(
        server_info.host, server_info.port, server_info.user, server_info.password, "postgres"
    )
    with psycopg.connect(autocommit=True, **admin.kwargs()) as conn:  # type: ignore[arg-type]
        data_dir = Path(conn.execute("show data_directory").fetchone()[0])
    if not data_dir.exists():
        pytest.skip("the database server is not on this machine")
    mount = server_home / "small_disk"
    mount.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=24m", "tmpfs", str(mount)]).returncode:
        pytest.skip("cannot mount a tmpfs here")
    owner = data_dir.stat()
    name = f"revops_full_{uuid.uuid4().hex[:8]}"
    try:
        os.chown(mount, owner.st_uid, owner.st_gid)
        for folder in mount.parents:  # the server must reach the tablespace folder
            folder.chmod(folder.stat().st_mode | 0o001)
        with psycopg.connect(autocommit=True, **admin.kwargs()) as conn:  # type: ignore[arg-type]
            conn.execute(f"create tablespace {name} location '{mount}'")
            conn.execute(f"create database {name} tablespace {name}")
        info = ConnectInfo(
            server_info.host, server_info.port, server_info.user, server_info.password, name
        )
        # a first session writes the catalog cache file a session start needs
        psycopg.connect(**info.kwargs()).close()  # type: ignore[arg-type]
        with open(mount / "filler", "wb") as filler:  # everything that is left
            try:
                while True:
                    filler.write(b"\0" * (1 << 16))
                    filler.flush()
            except OSError:
                pass
        yield info
    finally:
        with psycopg.connect(autocommit=True, **admin.kwargs()) as conn:  # type: ignore[arg-type]
            conn.execute(f"drop database if exists {name} with (force)")
            conn.execute(f"drop tablespace if exists {name}")
        subprocess.run(["umount", str(mount)], check=True)


def test_database_disk_full_while_loading_is_one_line(full_disk_database, tmp_path):
    """The raw schema cannot be created on a full disk: one line, exit 2, not an internal
    error."""
    path = tmp_path / "companies.csv"
    path.write_text("crm_company_id,company_name\n1,Acme\n")
    result = revops("load", str(path), env=external_env(full_disk_database))
    assert_one_line_error(result, "out of disk space", code=2)


def test_a_pid_file_naming_a_reused_pid_is_recognised_as_stale(server_home):
    """After a crash and a reboot, postmaster.pid and the socket's lock file can name a pid
    that now belongs to another process, even one called postgres: the server starts anyway."""
    env = embedded_env(server_home)
    revops("db", "start", env=env, check=True)
    pgdata = server_home / "pgdata"
    pid_lines = (pgdata / "postmaster.pid").read_text().splitlines()
    revops("db", "stop", env=env, check=True)
    socket_lock = EmbeddedPostgres(pgdata, "revops").socket_dir() / ".s.PGSQL.5432.lock"
    try:
        for name in ("postgres", "sleep"):
            other = subprocess.Popen(["bash", "-c", f"exec -a {name} sleep 300"])
            try:
                crashed = "\n".join([str(other.pid), *pid_lines[1:]]) + "\n"
                (pgdata / "postmaster.pid").write_text(crashed)
                socket_lock.write_text(crashed)
                assert "stale" in revops("db", "status", env=env, check=True).stdout
                started = revops("db", "start", env=env)
                assert started.returncode == 0, started.stderr
                assert "database ready" in started.stdout
                revops("db", "stop", env=env, check=True)
            finally:
                other.kill()
                other.wait()
    finally:
        revops("db", "stop", env=env)
