"""`revops db ...`: the warehouse's lifecycle, and `revops dbt -- ...`: dbt against it."""

from __future__ import annotations

import os
import shlex
import shutil

import typer
from rich.console import Console
from rich.table import Table

from python_jobs.errors import UserError
from python_jobs.settings import Settings
from python_jobs.warehouse import embedded
from python_jobs.warehouse.connection import connect_info, embedded_server
from python_jobs.warehouse.dbt_runner import run_dbt, write_profile
from python_jobs.warehouse.run_lock import build_lock

db_app = typer.Typer(help="Start, stop and inspect the warehouse database.", no_args_is_help=True)
console = Console()


def _require_embedded(settings: Settings, verb: str) -> None:
    if settings.external:
        raise UserError(f"`revops db {verb}` manages the embedded database; REVOPS_PG_HOST is set")


@db_app.command("start")
def start() -> None:
    """Start the embedded PostgreSQL (reused if it already runs)."""
    settings = Settings.from_env()
    info = connect_info(settings)
    typer.echo(f"database ready: {info.url()}")


@db_app.command("stop")
def stop() -> None:
    """Stop the embedded PostgreSQL."""
    settings = Settings.from_env()
    _require_embedded(settings, "stop")
    stopped = embedded_server(settings).stop()
    console.print("stopped" if stopped else "not running")


@db_app.command("status")
def status() -> None:
    """Say whether the database runs, where, and how big it is."""
    settings = Settings.from_env()
    table = Table(show_header=False)
    if settings.external:
        info = connect_info(settings)
        table.add_row("mode", "external")
        table.add_row("url", info.url())
        table.add_row("state", "reachable")
    else:
        current = embedded_server(settings).status()
        table.add_row("mode", "embedded")
        table.add_row("data folder", str(current.pgdata))
        table.add_row("state", current.state + (f" ({current.detail})" if current.detail else ""))
        if current.pid:
            table.add_row("pid", str(current.pid))
        if current.socket_dir:
            table.add_row("socket folder", str(current.socket_dir))
    console.print(table)


@db_app.command("url")
def url() -> None:
    """Print the connection URL (never a password)."""
    settings = Settings.from_env()
    typer.echo(connect_info(settings).url())


@db_app.command("env")
def env() -> None:
    """Print `export` lines for the warehouse (for `eval "$(revops db env)"`); no password.
    Also writes the dbt profile, so plain `dbt` and sqlfluff's dbt templater work after it."""
    settings = Settings.from_env()
    info = connect_info(settings)
    write_profile(settings)
    values = {
        "REVOPS_PG_HOST": info.host,
        "REVOPS_PG_PORT": str(info.port),
        "REVOPS_PG_USER": info.user,
        "REVOPS_PG_DATABASE": info.dbname,
    }
    for name, value in values.items():
        typer.echo(f"export {name}={shlex.quote(value)}")


@db_app.command("psql", context_settings={"allow_extra_args": True, "ignore_unknown_options": True})
def psql(ctx: typer.Context) -> None:
    """Open psql on the warehouse; extra arguments go to psql (e.g. -c 'select 1')."""
    settings = Settings.from_env()
    info = connect_info(settings)
    binary = embedded._bin_dir() / "psql"
    if not binary.exists():
        found = shutil.which("psql")
        if found is None:
            raise UserError("no psql binary found")
        binary = type(binary)(found)
    env = dict(os.environ, PGPASSWORD=info.password or "")
    args = [str(binary), "-h", info.host, "-p", str(info.port), "-U", info.user, "-d", info.dbname]
    os.execve(str(binary), [*args, *ctx.args], env)


@db_app.command("reset")
def reset(
    yes: bool = typer.Option(False, "--yes", help="Confirm deleting all local data."),
) -> None:
    """Stop the embedded database and delete its data folder."""
    settings = Settings.from_env()
    _require_embedded(settings, "reset")
    if not yes:
        raise UserError("this deletes every table in the embedded database: add --yes")
    embedded_server(settings).stop()
    embedded.reset(settings.pgdata_dir)
    console.print(f"deleted {settings.pgdata_dir}")


def dbt_command(
    ctx: typer.Context,
) -> None:
    """Run dbt with the project's profile: `revops dbt -- build --select staging`."""
    settings = Settings.from_env()
    info = connect_info(settings)
    with build_lock(settings, info):
        outcome = run_dbt(settings, info, list(ctx.args))
    raise typer.Exit(0 if outcome.success else 1)


def init_command() -> None:
    """Create the raw tables and the Python jobs' output tables, empty, so a plain `dbt build`
    (profiles.example.yml, no `revops run`) runs on a fresh database. Idempotent."""
    from python_jobs.load.service import ensure_raw_schema
    from python_jobs.match.store import ensure_tables
    from python_jobs.warehouse.connection import connect

    settings = Settings.from_env()
    with connect(connect_info(settings)) as conn:
        ensure_raw_schema(conn)
        ensure_tables(conn)
        conn.commit()
    console.print("raw and matching tables ready: `dbt build` runs on this database")
