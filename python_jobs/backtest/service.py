"""`revops backtest`: score the same signals with a proposed scoring change, compare tiers.

The proposal is a folder of seed CSVs (any of seeds/**, same file names: e.g. a new
signal_weights.csv) and/or dbt vars (e.g. {"bit_daily_cap_points": 200}). The project is copied
to a scratch folder with the proposed seeds laid over it, and only the scoring seeds and the
scoring models are built there, into side schemas (`<schema>_backtest`); everything upstream
(signals, golden records) is deferred to the real build, so both sides score the same signals.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path

import psycopg

from python_jobs.errors import UserError
from python_jobs.settings import Settings
from python_jobs.warehouse.connection import ConnectInfo, connect
from python_jobs.warehouse.dbt_runner import build_or_fail

SUFFIX = "backtest"
SCORING_SEEDS = "seeds/scoring"
# the models a scoring change can move, built on the proposal's side from nothing (a side
# table left by an earlier backtest must not be taken for this proposal's incremental state)
SCORING_SELECTION = ["int_bit_scoring_rules", "int_bit_signal_points+"]
COPY_IGNORE = shutil.ignore_patterns(
    ".revops", ".venv", "target", "target_*", ".git", "logs", "__pycache__", "bench"
)


@dataclass
class TierShift:
    entity: str  # contact | account
    total: int
    moved_up: int
    moved_down: int
    unchanged: int
    before: dict[str, int] = field(default_factory=dict)  # tier -> count, current scoring
    after: dict[str, int] = field(default_factory=dict)  # tier -> count, proposal
    transitions: list[tuple[str, str, int]] = field(default_factory=list)  # (from, to, count)


def parse_vars(text: str | None) -> dict[str, object]:
    if not text:
        return {}
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        raise UserError(f"--vars must be a JSON object: {exc.msg}") from None
    if not isinstance(value, dict):
        raise UserError("--vars must be a JSON object, e.g. '{\"bit_daily_cap_points\": 200}'")
    return value


def prepare_project(settings: Settings, proposal: Path | None, workdir: Path) -> list[str]:
    """Copy the project and lay the proposal's seed files over it; return the replaced seeds."""
    shutil.copytree(settings.project_dir, workdir, ignore=COPY_IGNORE, dirs_exist_ok=True)
    replaced: list[str] = []
    if proposal is None:
        return replaced
    if not proposal.is_dir():
        raise UserError(f"{proposal}: not a folder of seed CSV files")
    existing = {path.name: path for path in (workdir / "seeds").rglob("*.csv")}
    for csv_file in sorted(proposal.glob("*.csv")):
        if csv_file.name not in existing:
            raise UserError(f"{csv_file.name}: no seed of that name in seeds/ to replace")
        shutil.copyfile(csv_file, existing[csv_file.name])
        replaced.append(csv_file.stem)
    if not replaced:
        raise UserError(f"{proposal}: no CSV files in it")
    return replaced


def run_backtest(
    settings: Settings,
    info: ConnectInfo,
    proposal: Path | None,
    proposed_vars: dict[str, object],
    as_of: str | None,
) -> list[TierShift]:
    if proposal is None and not proposed_vars:
        raise UserError("nothing to compare: give --seeds FOLDER and/or --vars JSON")
    with connect(info) as conn:
        if _missing(conn, "marts.contact_intent"):
            raise UserError("no scores to compare with: run `revops run` first")
    shared_vars: dict[str, object] = {"as_of": as_of} if as_of else {}
    with tempfile.TemporaryDirectory(prefix="revops-backtest-") as scratch:
        workdir = Path(scratch) / "project"
        prepare_project(settings, proposal, workdir)
        state = Path(scratch) / "state"
        # the real build's manifest: unselected models resolve to the real schemas
        build_or_fail(
            settings,
            info,
            ["parse", "--target-path", str(state), "--vars", json.dumps(shared_vars)],
            quiet=True,
        )
        side = replace(settings, project_dir=workdir)
        side_vars = {**shared_vars, **proposed_vars, "schema_suffix": SUFFIX}
        common = ["--vars", json.dumps(side_vars), "--target-path", str(Path(scratch) / "target")]
        build_or_fail(side, info, ["seed", "--select", SCORING_SEEDS, *common], quiet=True)
        build_or_fail(
            side,
            info,
            [
                "run",
                "--select",
                *SCORING_SELECTION,
                "--full-refresh",
                "--defer",
                "--state",
                str(state),
                *common,
            ],
            quiet=True,
        )
    with connect(info) as conn:
        return [
            compare(conn, "contact", "contact_intent", "person_id"),
            compare(conn, "account", "account_intent", "company_id"),
        ]


def compare(conn: psycopg.Connection, entity: str, mart: str, key: str) -> TierShift:
    rows = conn.execute(
        f"""select current.tier, proposed.tier, current.tier_rank, proposed.tier_rank, count(*)
            from marts.{mart} as current
            inner join marts_{SUFFIX}.{mart} as proposed
                on current.workspace_id = proposed.workspace_id and current.{key} = proposed.{key}
            group by 1, 2, 3, 4"""
    ).fetchall()
    shift = TierShift(entity=entity, total=0, moved_up=0, moved_down=0, unchanged=0)
    for before, after, before_rank, after_rank, count in rows:
        shift.total += count
        shift.before[before] = shift.before.get(before, 0) + count
        shift.after[after] = shift.after.get(after, 0) + count
        if after_rank > before_rank:
            shift.moved_up += count
        elif after_rank < before_rank:
            shift.moved_down += count
        else:
            shift.unchanged += count
        if before != after:
            shift.transitions.append((before, after, count))
    shift.transitions.sort(key=lambda item: -item[2])
    return shift


def _missing(conn: psycopg.Connection, relation: str) -> bool:
    row = conn.execute("select to_regclass(%s)", (relation,)).fetchone()
    return row is None or row[0] is None
