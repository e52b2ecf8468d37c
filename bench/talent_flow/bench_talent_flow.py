"""Talent-flow benchmark: one monthly people delivery of N people (default 1,000,000), then the
next with a share of them changed (default 3%), snapshotted and classified through the CLI.

    .venv/bin/python bench/talent_flow/bench_talent_flow.py [--people N] [--changed 0.03]

In a scratch database on the warehouse server it writes two vendor delivery CSVs, loads them
with `revops load`, builds the golden records (matching replaced by exact keys: every vendor
person is their own golden person, companies are one per domain), then times, each as one
`revops dbt -- build` as the pipeline runs them:
  1. baseline   the first delivery: the snapshot's input and the snapshot (a full insert),
  2. snapshot   the second delivery: input (guards included) and the snapshot (the 3% diff),
  3. classify   everything downstream of the snapshot: movement models, talent-flow marts
                (and the scoring models that read them, once scoring unions movements in).
For each it reports wall time, dbt's own per-node times (run_results.json), the CLI process's
peak RSS (wait4) and the server's peak memory: the summed RSS and PSS of the PostgreSQL
processes sampled from /proc every 0.2 s (PSS shares shared buffers fairly between processes;
summed RSS counts them once per process), and the largest single backend's RSS.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import psycopg

from python_jobs.settings import PROJECT_ROOT, Settings
from python_jobs.warehouse.connection import ConnectInfo, connect_info

REVOPS = [sys.executable, "-m", "python_jobs.cli"]
HEADER = [
    "vendor_person_id", "snapshot_date", "full_name", "email", "phone", "title", "seniority",
    "department", "company_name", "company_domain", "linkedin_url", "country",
]  # fmt: skip
CRM_HEADER = [
    "crm_company_id", "company_name", "website", "industry", "employee_count", "annual_revenue",
    "phone", "state", "country", "owner", "lifecycle_stage", "created_at", "updated_at",
]  # fmt: skip
LEVELS = [  # (seniority label, title template)
    ("Individual Contributor", "{dept} Analyst"),
    ("Manager", "{dept} Manager"),
    ("Director", "Director of {dept}"),
    ("VP", "VP {dept}"),
    ("C-Level", "Chief {dept} Officer"),
]
DEPARTMENTS = ["Sales", "Marketing", "Engineering", "Finance", "Operations", "Product"]
# The exact-key stand-in for the matching job's tables (same shape as the real job's).
MATCHING_SQL = """
create schema if not exists matching;
drop table if exists matching.entity_assignments, matching.match_pairs, matching.match_fallout,
    matching.match_runs, matching.entity_aliases, matching.threshold_sensitivity,
    matching.match_quality cascade;
create table matching.entity_assignments as
select workspace_id, 'company' as entity_type, company_record_id as record_id,
    'co_' || md5(coalesce(company_domain, company_record_id)) as entity_id,
    'bench' as first_assigned_run_id, 'bench' as run_id
from core.int_company_records
union all
select workspace_id, 'person', person_record_id, 'pe_' || md5(person_record_id), 'bench', 'bench'
from core.int_person_records;
create table matching.match_pairs (workspace_id text, entity_type text, left_record_id text,
    right_record_id text, match_method text, score numeric, ratio_score numeric,
    token_score numeric, threshold numeric, decision text, run_id text);
create table matching.match_fallout (workspace_id text, entity_type text, record_id text,
    reason text, candidate_record_ids text, best_score numeric, run_id text);
create table matching.match_runs (run_id text, workspace_id text, started_at timestamptz,
    finished_at timestamptz);
create table matching.entity_aliases (workspace_id text, entity_type text,
    retired_entity_id text, surviving_entity_id text, run_id text);
create table matching.threshold_sensitivity (workspace_id text, entity_type text,
    threshold numeric, accepted_matches bigint, fallout_rows bigint, run_id text);
create table matching.match_quality (workspace_id text, entity_type text, precision numeric,
    recall numeric, f1 numeric, true_pairs bigint, predicted_pairs bigint, run_id text,
    evaluated_at timestamptz);
