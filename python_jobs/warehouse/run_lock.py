"""One build at a time per warehouse: `revops run`, `snapshot`, `match` and `dbt` hold a
PostgreSQL session advisory lock for as long as they build, and a second one waits for it,
saying so in one line. Two builds at once would race on the same relations ("relation already
exists") and on the jobs' tables.

The lock is the database's (advisory locks live in one database), not a workspace's: every
workspace's rows are built into the same models, so two workspaces' runs race all the same.
It is held on a connection of its own, so a build's other connections come and go freely, and
it goes with the process: a killed build leaves nothing to clean up. A process that holds it
takes it again for free (`revops run` replays snapshots through the `revops snapshot` code).
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

import psycopg

from python_jobs.errors import UserError
from python_jobs.settings import Settings
from python_jobs.warehouse.connection import ConnectInfo, connect_info

# The lock's two keys: 'revo' and 'run ' (the loader's batch locks use another first key).
BUILD_LOCK = (0x7265766F, 0x72756E20)
_APPLICATION = "revops build"

F = TypeVar("F", bound=Callable[..., Any])
_held: set[tuple[object, ...]] = set()


def _identity(settings: Settings) -> tuple[object, ...]:
    """Which warehouse, without connecting: what makes a second lock request reentrant."""
    if settings.external:
        return (settings.pg_host, settings.pg_port, settings.pg_database)
    return (settings.pgdata_dir, settings.pg_database)


@contextmanager
def build_lock(
    settings: Settings, info: ConnectInfo | None = None, command: str | None = None
) -> Iterator[None]:
    """Hold the warehouse's build lock for the block; wait for it, with a line on stderr, when
    another command holds it."""
    identity = _identity(settings)
    if identity in _held:
        yield
        return
    info = info or connect_info(settings)
    what = command or " ".join(["revops", *sys.argv[1:2]])
    params = {**info.kwargs(), "application_name": f"{_APPLICATION}: {what} (pid {os.getpid()})"}
    try:
        conn = psycopg.connect(autocommit=True, **params)  # type: ignore[arg-type]
    except psycopg.OperationalError as exc:
        first_line = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise UserError(f"cannot connect to {info.url()}: {first_line}") from None
    with conn:
        row = conn.execute("select pg_try_advisory_lock(%s, %s)", BUILD_LOCK).fetchone()
        if not (row and row[0]):
            print(
                f"revops: waiting for {_holder(conn)} to finish building this warehouse",
                file=sys.stderr,
                flush=True,
            )
            conn.execute("select pg_advisory_lock(%s, %s)", BUILD_LOCK)
        _held.add(identity)
        try:
            yield
        finally:
            _held.discard(identity)
    # closing the connection released the lock


def _holder(conn: psycopg.Connection) -> str:
    """Who holds the lock, as its connection named itself."""
    row = conn.execute(
        """select activity.application_name, activity.backend_start
           from pg_locks as locks
           join pg_stat_activity as activity on activity.pid = locks.pid
           where locks.locktype = 'advisory' and locks.granted and locks.objsubid = 2
             and locks.classid = %s and locks.objid = %s
             and locks.database = (select oid from pg_database where datname = current_database())
        """,
        BUILD_LOCK,
    ).fetchone()
    if row is None or not row[0] or not str(row[0]).startswith(_APPLICATION):
        return "another command"
    name = str(row[0])[len(_APPLICATION) + 2 :]  # e.g. "revops run (pid 1234)"
    if row[1] is not None and name.endswith(")"):
        name = f"{name[:-1]}, since {row[1]:%H:%M:%S} UTC)"
    return name


def holds_build_lock(func: F) -> F:
    """Decorate a function that builds: its Settings is its first argument (its ConnectInfo
    any other), or the environment's (a typer command)."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        settings = args[0] if args and isinstance(args[0], Settings) else Settings.from_env()
        info = next((arg for arg in args if isinstance(arg, ConnectInfo)), None)
        with build_lock(settings, info):
            return func(*args, **kwargs)

    return wrapper  # type: ignore[return-value]
