"""What every stage of one scale works with: the bench's own warehouse, its data, and helpers
that run the project's commands the way a user would (`revops ...` in a subprocess)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import psycopg

from python_jobs.generate.service import event_rate_suffix
from python_jobs.settings import PROJECT_ROOT, Settings
from python_jobs.warehouse.connection import ConnectInfo, connect, connect_info
from python_jobs.warehouse.embedded import EmbeddedPostgres, reset

SETTLE_LIMIT_S = 300  # the longest wait for autovacuum before a timed step
# the tables with rows written, changed or deleted since their last VACUUM or ANALYZE
TABLES_WRITTEN_SQL = """
select format('%I.%I', schemaname, relname)
from pg_stat_user_tables
where n_mod_since_analyze > 0 or n_ins_since_vacuum > 0 or n_dead_tup > 0
order by 1
"""
MONTHS = 12  # months of generated events and vendor snapshots (the generator's default)
# The scoring models the benchmark builds and times: the signal stream, the contributions and
# the two intent marts. Everything upstream of them is built once by the earlier stages.
# The scoring stage: from the engagement events and the resolved person keys to the marts. The
# person facts it reads (keys, roles, baselines, movements) are built with the golden records.
SCORING_SELECTION = [
    "int_signals__engagement",
    "int_signals__engagement_resolved",
    "int_signals__records_resolved",
    "fct_signals",
    "signals_unresolved",
    "int_bit_scoring_rules",
    "int_bit_signal_points",
    "fct_bit_score_contributions",
    "int_contact_scores",
    "int_contact_intent",
    "int_account_intent",
    "contact_intent",
    "account_intent",
]
ERROR_WORDS = ("error", "failure", "failed", "exception")


def error_lines(output: str, most: int = 3) -> str:
    """The lines of a command's output that say what went wrong (else its last lines)."""
    lines = [line.strip() for line in output.splitlines() if line.strip()]
    errors = [line for line in lines if any(word in line.lower() for word in ERROR_WORDS)]
    return " | ".join((errors or lines)[-most:])[:600]


class StageFailed(Exception):
    """A command the benchmark ran failed; the message carries its last output lines."""


@dataclass(frozen=True)
class Scale:
    name: str  # small | large | signals10m | the company count
    companies: int
    event_rate: float = 1.0  # engagement events per contact, times the generator's usual rate


