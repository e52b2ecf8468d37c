"""Run the soak: a first `revops run`, then monthly cycles of advance-month, hostile files and
`revops run`, each checked; at the end, every table against a `--full-refresh` of itself."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from python_jobs.settings import PROJECT_ROOT, Settings
from python_jobs.warehouse.connection import ConnectInfo, connect, connect_info
from soak.hostile import ENCODED_NAMES, Injected, inject

# Columns that say when a run wrote a row (or for which day it was last rescored), not what it
# holds: a full refresh writes every row anew.
RUN_STAMPS = {
    "resolved_at",
    "scored_at",
    "refreshed_at",
    "applied_at",
    "points_scored_through",
    "as_of_date",
    # what a row pointed at before its last rewrite, kept so the next run knows whom to re-sum
    "previous_person_id",
    "previous_company_id",
}
# Tables whose rows are history a full refresh does not rebuild, and what is compared instead.
HISTORY = {
    # a log of triggers: a full refresh keeps only the day's
    "marts.outreach_queue": "as_of_date = (select max(as_of_date) from marts.outreach_queue)",
    # contacts and accounts gone from the golden records stay, withdrawn, so their accounts
    # re-sum; a full refresh never had them
    "core.int_contact_intent": "not is_withdrawn",
    "core.int_account_intent": "not is_withdrawn",
    # signals that vanished (a movement re-keyed by a merge) stay, withdrawn and with no
    # person, so the contact they counted for is rescored
    "core.int_signals__records_resolved": "not is_withdrawn",
    "core.int_bit_signal_points": "person_id is not null",
    # keys that vanished stay with no person, so the signals naming them re-resolve
    "core.int_person_keys": "person_id is not null",
    # contacts rescored to no signals keep a row of zeros; a full refresh has none
    "core.int_contact_scores": "signal_count > 0",
}
COMPARED_SCHEMAS = ("staging", "core", "marts")
RECONCILIATION_SQL = """
select count(*) filter (where raw_rows <> staged_rows + rejected_rows), count(*)
from core.load_reconciliation
"""


class SoakFailed(Exception):
    """A cycle failed or a check did not hold; the message says which."""


@dataclass
class Cycle:
    month: int
    seconds: float
    injected: Injected
    batches: int
    rejected: dict[str, int]  # reason -> rows, all batches so far
    merges: int  # person ids retired so far


@dataclass
class SoakReport:
    cycles: list[Cycle] = field(default_factory=list)
    first_run_seconds: float = 0.0
    full_refresh_seconds: float = 0.0
    tables_compared: int = 0
    raw_rows: int = 0


class Soak:
    def __init__(
        self,
        env: dict[str, str],
        companies: int,
        seed: int,
        on_line: Callable[[str], None] = print,
    ) -> None:
        self.env = {**os.environ, **env}
        self.companies = companies
        self.seed = seed
        self.say = on_line
        self.settings = Settings.from_env(self.env)
        self.info: ConnectInfo = connect_info(self.settings)

    # -- the cycles ---------------------------------------------------------------------------

    def run(self, months: int) -> SoakReport:
        report = SoakReport()
        report.first_run_seconds = self.revops("run", *self.data_set_options())
        self.check_reconciled()
        for month in range(1, months + 1):
            report.cycles.append(self.cycle(month))
            last = report.cycles[-1]
            self.say(
                f"month {month:>2}: {last.seconds:6.1f} s, {sum(last.injected.rows.values())}"
                f" hostile rows, {last.merges} ids retired so far, reconciled"
            )
        report.full_refresh_seconds, report.tables_compared = self.compare_with_full_refresh()
        with connect(self.info) as conn:
            report.raw_rows = int(
                conn.execute("select sum(raw_rows) from core.load_reconciliation").fetchone()[0]
            )  # type: ignore[index]
        return report

    def cycle(self, month: int) -> Cycle:
        self.revops("generate", "--advance-month", "--quiet", *self.data_set_options())
        folder = self.folder()
        delivery = self.newest_delivery(folder)
        with connect(self.info) as conn:
            injected = inject(folder, month, delivery, conn)
        seconds = self.revops("run", *self.data_set_options())
        batches = self.check_reconciled()
        self.check_encodings(month)
        with connect(self.info) as conn:
            rejected = dict(
                conn.execute(
                    "select reject_reason, count(*) from core.rejected_rows group by 1"
                ).fetchall()
            )
            merges = conn.execute(
                "select count(*) from matching.entity_aliases where entity_type = 'person'"
            ).fetchone()[0]  # type: ignore[index]
        return Cycle(month, seconds, injected, batches, rejected, int(merges))

    def data_set_options(self) -> list[str]:
        return ["--companies", str(self.companies), "--seed", str(self.seed)]

    def folder(self) -> Path:
        return self.settings.generated_dir / f"seed{self.seed}-companies{self.companies}"

    @staticmethod
    def newest_delivery(folder: Path) -> str:
        manifest = json.loads((folder / "manifest.json").read_text())
        deliveries = [
            Path(name).stem
            for name, entry in manifest["files"].items()
            if entry["kind"] == "vendor_people_snapshots"
        ]
        return max(deliveries)

    # -- the checks ---------------------------------------------------------------------------

    def check_reconciled(self) -> int:
        with connect(self.info) as conn:
            off, batches = conn.execute(RECONCILIATION_SQL).fetchone()  # type: ignore[misc]
        if off:
            raise SoakFailed(f"{off} of {batches} batches: raw rows <> staged + rejected")
        return int(batches)

    def check_encodings(self, month: int) -> None:
        """The month's two names written in two encodings arrive as written, not garbled."""
        with connect(self.info) as conn:
            names = [
                name
                for (name,) in conn.execute(
                    "select full_name from staging.stg_crm__people"
                    " where crm_person_id like %s order by crm_person_id",
                    (f"m{month:02d}-encoding-%",),
                )
            ]
        if names != list(ENCODED_NAMES):
            raise SoakFailed(f"names in two encodings arrived as {names}")

    def compare_with_full_refresh(self) -> tuple[float, int]:
        before = self.table_digests()
        seconds = self.revops("run", *self.data_set_options(), "--full-refresh")
        after = self.table_digests()
        differ = sorted(name for name in before if before[name] != after.get(name))
        if differ:
            raise SoakFailed(f"differs from a full refresh: {', '.join(differ)}")
        return seconds, len(before)

    def table_digests(self) -> dict[str, tuple]:
        """Row count and an order-free digest of every table of the dbt schemas, run stamps
        left out (a digest of each row's text, summed: no sort of the whole table)."""
        digests: dict[str, tuple] = {}
        with connect(self.info) as conn:
            columns: dict[str, list[str]] = {}
            for schema, table, column in conn.execute(
                """select c.table_schema, c.table_name, c.column_name
                   from information_schema.columns as c
                   inner join information_schema.tables as t
                       on c.table_schema = t.table_schema and c.table_name = t.table_name
                   where t.table_type = 'BASE TABLE' and c.table_schema = any(%s)
                   order by c.table_schema, c.table_name, c.ordinal_position""",
                (list(COMPARED_SCHEMAS),),
            ):
                if column not in RUN_STAMPS:
                    columns.setdefault(f"{schema}.{table}", []).append(column)
            for name, names in columns.items():
                row = ", ".join(f'"{column}"' for column in names)
                where = f"where {HISTORY[name]}" if name in HISTORY else ""
                digests[name] = conn.execute(
                    f"select count(*), coalesce(sum(('x' || substr(md5(row({row})::text), 1, 15))"
                    f"::bit(60)::bigint), 0) from {name} {where}"
                ).fetchone()  # type: ignore[assignment]
        return digests

    # -- the real CLI -------------------------------------------------------------------------

    def revops(self, *args: str) -> float:
        started = time.monotonic()
        result = subprocess.run(
            [sys.executable, "-m", "python_jobs.cli", *args],
            cwd=PROJECT_ROOT,
            env=self.env,
            capture_output=True,
            text=True,
            stdin=subprocess.DEVNULL,
        )
        if result.returncode != 0:
            raise SoakFailed(
                f"revops {' '.join(args)} exited {result.returncode}: "
                + (result.stderr.strip().splitlines() or ["(no message)"])[-1]
            )
        return time.monotonic() - started
