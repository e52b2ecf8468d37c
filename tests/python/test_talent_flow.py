"""Talent flow end to end, through the CLI, against a real database.

One scripted world in a scratch database: a CRM with two accounts (Acme, Globex), people the
vendor delivers monthly, then weekly within one month, and an untracked employer (Initech).
The first deliveries are taken by `revops snapshot`, the rest replayed one at a time (`dbt
build` of the snapshot's input and the snapshot with var talent_flow_snapshot_date), and the
test checks the movements each rule and kill switch must give, the snapshot's safety rails (no
change, same month twice, out-of-order replay, truncated delivery, a non-UTC database,
concurrent runs) and the spec's worked example (John Smith: baseline 90, a CRM-confirmed
promotion +70 = 160, engaged, nurture).

Dates are relative to today (the worked example's promotion must be recent for the score to
be as the spec says, and fresh for the nurture action to fire): D0..D1 monthly,
D2..D5 within one calendar month (D3 = D2 + 5 days, D4 = D2 + 11, D5 = D2 + 23), D6 today.
"""

from __future__ import annotations

import csv
import json
import os
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import psycopg
import pytest
from conftest import REVOPS, database_env, revops

from python_jobs.load.raw_tables import RAW_FEEDS
from python_jobs.settings import PROJECT_ROOT
from python_jobs.warehouse.connection import ConnectInfo

SNAPSHOT_LOCK = "revops.snapshots.people_snapshot"  # the snapshot pre-hook's advisory lock
# one replay: the snapshot's input (its guards run first) and the snapshot; unit tests run in CI
REPLAY = ["int_people_snapshot_input", "people_snapshot", "--exclude-resource-type", "unit_test"]

VENDOR_HEADER = list(RAW_FEEDS["vendor_people_snapshots"].columns)
COMPANIES = {
    "acme": ("Acme", "acme.com"),
    "globex": ("Globex", "globex.com"),
    "initech": ("Initech", "initech.com"),  # never in the CRM: untracked
}

# (company, title, seniority, department) per delivery D0..D5; None = not in that delivery.
State = tuple[str, str, str, str] | None
AE = ("acme", "Account Executive", "Individual Contributor", "Sales")
PEOPLE: dict[str, list[State]] = {
    "static": [AE] * 6,
    "promo": [("acme", "Sales Manager", "Manager", "Sales")]
    + [("acme", "VP Sales", "VP", "Sales")] * 5,
    "dept": [("acme", "Data Engineer", "Individual Contributor", "Engineering")]
    + [("acme", "Financial Analyst", "Individual Contributor", "Finance")] * 5,
    "lateral": [("acme", "Director of Sales", "Director", "Sales")]
    + [("acme", "Director of Inside Sales", "Director", "Sales")] * 5,
    "gone": [("globex", "Buyer", "Individual Contributor", "Operations")] + [None] * 5,
    "mover": [AE] + [("globex", "Sales Manager", "Manager", "Sales")] * 5,
    "leaver": [("acme", "Recruiter", "Individual Contributor", "HR")]
    + [("initech", "Recruiter", "Individual Contributor", "HR")] * 5,
    "newbie": [None] + [("globex", "Marketing Analyst", "Individual Contributor", "Marketing")] * 5,
    "outsider": [None] + [("initech", "Buyer", "Individual Contributor", "Operations")] * 5,
    "flip": [("acme", "Marketing Manager", "Manager", "Marketing")]
    + [("acme", "VP Marketing", "VP", "Marketing")]
    + [("acme", "Marketing Manager", "Manager", "Marketing")] * 4,
    "cool": [("acme", "Product Analyst", "Individual Contributor", "Product")] * 2
    + [("acme", "Product Designer", "Individual Contributor", "Product")]
    + [("acme", "Product Design Manager", "Manager", "Product")] * 3,
    "cap": [("globex", "Accountant", "Individual Contributor", "Finance")] * 2
    + [("globex", "Senior Accountant", "Individual Contributor", "Finance")] * 2
    + [("globex", "Payroll Specialist", "Individual Contributor", "Finance")]
    + [("globex", "Finance Manager", "Manager", "Finance")],
    "rehire": [("globex", "Support Engineer", "Individual Contributor", "Customer Success")] * 3
    + [None]
    + [("globex", "Support Engineer", "Individual Contributor", "Customer Success")] * 2,
    "dual_a": [("acme", "Sales Engineer", "Individual Contributor", "Sales")] * 2
    + [("globex", "Sales Engineer", "Individual Contributor", "Sales")] * 4,
    "dual_b": [None, None, ("acme", "Sales Engineer", "Individual Contributor", "Sales")]
    + [None] * 3,
    "guessed": [("acme", "Operations Manager", "", "Operations")]
    + [("acme", "Director of Operations", "", "Operations")] * 5,
}
# distinct names, so entity matching never merges two of them by name; dual_b is a second
# vendor record of dual_a's person (same name and LinkedIn URL)
NAMES = {
    "static": "Alice Johnson", "promo": "Brian Okafor", "dept": "Chloe Nakamura",
    "lateral": "Diego Alvarez", "gone": "Emma Schulz", "mover": "Farid Haddad",
    "leaver": "Grace Liu", "newbie": "Hiro Tanaka", "outsider": "Ines Moreau",
    "flip": "Jonas Berg", "cool": "Kavya Iyer", "cap": "Liam Foster", "rehire": "Maya Cohen",
    "dual_a": "Noah Williams", "dual_b": "Noah Williams", "guessed": "Oscar Petrov",
}  # fmt: skip
KEYS = {name: key for key, name in reversed(NAMES.items())}