@dataclass
class BenchContext:
    """One scale's run. `facts` collects counts the stages and the report read (raw rows, ...)."""

    home: Path  # the bench's REVOPS_HOME: its own embedded database and generated data
    scale: Scale
    seed: int
    as_of: str  # YYYY-MM-DD: the day the run's builds score as of, until a daily run moves on
    repeat: int  # repetitions of the comparisons and of the stages they compare
    naive_limit: int = 100_000  # above this many signals the naive scorer runs on a sample
    timeout_s: float = 1800.0  # the longest one command may run before it counts as failed
    stage_repeat: int = 1  # repetitions of the other stages (long, and compared with nothing)
    series: tuple[int, ...] = ()  # new rows of the incremental stages' scaling series
    facts: dict[str, Any] = field(default_factory=dict)
    _info: ConnectInfo | None = None

    @property
    def env(self) -> dict[str, str]:
        """The environment of every command: the bench's embedded warehouse (never an external
        one named by REVOPS_PG_*: the bench deletes its database), and dbt's files kept apart
        from the ones other people's runs write under target/ and logs/."""
        env = {k: v for k, v in os.environ.items() if not k.startswith("REVOPS_PG_")}
        env.update(
            REVOPS_HOME=str(self.home),
            DBT_TARGET_PATH=str(self.dbt_target_dir),
            DBT_LOG_PATH=str(self.home / "dbt-logs"),
            PYTHONUNBUFFERED="1",
            DBT_USE_COLORS="false",
        )
        return env

    @property
    def settings(self) -> Settings:
        return Settings.from_env(self.env)

    @property
    def dbt_target_dir(self) -> Path:
        return self.home / "dbt-target"

    @property
    def pgdata(self) -> Path:
        return self.settings.pgdata_dir

    @property
    def data_dir(self) -> Path:
        """Generated files for this scale, kept between runs (same name as `revops run` uses)."""
        name = f"seed{self.seed}-companies{self.scale.companies}-months{MONTHS}"
        return self.settings.generated_dir / (name + event_rate_suffix(self.scale.event_rate))

    @property
    def manifest(self) -> dict[str, Any]:
        return json.loads((self.data_dir / "manifest.json").read_text())

    def raw_rows(self, kind: str | None = None) -> int:
        """Rows in the generated raw files (all of them, or one feed kind)."""
        return sum(
            entry["rows"]
            for path, entry in self.manifest["files"].items()
            if path.startswith("raw/") and (kind is None or entry["kind"] == kind)
        )

    # -- the warehouse ---------------------------------------------------------------------------

    @property
    def info(self) -> ConnectInfo:
        if self._info is None:
            self._info = connect_info(self.settings)  # starts the embedded server when needed
        return self._info

    def reset_database(self) -> None:
        """Stop the bench's server and delete its data folder: the next use starts empty."""
        EmbeddedPostgres(self.pgdata, self.settings.pg_database).stop()
        reset(self.pgdata)
        self._info = None

    def query(self, sql: str, params: dict[str, Any] | None = None) -> list[tuple[Any, ...]]:
        with connect(self.info, autocommit=True) as conn:
            return conn.execute(sql, params).fetchall()  # type: ignore[arg-type]

    def scalar(self, sql: str, params: dict[str, Any] | None = None) -> Any:
        return self.query(sql, params)[0][0]

    def connect(self) -> psycopg.Connection:
        return connect(self.info, autocommit=True)

    def cancel_queries(self) -> None:
        """Cancel every query running on the bench's server (after a command timed out)."""
        self.query(
            "select pg_cancel_backend(pid) from pg_stat_activity"
            " where backend_type = 'client backend' and pid <> pg_backend_pid()"
        )

    # -- commands --------------------------------------------------------------------------------

    def revops(self, *args: str) -> str:
        """`revops <args>` in a subprocess, as a user runs it; its output, or StageFailed."""
        return self._run(
            [sys.executable, "-m", "python_jobs.cli", *args], "revops " + " ".join(args)
        )

    def _run(self, command: list[str], label: str) -> str:
        try:
            result = subprocess.run(
                command,
                cwd=PROJECT_ROOT,
                env=self.env,
                capture_output=True,
                text=True,
                stdin=subprocess.DEVNULL,
                timeout=self.timeout_s,
            )
        except subprocess.TimeoutExpired:
            self.cancel_queries()  # the server does not notice the client is gone mid-query
            raise StageFailed(f"{label[:100]}: timed out after {self.timeout_s:.0f}s") from None
        if result.returncode != 0:
            raise StageFailed(f"{label[:100]}: {error_lines(result.stderr + result.stdout)}")
        return result.stdout

    def python(self, code: str) -> str:
        """`python -c <code>` in the bench's environment (a job with no CLI command yet)."""
        return self._run([sys.executable, "-c", code], code[:80])

    def parse(self, extra_vars: dict[str, Any] | None = None) -> None:
        """`dbt parse` with the vars the next timed commands use (untimed), so a timed command
        starts from a current partial-parse state: dbt parses everything again when the vars
        differ from its last parse. Skipped when the last dbt command already ran with these
        vars (a file edited since costs the timed command a partial parse of that file)."""
        if self.facts.get("parsed_vars") != self._vars(extra_vars):
            self.dbt("parse", extra_vars=extra_vars)

    def forget_parse(self) -> None:
        """A command that parsed the project without the bench's vars (`revops snapshot`)."""
        self.facts.pop("parsed_vars", None)

    @property
    def scored_as_of(self) -> str:
        """The day the warehouse's scores are as of now: as_of, moved on a day by each daily
        (incremental) run; every dbt command and baseline scores as of it."""
        return str(self.facts.get("scored_as_of", self.as_of))

    def next_day(self) -> None:
        """The next daily run scores the day after the last one."""
        self.facts["scored_as_of"] = (
            date.fromisoformat(self.scored_as_of) + timedelta(days=1)
        ).isoformat()

    def _vars(self, extra_vars: dict[str, Any] | None) -> str:
        return json.dumps({"as_of": self.scored_as_of, **(extra_vars or {})}, sort_keys=True)

    def dbt(self, *args: str, extra_vars: dict[str, Any] | None = None) -> None:
        """A dbt command scoring as of the bench's day; records dbt's own elapsed seconds
        (run_results.json: model execution, without dbt's start-up and parsing)."""
        variables = self._vars(extra_vars)
        self.forget_parse()  # until it succeeds: a failed command may leave no parse behind
        self.revops("dbt", "--", *args, "--vars", variables)
        self.facts["parsed_vars"] = variables
        results = self.dbt_target_dir / "run_results.json"
        if args[0] != "parse" and results.exists():
            run = json.loads(results.read_text())
            self.facts["last_dbt_elapsed_s"] = run["elapsed_time"]
            self.facts["last_dbt_model_s"] = {
                result["unique_id"].split(".")[-1]: round(result["execution_time"], 3)
                for result in run["results"]
                if result["unique_id"].startswith("model.")
            }

    def settle(self, vacuum: bool) -> float:
        """Let the server finish background work before a timed step, so the step is not billed
        for it: a VACUUM ANALYZE first when asked, of the tables written since their last one
        (what autovacuum would do next; re-sampling every unchanged table took seconds per
        stage), then wait while autovacuum workers run. Returns the seconds waited."""
        started = time.perf_counter()
        with self.connect() as conn:
            if vacuum:
                written = [row[0] for row in conn.execute(TABLES_WRITTEN_SQL)]
                if written:
                    conn.execute(f"vacuum (analyze) {', '.join(written)}")  # type: ignore[arg-type]
            while time.perf_counter() - started < SETTLE_LIMIT_S:
                busy = conn.execute(
                    "select count(*) from pg_stat_activity where backend_type = 'autovacuum worker'"
                ).fetchone()
                if not busy or busy[0] == 0:
                    break
                time.sleep(0.5)
        return time.perf_counter() - started
