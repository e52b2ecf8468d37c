"""Staging against a real database: incremental event judging equals a full rebuild, protected
fields survive a conflicting second load, and the reference sample's baselines come out exact."""

from __future__ import annotations

import csv
from pathlib import Path

import psycopg
import pytest
from conftest import database_env, fixture_path, revops

from python_jobs.load.raw_tables import RAW_FEEDS
from python_jobs.warehouse.connection import ConnectInfo

EVENT_COLUMNS = RAW_FEEDS["engagement_events"].columns


def write_csv(path: Path, columns: tuple[str, ...], rows: list[dict[str, str]]) -> Path:
    with path.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(columns)
        writer.writerows([row.get(column, "") for column in columns] for row in rows)
    return path


def events_csv(path: Path, rows: list[dict[str, str]]) -> Path:
    return write_csv(path, EVENT_COLUMNS, rows)


def event(
    event_id: str,
    event_type: str = "email_open",
    person: str = "P1",
    at: str = "2026-03-01T10:00:00Z",
) -> dict[str, str]:
    return {
        "event_id": event_id,
        "event_type": event_type,
        "occurred_at": at,
        "crm_person_id": person,
        "source_system": "marketing_automation",
    }


def dbt(info: ConnectInfo, *args: str) -> None:
    # cautious: a test runs only when every model it reads was selected
    result = revops("dbt", "--", *args, "--indirect-selection", "cautious", env=database_env(info))
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr


def verdicts(info: ConnectInfo) -> list[tuple]:
    with psycopg.connect(**info.kwargs()) as conn:  # type: ignore[arg-type]
        return conn.execute(
            "select raw_row_id, event_id, reject_reason from staging.base_engagement__events"
            " order by raw_row_id"
        ).fetchall()


def test_incremental_event_judging_equals_a_full_rebuild(scratch_database, tmp_path):
    env = database_env(scratch_database)
    first = events_csv(
        tmp_path / "day1.csv",
        [
            event("e1"),
            event("e2"),
            event("e2"),
            event("e3", event_type="tweet_like"),
        ],
    )
    second = events_csv(
        tmp_path / "day2.csv",
        [
            event("e1"),  # replay of an accepted event
            event("e2", person="P9"),  # same id, other content
            event("e4"),
            event("e4"),  # new, and its replay in the same file
            event("e5", at="31/02/2026"),  # not a date
        ],
    )
    selection = ["--select", "+stg_engagement__events", "+stg_engagement__events_rejected"]
    revops("load", str(first), env=env, check=True)
    dbt(scratch_database, "build", *selection)
    revops("load", str(second), env=env, check=True)
    dbt(scratch_database, "build", *selection)
    incremental = verdicts(scratch_database)
    dbt(scratch_database, "build", *selection, "--full-refresh")
    assert verdicts(scratch_database) == incremental
    assert [reason for _row, _id, reason in incremental] == [
        None,
        None,
        "exact_replay",
        None,  # an unknown type is kept (scored at the fallback weight, flagged)
        "exact_replay",
        "conflicting_duplicate",
        None,
        "exact_replay",
        "unparseable_timestamp",
    ]


COMPANY_COLUMNS = RAW_FEEDS["crm_companies"].columns


def companies_csv(path: Path, values: dict[str, str]) -> Path:
    return write_csv(path, COMPANY_COLUMNS, [values])


def test_protected_fields_survive_a_conflicting_second_load(scratch_database, tmp_path):
    env = database_env(scratch_database)
    first = companies_csv(
        tmp_path / "crm_day1.csv",
        {
            "crm_company_id": "500",
            "company_name": "ACME CORPORATION, INC.",
            "website": "https://www.Acme.com/about",
            "industry": "Software",
            "owner": "Dana",
            "lifecycle_stage": "lead",
            "created_at": "2025-01-01T00:00:00Z",
        },
    )
    second = companies_csv(
        tmp_path / "crm_day2.csv",
        {
            "crm_company_id": "500",
            "company_name": "Acme Holdings",
            "website": "acme.io",
            "industry": "Fintech",
            "owner": "Eve",
            "lifecycle_stage": "customer",
            "created_at": "2025-06-01T00:00:00Z",
        },
    )
    revops("load", str(first), env=env, check=True)
    revops("load", str(second), env=env, check=True)
    dbt(scratch_database, "build", "--select", "+stg_crm__companies")
    with psycopg.connect(**scratch_database.kwargs()) as conn:  # type: ignore[arg-type]
        row = conn.execute(
            "select company_name, company_domain, owner, lifecycle_stage, created_at::date::text,"
            " industry, version_count from staging.stg_crm__companies where crm_company_id = '500'"
        ).fetchone()
    assert row == ("Acme", "acme.com", "Dana", "lead", "2025-01-01", "Fintech", 2)


@pytest.mark.parametrize("workspace", ["reference_sample"])
def test_reference_sample_baselines(scratch_database, workspace):
    env = {**database_env(scratch_database), "REVOPS_WORKSPACE": workspace}
    revops(
        "load", str(fixture_path("reference_sample", "backfill_people.csv")), env=env, check=True
    )
    dbt(scratch_database, "build", "--select", "+int_backfill_company_baselines")
    with psycopg.connect(**scratch_database.kwargs()) as conn:  # type: ignore[arg-type]
        rows = conn.execute(
            "select company_name, bit_baseline_points::int, tier from"
            " core.int_backfill_company_baselines where workspace_id = %s order by 1",
            (workspace,),
        ).fetchall()
    assert rows == [
        ("Acme", 240, "hot"),
        ("Datatech", 50, "warm"),
        ("Global Industries", 55, "warm"),
        ("Innovate Solutions", 350, "burning"),
        ("Techcorp", 130, "engaged"),
    ]