def delivery_dates(today: date) -> list[date]:
    def first_of_month(months_back: int) -> date:
        year, month = divmod(today.year * 12 + today.month - 1 - months_back, 12)
        return date(year, month + 1, 1)

    d2 = first_of_month(2)
    return [first_of_month(4), first_of_month(3), d2, d2 + timedelta(days=5),
            d2 + timedelta(days=11), d2 + timedelta(days=23), today]  # fmt: skip


def vendor_row(key: str, day: date, state: tuple[str, str, str, str]) -> dict[str, str]:
    company, title, seniority, department = state
    name, domain = COMPANIES[company]
    person = NAMES[key]
    slug = person.lower().replace(" ", "-")
    return {
        "vendor_person_id": f"vp_{key}",
        "snapshot_date": day.isoformat(),
        "full_name": person,
        "email": f"{slug.replace('-', '.')}@{domain}",
        "phone": "",
        "title": title,
        "seniority": seniority,
        "department": department,
        "company_name": name,
        "company_domain": domain,
        "linkedin_url": f"https://www.linkedin.com/in/{slug}",
        "country": "US",
    }


def write_csv(path: Path, header: list[str], rows: list[dict[str, str]]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=header)
        writer.writeheader()
        writer.writerows(rows)
    return path


CRM_COMPANY_HEADER = list(RAW_FEEDS["crm_companies"].columns)
CRM_PEOPLE_HEADER = list(RAW_FEEDS["crm_people"].columns)
BACKFILL_HEADER = list(RAW_FEEDS["backfill_people"].columns)


def crm_company(crm_id: str, key: str) -> dict[str, str]:
    name, domain = COMPANIES[key]
    return {
        "crm_company_id": crm_id, "company_name": f"{name} Corp", "website": f"https://{domain}",
        "industry": "Software", "employee_count": "500", "annual_revenue": "1000000",
        "phone": "", "state": "", "country": "US", "owner": "Alex Rivera",
        "lifecycle_stage": "customer", "created_at": "2024-01-01T00:00:00Z",
        "updated_at": "2024-06-01T00:00:00Z",
    }  # fmt: skip


def crm_person(crm_id: str, company_id: str, name: str, email: str, title: str, linkedin: str):
    return {
        "crm_person_id": crm_id, "crm_company_id": company_id, "full_name": name,
        "email": email, "phone": "", "title": title, "linkedin_url": linkedin, "country": "US",
        "owner": "Alex Rivera", "lifecycle_stage": "customer",
        "created_at": "2024-01-01T00:00:00Z", "updated_at": "2024-06-01T00:00:00Z",
    }  # fmt: skip


