"""Where the warehouse is: the embedded server (default) or an external PostgreSQL (env vars).

Every command goes through `connect_info(settings)` so that both cases look the same to the rest
of the code: a set of libpq parameters, also exported as the REVOPS_PG_* variables that
profiles.example.yml reads.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from urllib.parse import quote

import psycopg

from python_jobs.errors import UserError
from python_jobs.settings import Settings
from python_jobs.warehouse.embedded import EmbeddedPostgres

MIN_EXTERNAL_MAJOR = 16


@dataclass(frozen=True)
class ConnectInfo:
    host: str
    port: int
    user: str
    password: str | None
    dbname: str

    def kwargs(self) -> dict[str, object]:
        params: dict[str, object] = {
            "host": self.host,
            "port": self.port,
            "user": self.user,
            "dbname": self.dbname,
            "connect_timeout": 10,
            "application_name": "revops",
            "options": "-c timezone=UTC",
        }
        if self.password:
            params["password"] = self.password
        return params

    def url(self) -> str:
        """A libpq URL without the password (safe to print)."""
        if self.host.startswith("/"):
            return f"postgresql://{quote(self.user)}@/{self.dbname}?host={quote(self.host)}&port={self.port}"
        return f"postgresql://{quote(self.user)}@{self.host}:{self.port}/{self.dbname}"

    def export_env(self) -> None:
        """Publish the parameters under the names profiles.example.yml reads."""
        os.environ["REVOPS_PG_HOST"] = self.host
        os.environ["REVOPS_PG_PORT"] = str(self.port)
        os.environ["REVOPS_PG_USER"] = self.user
        os.environ["REVOPS_PG_DATABASE"] = self.dbname
        os.environ["REVOPS_PG_PASSWORD"] = self.password or ""
        # every session dbt opens reads and writes timestamps in UTC, whatever the server's zone
        os.environ["PGOPTIONS"] = "-c timezone=UTC"


def embedded_server(settings: Settings) -> EmbeddedPostgres:
    return EmbeddedPostgres(settings.pgdata_dir, settings.pg_database)


def connect_info(settings: Settings, start: bool = True) -> ConnectInfo:
    """Resolve the warehouse, starting the embedded server when no external one is configured."""
    if settings.external:
        assert settings.pg_host is not None
        info = ConnectInfo(
            settings.pg_host,
            settings.pg_port,
            settings.pg_user,
            settings.pg_password,
            settings.pg_database,
        )
        check_reachable(info)
        return info
    server = embedded_server(settings)
    if start:
        socket_dir = server.start()
    else:
        status = server.status()
        if status.state != "running" or status.socket_dir is None:
            raise UserError("the embedded database is not running: `revops db start`")
        socket_dir = status.socket_dir
    return ConnectInfo(str(socket_dir), 5432, "postgres", None, settings.pg_database)


def check_reachable(info: ConnectInfo) -> None:
    """One clear line when an external database cannot be used, instead of a driver traceback."""
    try:
        with psycopg.connect(**info.kwargs()) as conn:  # type: ignore[arg-type]
            major = conn.info.server_version // 10000
            has_vector = conn.execute(
                "select 1 from pg_available_extensions where name = 'vector'"
            ).fetchone()
    except psycopg.OperationalError as exc:
        first_line = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise UserError(f"cannot reach PostgreSQL at {info.url()}: {first_line}") from None
    if major < MIN_EXTERNAL_MAJOR:
        raise UserError(
            f"PostgreSQL {major} at {info.url()} is too old: {MIN_EXTERNAL_MAJOR}+ needed"
        )
    if not has_vector:
        raise UserError(f"PostgreSQL at {info.url()} has no pgvector extension available")


def connect(info: ConnectInfo, autocommit: bool = False) -> psycopg.Connection:
    try:
        return psycopg.connect(autocommit=autocommit, **info.kwargs())  # type: ignore[arg-type]
    except psycopg.OperationalError as exc:
        raise UserError(
            f"cannot connect to {info.url()}: {str(exc).strip().splitlines()[0]}"
        ) from None