"""
# the node selection timed after the snapshot: everything downstream of it (the movement
# models, the talent-flow marts, and the scoring models once scoring unions movements in)
TALENT_FLOW_CLASSIFY = [
    "int_people_employer_conflicts",
    "int_movements_classified+",
    "int_person_employment+",
]


# --- data ------------------------------------------------------------------------------------


@dataclass
class Person:
    company: int
    level: int
    department: int


def write_deliveries(folder: Path, people: int, changed: float, seed: int) -> dict[str, int]:
    """A CRM of people/50 companies, delivery 1 of `people`, delivery 2 with `changed` of them
    changed: 35% promoted, 25% transferred, 25% moved to another company, 15% gone; plus as
    many new hires as leavers."""
    rng = random.Random(seed)
    companies = max(10, people // 50)
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / "crm_companies.csv").open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(CRM_HEADER)
        for number in range(companies):
            writer.writerow([f"{number}", f"Company {number}", f"company{number}.com", "Software",
                             "100", "1000000", "", "", "US", "Alex Rivera", "customer",
                             "2024-01-01T00:00:00Z", "2024-01-01T00:00:00Z"])  # fmt: skip
    population = {
        number: Person(rng.randrange(companies), rng.randrange(4), rng.randrange(len(DEPARTMENTS)))
        for number in range(people)
    }
    first, second = date(2026, 1, 1), date(2026, 2, 1)
    write_delivery(folder / "vendor" / f"{first}.csv", first, population)
    kinds = {"promotion": 0, "transfer": 0, "move": 0, "gone": 0, "hire": 0}
    for number in rng.sample(range(people), int(people * changed)):
        person, roll = population[number], rng.random()
        if roll < 0.35:
            person.level += 1
            kinds["promotion"] += 1
        elif roll < 0.60:
            person.department = (person.department + 1) % len(DEPARTMENTS)
            kinds["transfer"] += 1
        elif roll < 0.85:
            person.company = (person.company + 1 + rng.randrange(companies - 1)) % companies
            kinds["move"] += 1
        else:
            del population[number]
            kinds["gone"] += 1
    for number in range(people, people + kinds["gone"]):
        population[number] = Person(rng.randrange(companies), 0, rng.randrange(len(DEPARTMENTS)))
        kinds["hire"] += 1
    write_delivery(folder / "vendor" / f"{second}.csv", second, population)
    return kinds


def write_delivery(path: Path, day: date, population: dict[int, Person]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        for number, person in population.items():
            seniority, template = LEVELS[person.level]
            department = DEPARTMENTS[person.department]
            domain = f"company{person.company}.com"
            writer.writerow([
                f"vp_{number:08d}", day.isoformat(), f"Person {number}", f"p{number}@{domain}",
                "", template.format(dept=department), seniority, department,
                f"Company {person.company}", domain,
                f"https://www.linkedin.com/in/person-{number}", "US",
            ])  # fmt: skip


# --- measuring -------------------------------------------------------------------------------


@dataclass
class ServerMemory:
    """Peak memory of one PostgreSQL server's processes, sampled from /proc."""

    postmaster: int | None
    peak_rss_kb: int = 0
    peak_pss_kb: int = 0
    peak_backend_rss_kb: int = 0
    _stop: threading.Event = field(default_factory=threading.Event)
    _thread: threading.Thread | None = None

    def _pids(self) -> list[int]:
        pids = [self.postmaster] if self.postmaster else []
        for entry in os.listdir("/proc"):
            if entry.isdigit():
                try:
                    stat = Path(f"/proc/{entry}/stat").read_text()
                except OSError:
                    continue
                if int(stat.rsplit(")", 1)[1].split()[1]) == self.postmaster:
                    pids.append(int(entry))
        return pids

    @staticmethod
    def _kb(path: str, key: str) -> int:
        try:
            for line in Path(path).read_text().splitlines():
                if line.startswith(key):
                    return int(line.split()[1])
        except OSError:
            pass
        return 0

    def _sample(self) -> None:
        while not self._stop.is_set():
            rss = [self._kb(f"/proc/{pid}/status", "VmRSS:") for pid in self._pids()]
            pss = sum(self._kb(f"/proc/{pid}/smaps_rollup", "Pss:") for pid in self._pids())
            self.peak_rss_kb = max(self.peak_rss_kb, sum(rss))
            self.peak_pss_kb = max(self.peak_pss_kb, pss)
            self.peak_backend_rss_kb = max(self.peak_backend_rss_kb, max(rss, default=0))
            self._stop.wait(0.2)

    def __enter__(self) -> ServerMemory:
        if self.postmaster:
            self._thread = threading.Thread(target=self._sample, daemon=True)
            self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        if self._thread:
            self._thread.join()


@dataclass
class Step:
    name: str
    seconds: float
    client_peak_rss_kb: int
    server: ServerMemory
    node_seconds: dict[str, float]