@dataclass
class World:
    info: ConnectInfo
    env: dict[str, str]
    dates: list[date]
    folder: Path
    counts_after: dict[str, int]  # snapshot rows after named steps
    lock_waited: bool
    out_of_order: subprocess.CompletedProcess[str]
    truncated: subprocess.CompletedProcess[str]

    def query(self, sql: str, params: tuple = ()) -> list[tuple]:
        with psycopg.connect(**self.info.kwargs()) as conn:  # type: ignore[arg-type]
            return conn.execute(sql, params).fetchall()

    def movements(self) -> dict[tuple[str, str, date], tuple]:
        """(person key, movement type, snapshot date) -> (status, reason, signal type, source)."""
        rows = self.query(
            """select coalesce(people.full_name, movements.person_id), movements.movement_type,
                      movements.snapshot_date, movements.status, movements.contradiction_reason,
                      movements.signal_type, movements.movement_source
               from core.fct_movements as movements
               left join core.dim_person as people using (workspace_id, person_id)
               where movements.workspace_id = 'default'"""
        )
        return {(KEYS.get(name, name), kind, day): tuple(rest) for name, kind, day, *rest in rows}


def _dbt(env: dict[str, str], *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    return revops("dbt", "--", *args, env=env, check=check, timeout=300)


def _replay(env: dict[str, str], day: date, check: bool = True):
    variables = json.dumps({"talent_flow_snapshot_date": day.isoformat()})
    return _dbt(env, "build", "--select", *REPLAY, "--vars", variables, check=check)


def _snapshot_rows(info: ConnectInfo) -> int:
    with psycopg.connect(**info.kwargs()) as conn:  # type: ignore[arg-type]
        row = conn.execute("select count(*) from snapshots.people_snapshot").fetchone()
    return int(row[0]) if row else 0


def _write_world(folder: Path, dates: list[date]) -> None:
    deliveries = [*dates[:6], dates[6]]
    for index, day in enumerate(deliveries):
        states = {key: history[min(index, 5)] for key, history in PEOPLE.items()}
        rows = [vendor_row(key, day, state) for key, state in states.items() if state]
        write_csv(folder / "default" / "vendor" / f"{day}.csv", VENDOR_HEADER, rows)
    write_csv(
        folder / "default" / "crm_companies.csv",
        CRM_COMPANY_HEADER,
        [crm_company("9001", "acme"), crm_company("9002", "globex")],
    )
    # the mover is a known contact at Acme: their hire at Globex is a champion hire
    write_csv(
        folder / "default" / "crm_people.csv",
        CRM_PEOPLE_HEADER,
        [crm_person("8001", "9001", "Farid Haddad", "farid.haddad@acme.com", "Account Executive",
                    "https://www.linkedin.com/in/farid-haddad")],
    )  # fmt: skip
    # the worked example's workspace: John Smith, 3 historical replies; the CRM already shows
    # him as VP Sales, so the vendor's promotion is CRM-confirmed (confidence 1.0)
    john = {
        "company_name": "ACME", "company_domain": "acme.com", "full_name": "John Smith",
        "email": "john.smith@acme.com", "linkedin_url": "https://www.linkedin.com/in/john-smith",
    }  # fmt: skip
    for day, title, seniority in (
        (dates[0], "Sales Manager", "Manager"),
        (dates[6], "VP Sales", "VP"),
    ):
        row = {**dict.fromkeys(VENDOR_HEADER, ""), **john, "vendor_person_id": "vp_john",
               "snapshot_date": day.isoformat(), "title": title, "seniority": seniority,
               "department": "Sales", "country": "US"}  # fmt: skip
        write_csv(folder / "worked" / "vendor" / f"{day}.csv", VENDOR_HEADER, [row])
    write_csv(
        folder / "worked" / "crm_companies.csv", CRM_COMPANY_HEADER, [crm_company("9101", "acme")]
    )
    write_csv(
        folder / "worked" / "crm_people.csv",
        CRM_PEOPLE_HEADER,
        [crm_person("8101", "9101", "John Smith", "john.smith@acme.com", "VP Sales",
                    "https://www.linkedin.com/in/john-smith")],
    )  # fmt: skip
    write_csv(
        folder / "worked" / "backfill_people.csv",
        BACKFILL_HEADER,
        [{"legacy_person_id": "L-1", "legacy_company_id": "LC-1",
          "company_name": "ACME CORPORATION, INC.", "company_domain": "acme.com",
          "full_name": "Mr. JOHN SMITH, Jr.", "email": "John.Smith@acme.com", "phone": "",
          "title": "Sales Manager", "seniority": "Mgr", "linkedin_url": "", "opens": "0",
          "replies": "3", "meetings": "0", "last_activity_date": "2025-06-24"}],
    )  # fmt: skip


def _hold_lock_while(info: ConnectInfo, env: dict[str, str], day: date) -> tuple[bool, int]:
    """Hold the snapshot's lock, start a replay, see it wait on the lock, release it."""
    variables = json.dumps({"talent_flow_snapshot_date": day.isoformat()})
    with psycopg.connect(autocommit=True, **info.kwargs()) as conn:  # type: ignore[arg-type]
        conn.execute("select pg_advisory_lock(hashtext(%s))", (SNAPSHOT_LOCK,))
        process = subprocess.Popen(
            [*REVOPS, "dbt", "--", "build", "--select", *REPLAY, "--vars", variables],
            cwd=PROJECT_ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            stdin=subprocess.DEVNULL,
        )
        waited = False
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and process.poll() is None:
            row = conn.execute(
                """select count(*) from pg_stat_activity
                   where datname = current_database() and wait_event = 'advisory'"""
            ).fetchone()
            if row and row[0]:
                waited = True
                break
            time.sleep(0.5)
        conn.execute("select pg_advisory_unlock(hashtext(%s))", (SNAPSHOT_LOCK,))
    return waited, process.wait(timeout=300)


@pytest.fixture(scope="module")
def world(
    scratch_database: ConnectInfo, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[World]:
    folder = tmp_path_factory.mktemp("talent_flow")
    today = datetime.now(UTC).date()
    dates = delivery_dates(today)
    _write_world(folder, dates)
    env = {
        **os.environ,
        **database_env(scratch_database),
        "REVOPS_WORKSPACE": "default",
        # a dbt target folder of our own: concurrent dbt runs elsewhere never share its state
        "DBT_TARGET_PATH": str(folder / "target"),
        "DBT_LOG_PATH": str(folder / "logs"),
    }
    worked_env = {**env, "REVOPS_WORKSPACE": "worked"}
    revops("load", str(folder / "default"), env=env, check=True)
    revops("load", str(folder / "worked"), env=worked_env, check=True)

    # golden records: everything entity matching reads, `revops match` per workspace, then what
    # it feeds (tests of models outside talent flow are other modules' business)
    quick = ["--exclude-resource-type", "test", "--exclude-resource-type", "unit_test"]
    _dbt(env, "build", "--exclude", "source:matching+", *quick)
    revops("match", env=env, check=True)
    revops("match", env=worked_env, check=True)
    _dbt(
        env,
        "build",
        "--select",
        "source:matching+",
        "--exclude",
        "int_people_snapshot_input+",
        *quick,
    )

    # a database whose default timezone is far from UTC (UTC+14): versions are still dated
    # 00:00 UTC of their delivery (the runner also pins dbt's sessions to UTC)
    with psycopg.connect(autocommit=True, **scratch_database.kwargs()) as conn:  # type: ignore[arg-type]
        conn.execute(
            f"alter database \"{scratch_database.dbname}\" set timezone to 'Pacific/Kiritimati'"
        )
    # D0..D2 as `revops snapshot` takes new deliveries (one parse for the series), then one
    # replay per delivery
    taken = revops("snapshot", "--until", dates[2].isoformat(), env=env, check=True)
    assert f"3 people deliveries snapshotted ({dates[0]} to {dates[2]})" in taken.stdout
    counts: dict[str, int] = {}
    for index, day in enumerate(dates[3:6], start=3):
        _replay(env, day)
        counts[f"D{index}"] = _snapshot_rows(scratch_database)
    _replay(env, dates[5])  # the same month twice
    counts["D5 again"] = _snapshot_rows(scratch_database)
    lock_waited, returncode = _hold_lock_while(scratch_database, env, dates[6])
    assert returncode == 0, "the replay that waited on the lock failed"
    counts["D6"] = _snapshot_rows(scratch_database)

    _dbt(env, "build", "--select", "int_people_snapshot_input+",
         "--exclude", "int_people_snapshot_input", "people_snapshot",
         "--exclude-resource-type", "unit_test")  # fmt: skip

    before = _snapshot_rows(scratch_database)
    out_of_order = _replay(env, dates[1], check=False)
    counts["out of order"] = _snapshot_rows(scratch_database) - before

    # a truncated delivery: one person of sixteen, loaded as the next file
    tomorrow = today + timedelta(days=1)
    truncated_file = write_csv(
        folder / "truncated" / f"{tomorrow}.csv",
        VENDOR_HEADER,
        [vendor_row("static", tomorrow, AE)],
    )
    revops("load", str(truncated_file), env=env, check=True)
    variables = json.dumps({"talent_flow_snapshot_date": tomorrow.isoformat()})
    truncated = _dbt(
        env, "build", "--select", "base_vendor__people_snapshots", "stg_vendor__people_snapshots",
        *REPLAY, "--vars", variables, check=False,
    )  # fmt: skip
    counts["truncated"] = _snapshot_rows(scratch_database) - before
    yield World(scratch_database, env, dates, folder, counts, lock_waited, out_of_order, truncated)


def test_each_movement_type_is_classified(world: World) -> None:
    d1 = world.dates[1]
    movements = world.movements()
    expected = {
        ("promo", "promotion", d1): ("accepted", None, "movement_promotion", "vendor"),
        ("dept", "transfer", d1): ("accepted", None, "movement_transfer", "vendor"),
        ("lateral", "transfer", d1): ("accepted", None, "movement_transfer", "vendor"),
        ("newbie", "hire", d1): ("accepted", None, "movement_hire", "vendor"),
        ("gone", "exit", d1): ("accepted", None, "movement_exit", "vendor"),
        ("leaver", "exit", d1): ("accepted", None, "movement_exit", "vendor"),
        # a move between tracked companies: an exit at the old, a (champion) hire at the new
        ("mover", "exit", d1): ("accepted", None, "movement_exit", "vendor"),
        ("mover", "hire", d1): ("accepted", None, "movement_champion_hire", "vendor"),
        ("guessed", "promotion", d1): ("accepted", None, "movement_promotion", "inferred"),
    }
    for key, value in expected.items():
        assert movements.get(key) == value, key
    # nobody moves at an untracked company, and the static person never moves
    assert not [key for key in movements if key[0] in {"outsider", "static"}]


def test_hard_delete_is_recorded_as_an_exit(world: World) -> None:
    rows = world.query(
        """select snapshots.dbt_is_deleted, cast(snapshots.dbt_valid_from as date)
           from snapshots.people_snapshot as snapshots
           inner join core.dim_person as people using (workspace_id, person_id)
           where people.full_name = %s order by snapshots.dbt_valid_from""",
        (NAMES["gone"],),
    )
    assert rows == [("False", world.dates[0]), ("True", world.dates[1])]


def test_kill_switches_suppress_and_keep_visible(world: World) -> None:
    d = world.dates
    movements = world.movements()
    assert movements[("cool", "transfer", d[2])][0] == "accepted"
    assert movements[("cool", "promotion", d[3])][0] == "suppressed_cooldown"  # 5 days later
    assert movements[("cap", "transfer", d[2])][0] == "accepted"
    assert movements[("cap", "transfer", d[4])][0] == "accepted"
    assert movements[("cap", "promotion", d[5])][0] == "suppressed_monthly_cap"  # third in month
    feed = world.query(
        """select status, points from marts.talent_flow_feed
           where status like 'suppressed%%'"""
    )
    assert sorted(status for status, _ in feed) == ["suppressed_cooldown", "suppressed_monthly_cap"]
    assert all(points == 0 for _, points in feed)


def test_contradictions_are_held_back_with_a_reason(world: World) -> None:
    d = world.dates
    movements = world.movements()
    assert movements[("flip", "promotion", d[1])][:2] == (
        "contradiction", "promotion_and_demotion_within_window")  # fmt: skip
    assert movements[("flip", "demotion", d[2])][:2] == (
        "contradiction", "promotion_and_demotion_within_window")  # fmt: skip
    assert movements[("rehire", "exit", d[3])][:2] == ("contradiction", "rehired_within_cooldown")
    assert movements[("rehire", "hire", d[4])][:2] == ("contradiction", "rehired_within_cooldown")
    assert movements[("dual_a", "exit", d[2])][:2] == ("contradiction", "two_current_employers")
    assert movements[("dual_a", "hire", d[2])][:2] == ("contradiction", "two_current_employers")
    reasons = world.query(
        "select contradiction_reason, count(*) from marts.contradictions group by 1"
    )
    assert dict(reasons) == {
        "promotion_and_demotion_within_window": 2,
        "rehired_within_cooldown": 2,
        "two_current_employers": 2,
    }
    signals = world.query(
        """select count(*) from core.int_signals__movements as signals
           inner join core.fct_movements as movements
               on signals.origin_record_id = movements.movement_id
           where movements.status <> 'accepted'"""
    )
    assert signals == [(0,)]


def test_unchanged_and_repeated_deliveries_write_nothing(world: World) -> None:
    counts = world.counts_after
    assert counts["D5 again"] == counts["D5"]  # the same month twice: no duplicates
    # D6 repeats D5 for the default workspace: nothing new there (John's promotion is the one
    # new version, in the worked example's workspace)
    assert counts["D6"] == counts["D5"] + 1
    duplicates = world.query(
        """select count(*) from (
               select workspace_id, person_id, state_hash, dbt_is_deleted, count(*)
               from snapshots.people_snapshot
               where dbt_valid_to is null
               group by 1, 2, 3, 4 having count(*) > 1) as repeated"""
    )
    assert duplicates == [(0,)]


def test_versions_are_dated_by_delivery_in_utc(world: World) -> None:
    starts = {
        row[0]
        for row in world.query("select distinct dbt_valid_from from snapshots.people_snapshot")
    }
    assert starts == {datetime.combine(day, datetime.min.time()) for day in world.dates}


def test_concurrent_runs_wait_for_the_snapshot_lock(world: World) -> None:
    assert world.lock_waited, "the replay never waited on the snapshot's advisory lock"


def test_out_of_order_and_truncated_deliveries_are_refused(world: World) -> None:
    assert world.out_of_order.returncode != 0
    assert "snapshot_replays_in_order" in world.out_of_order.stdout + world.out_of_order.stderr
    assert world.counts_after["out of order"] == 0
    assert world.truncated.returncode != 0
    assert "snapshot_input_not_truncated" in world.truncated.stdout + world.truncated.stderr
    assert world.counts_after["truncated"] == 0


def test_worked_example_john_smith(world: World) -> None:
    rows = world.query(
        """select movement_type, status, movement_source, weight, confidence
           from core.fct_movements where workspace_id = 'worked'"""
    )
    assert rows == [("promotion", "accepted", "crm", 70, 1)]
    scored = world.query(
        """select count(*) from core.fct_signals
           where workspace_id = 'worked' and signal_type = 'movement_promotion'"""
    )
    assert scored == [(1,)], "the promotion did not reach the signal stream"
    intent = world.query(
        "select bit_score, tier, action from marts.contact_intent where workspace_id = 'worked'"
    )
    assert intent == [(160, "engaged", "nurture")]
    feed = world.query("select points from marts.talent_flow_feed where workspace_id = 'worked'")
    assert feed == [(70,)]
