"""`revops replay --as-of DAY`: the scores, their per-signal breakdown and the intent marts as
they were (or will be) on another day, built into relations of their own.

A replay never writes where the daily run continues from: the as_of-dependent models are built
from nothing into side schemas named for the day (`core_replay_20260630`,
`marts_replay_20260630`), reading everything upstream (signals, points, golden records) from
the real build through dbt's defer. The queues are not replayed: a trigger is a fact of the day
it fired on. Replaying a day again replaces its relations; `--drop` removes them.
"""

from __future__ import annotations

import json
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import psycopg
from psycopg import sql

from python_jobs.errors import UserError
from python_jobs.settings import Settings
from python_jobs.warehouse.connection import ConnectInfo, connect
from python_jobs.warehouse.dbt_runner import build_or_fail

# the models whose rows depend on the as_of day, and nothing downstream of them that is a log
REPLAYED_MODELS = [
    "fct_bit_score_contributions",
    "int_contact_scores",
    "int_contact_intent",
    "int_account_intent",
    "contact_intent",
    "account_intent",
]
REPLAYED_SCHEMAS = ("core", "marts")


@dataclass(frozen=True)
class Replay:
    day: date
    schemas: tuple[str, ...]
    tiers: list[tuple[str, int]]  # contact tier -> contacts, for the summary

    @property
    def contact_intent(self) -> str:
        return f"{self.schemas[-1]}.contact_intent"


def suffix_for(day: date) -> str:
    return f"replay_{day:%Y%m%d}"


def replay_schemas(day: date) -> tuple[str, ...]:
    return tuple(f"{schema}_{suffix_for(day)}" for schema in REPLAYED_SCHEMAS)


def replay_day(settings: Settings, info: ConnectInfo, day: date) -> Replay:
    with connect(info) as conn:
        if _missing(conn, "core.int_bit_signal_points"):
            raise UserError("nothing to replay: run `revops run` first")
    with tempfile.TemporaryDirectory(prefix="revops-replay-") as scratch:
        state = Path(scratch) / "state"
        # the real build's manifest: every model not replayed resolves to the real schemas
        build_or_fail(settings, info, ["parse", "--target-path", str(state)], quiet=True)
        replay_vars = {"as_of": day.isoformat(), "schema_suffix": suffix_for(day)}
        build_or_fail(
            settings,
            info,
            [
                "build",
                "--select",
                *REPLAYED_MODELS,
                "--exclude-resource-type",
                "unit_test",
                "--full-refresh",
                "--defer",
                "--state",
                str(state),
                "--vars",
                json.dumps(replay_vars),
                "--target-path",
                str(Path(scratch) / "target"),
            ],
            quiet=True,
        )
    schemas = replay_schemas(day)
    with connect(info) as conn:
        tiers = conn.execute(
            sql.SQL(
                "select tier, count(*) from {} group by tier, tier_rank order by tier_rank"
            ).format(sql.Identifier(schemas[-1], "contact_intent"))
        ).fetchall()
    return Replay(day, schemas, [(tier, int(count)) for tier, count in tiers])


def drop_replay(info: ConnectInfo, day: date) -> list[str]:
    """Remove a day's replay; returns the schemas dropped."""
    dropped = []
    with connect(info) as conn:
        for schema in replay_schemas(day):
            exists = conn.execute(
                "select 1 from pg_namespace where nspname = %s", (schema,)
            ).fetchone()
            if exists:
                conn.execute(sql.SQL("drop schema {} cascade").format(sql.Identifier(schema)))
                dropped.append(schema)
        conn.commit()
    return dropped


def _missing(conn: psycopg.Connection, relation: str) -> bool:
    row = conn.execute("select to_regclass(%s)", (relation,)).fetchone()
    return row is None or row[0] is None