def postmaster_pid(settings: Settings) -> int | None:
    if settings.external:
        return None
    try:
        return int((settings.pgdata_dir / "postmaster.pid").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return None


def run_cli(args: list[str], env: dict[str, str]) -> tuple[float, int]:
    """Run the CLI; (seconds, its peak RSS in kB from wait4). Fails loudly."""
    started = time.monotonic()
    process = subprocess.Popen([*REVOPS, *args], cwd=PROJECT_ROOT, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT)  # fmt: skip
    output = process.stdout.read() if process.stdout else b""
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        sys.stderr.write(output.decode(errors="replace")[-4000:])
        raise SystemExit(f"revops {' '.join(args)} failed ({process.returncode})")
    return time.monotonic() - started, usage.ru_maxrss


def timed_dbt(name: str, args: list[str], env: dict[str, str], postmaster: int | None) -> Step:
    with ServerMemory(postmaster) as server:
        seconds, client_kb = run_cli(["dbt", "--", *args], env)
    results = json.loads((Path(env["DBT_TARGET_PATH"]) / "run_results.json").read_text())
    nodes = {
        result["unique_id"].split(".")[-1] if not result["unique_id"].startswith("test.")
        else "tests": 0.0
        for result in results["results"]
    }  # fmt: skip
    for result in results["results"]:
        key = (
            "tests"
            if result["unique_id"].startswith("test.")
            else result["unique_id"].split(".")[-1]
        )
        nodes[key] = round(nodes.get(key, 0.0) + result["execution_time"], 2)
    return Step(name, seconds, client_kb, server, nodes)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=1_000_000)
    parser.add_argument("--changed", type=float, default=0.03)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--database", default="revops_bench_talent_flow")
    parser.add_argument("--work", type=Path, default=PROJECT_ROOT / ".revops" / "bench_talent_flow")
    parser.add_argument("--keep", action="store_true", help="Keep the scratch database.")
    options = parser.parse_args()

    settings = Settings.from_env()
    server = connect_info(settings)
    admin = ConnectInfo(server.host, server.port, server.user, server.password, "postgres")
    with psycopg.connect(autocommit=True, **admin.kwargs()) as conn:  # type: ignore[arg-type]
        conn.execute(f'drop database if exists "{options.database}" with (force)')
        conn.execute(f'create database "{options.database}"')
    info = ConnectInfo(server.host, server.port, server.user, server.password, options.database)
    with psycopg.connect(autocommit=True, **info.kwargs()) as conn:  # type: ignore[arg-type]
        for extension in ("vector", "pg_trgm", "fuzzystrmatch"):
            conn.execute(f"create extension if not exists {extension}")
    env = {
        **os.environ,
        "REVOPS_PG_DATABASE": options.database,
        "DBT_TARGET_PATH": str(options.work / "target"),
        "DBT_LOG_PATH": str(options.work / "logs"),
    }
    postmaster = postmaster_pid(settings)
    print(f"writing {options.people:,} people x 2 deliveries ...", flush=True)
    started = time.monotonic()
    kinds = write_deliveries(options.work / "data", options.people, options.changed, options.seed)
    print(f"  {time.monotonic() - started:.0f}s; changes: {kinds}", flush=True)
    seconds, _ = run_cli(["load", str(options.work / "data")], env)
    print(f"revops load: {seconds:.0f}s", flush=True)
    quick = ["--exclude-resource-type", "test", "--exclude-resource-type", "unit_test"]
    seconds, _ = run_cli(["dbt", "--", "build", "--exclude", "source:matching+", *quick], env)
    print(f"staging and matching inputs: {seconds:.0f}s", flush=True)
    with psycopg.connect(autocommit=True, **info.kwargs()) as conn:  # type: ignore[arg-type]
        conn.execute(MATCHING_SQL)  # type: ignore[arg-type]
    golden = ["build", "--select", "source:matching+", "--exclude", "int_people_snapshot_input+"]
    seconds, _ = run_cli(["dbt", "--", *golden, *quick], env)
    print(f"golden records: {seconds:.0f}s", flush=True)

    replay = ["build", "--select", "int_people_snapshot_input", "people_snapshot",
              "--exclude-resource-type", "unit_test", "--vars"]  # fmt: skip
    steps = [
        timed_dbt(
            "baseline", [*replay, '{talent_flow_snapshot_date: "2026-01-01"}'], env, postmaster
        ),
        timed_dbt(
            "snapshot", [*replay, '{talent_flow_snapshot_date: "2026-02-01"}'], env, postmaster
        ),
        timed_dbt(
            "classify",
            ["build", "--select", *TALENT_FLOW_CLASSIFY, "--exclude-resource-type", "unit_test"],
            env,
            postmaster,
        ),  # fmt: skip
    ]
    with psycopg.connect(**info.kwargs()) as conn:  # type: ignore[arg-type]
        snapshot_rows = conn.execute("select count(*) from snapshots.people_snapshot").fetchone()
        movements = conn.execute(
            "select movement_type, count(*) from core.fct_movements group by 1 order by 1"
        ).fetchall()
    print(f"\nsnapshot rows: {snapshot_rows[0]:,}; movements: {dict(movements)}")
    print(f"{'step':<10}{'wall s':>8}{'client MB':>11}{'server RSS MB':>15}{'server PSS MB':>15}"
          f"{'backend MB':>12}  dbt node seconds")  # fmt: skip
    for step in steps:
        print(f"{step.name:<10}{step.seconds:>8.1f}{step.client_peak_rss_kb / 1024:>11.0f}"
              f"{step.server.peak_rss_kb / 1024:>15.0f}{step.server.peak_pss_kb / 1024:>15.0f}"
              f"{step.server.peak_backend_rss_kb / 1024:>12.0f}  {step.node_seconds}")  # fmt: skip
    if not options.keep:
        with psycopg.connect(autocommit=True, **admin.kwargs()) as conn:  # type: ignore[arg-type]
            conn.execute(f'drop database if exists "{options.database}" with (force)')
    return 0


if __name__ == "__main__":
    sys.exit(main())
