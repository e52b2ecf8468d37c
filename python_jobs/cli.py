"""`revops`: the command line. Thin: each command parses options and calls a service."""

from __future__ import annotations

import sys
import traceback

import typer

from python_jobs.backtest.cli import backtest_command
from python_jobs.bench_command import bench_command
from python_jobs.errors import PipelineFailed, UserError
from python_jobs.generate.cli import generate_command
from python_jobs.load.cli import load_command
from python_jobs.match.cli import match_command
from python_jobs.pipeline.cli import run_command, snapshot_command
from python_jobs.replay.cli import replay_command
from python_jobs.warehouse.cli import db_app, dbt_command, init_command

app = typer.Typer(
    name="revops",
    help="Buyer-intent warehouse: load, match, score and push B2B revenue signals.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
app.add_typer(db_app, name="db")
app.command("dbt", context_settings={"allow_extra_args": True, "ignore_unknown_options": True})(
    dbt_command
)
app.command("init")(init_command)
app.command("generate")(generate_command)
app.command("load")(load_command)
app.command("run")(run_command)
app.command("match")(match_command)
app.command("snapshot")(snapshot_command)
app.command("backtest")(backtest_command)
app.command("replay")(replay_command)
app.command("bench", context_settings={"allow_extra_args": True, "ignore_unknown_options": True})(
    bench_command
)


def is_usage_error(exc: BaseException) -> bool:
    """A bad command line (unknown option, bad value): typer's bundled click raises these, all
    carrying a user-facing message and an exit code."""
    return hasattr(exc, "format_message") and isinstance(getattr(exc, "exit_code", None), int)


def main(argv: list[str] | None = None) -> int:
    """Entry point: every error a user can cause ends in one line on stderr and a non-zero exit."""
    try:
        returned = app(args=argv, standalone_mode=False)
        if isinstance(returned, int):  # typer hands back typer.Exit codes in this mode
            return returned
    except typer.Exit as done:
        return done.exit_code
    except typer.Abort:
        print("revops: aborted", file=sys.stderr)
        return 130
    except (UserError, PipelineFailed) as exc:
        print(f"revops: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("revops: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:
        if is_usage_error(exc):
            message = " ".join(exc.format_message().split())  # type: ignore[attr-defined]
            print(f"revops: {message} (see --help)", file=sys.stderr)
            return exc.exit_code  # type: ignore[attr-defined]
        # an internal defect: one line here, the traceback in a log file
        from python_jobs.settings import Settings

        log = Settings.from_env().state_dir / "last_error.log"
        log.parent.mkdir(parents=True, exist_ok=True)
        log.write_text(traceback.format_exc())
        print(
            f"revops: internal error: {type(exc).__name__}: {exc} (traceback in {log})",
            file=sys.stderr,
        )
        return 70
    return 0


if __name__ == "__main__":
    sys.exit(main())
