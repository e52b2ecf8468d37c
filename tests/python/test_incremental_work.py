"""Guards on the work an incremental run does: a further delivery into a warehouse that holds many
earlier ones is judged with work proportional to the rows that arrived, whatever the planner
guesses. Measured as the tuples every plan node handled (EXPLAIN ANALYZE: rows x loops), not as
wall time, so a plan that loops over the arriving rows for each arriving row fails on any
machine."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import psycopg
from conftest import database_env, revops

from python_jobs.load.raw_tables import RAW_FEEDS
from python_jobs.warehouse.connection import ConnectInfo

# Tuples handled per arriving row that still count as proportional: the normalizations read a
# few seed rows and split a few tokens per distinct value (about 30 at 10,000 rows). A plan
# that loops over the arriving rows per arriving row handles thousands per row at this size.
WORK_PER_NEW_ROW = 100
PEOPLE = 1500
EARLIER_DELIVERIES = 3


def write_csv(path: Path, kind: str, rows: list[dict[str, str]]) -> Path:
    columns = RAW_FEEDS[kind].columns
    with path.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(columns)
        writer.writerows([row.get(column, "") for column in columns] for row in rows)
    return path


def vendor_delivery(month: int) -> list[dict[str, str]]:
    # a title changes for some people each month, as in a real delivery
    return [
        {
            "vendor_person_id": f"v{person}",
            "snapshot_date": f"2026-{month:02d}-01",
            "full_name": f"Person{person} Example",
            "email": f"person{person}@company{person % 97}.com",
            "title": "Director of Sales" if (person + month) % 11 == 0 else "Account Executive",
            "seniority": "manager",
            "department": "sales",
            "company_name": f"Company{person % 97} Inc",
            "company_domain": f"company{person % 97}.com",
        }
        for person in range(PEOPLE)
    ]


def event_day(day: int) -> list[dict[str, str]]:
    return [
        {
            "event_id": f"d{day}-e{index}",
            "event_type": "email_open",
            "occurred_at": f"2026-03-{day:02d}T10:00:00Z",
            "crm_person_id": f"P{index % 500}",
            "person_email": f"person{index % 500}@company{index % 97}.com",
            "source_system": "marketing_automation",
        }
        for index in range(PEOPLE)
    ]


def build(info: ConnectInfo, model: str) -> None:
    result = revops(
        "dbt",
        "--",
        "build",
        "--select",
        f"+{model}",
        "--exclude-resource-type",
        "test",
        "--exclude-resource-type",
        "unit_test",
        env=database_env(info),
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr


def compiled_sql(info: ConnectInfo, model: str, folder: str, target: Path) -> str:
    result = revops(
        "dbt",
        "--",
        "compile",
        "--select",
        model,
        "--target-path",
        str(target),
        env=database_env(info),
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr
    return (target / "compiled" / "revops" / "models" / folder / f"{model}.sql").read_text()


def plan_nodes(node: dict[str, Any]) -> list[tuple[float, str]]:
    """(tuples handled, a label) for a plan node and every node under it."""
    handled = node.get("Actual Rows", 0) * node.get("Actual Loops", 1)
    label = f"{node['Node Type']} {node.get('Relation Name', '')} x{node.get('Actual Loops')}"
    return [(handled, label)] + [
        item for child in node.get("Plans", []) for item in plan_nodes(child)
    ]


def work_of(info: ConnectInfo, sql: str) -> tuple[float, list[tuple[float, str]]]:
    """The tuples the query's plan handled in all, and its five busiest nodes."""
    with psycopg.connect(**info.kwargs()) as conn:  # type: ignore[arg-type]
        row = conn.execute("explain (analyze, format json) " + sql).fetchone()  # type: ignore[arg-type]
        conn.rollback()
    assert row is not None
    nodes = plan_nodes(row[0][0]["Plan"])
    return sum(handled for handled, _label in nodes), sorted(nodes, reverse=True)[:5]


def assert_proportional(
    info: ConnectInfo, tmp_path: Path, kind: str, model: str, folder: str, batches: list
) -> None:
    env = database_env(info)
    *earlier, arriving = batches
    for index, rows in enumerate(earlier):
        revops("load", str(write_csv(tmp_path / f"{kind}{index}.csv", kind, rows)), env=env)
        build(info, model)
    revops("load", str(write_csv(tmp_path / f"{kind}_new.csv", kind, arriving)), env=env)
    # what the model's pre-hook does before it reads a raw table grown by over 1%
    with psycopg.connect(autocommit=True, **info.kwargs()) as conn:  # type: ignore[arg-type]
        conn.execute(f"analyze raw.{RAW_FEEDS[kind].table}")
    sql = compiled_sql(info, model, folder, tmp_path / "target")
    assert "raw_row_id >" in sql, "the model did not compile as an incremental run"
    work, busiest = work_of(info, sql)
    assert work <= WORK_PER_NEW_ROW * len(arriving), (
        f"{model}: {work:,.0f} tuples for {len(arriving):,} arriving rows; busiest: {busiest}"
    )


def test_a_vendor_delivery_is_judged_in_work_proportional_to_its_rows(scratch_database, tmp_path):
    deliveries = [vendor_delivery(month) for month in range(1, EARLIER_DELIVERIES + 2)]
    assert_proportional(
        scratch_database,
        tmp_path,
        "vendor_people_snapshots",
        "base_vendor__people_snapshots",
        "staging/vendor/base",
        deliveries,
    )


def test_a_day_of_events_is_judged_in_work_proportional_to_its_rows(scratch_database, tmp_path):
    days = [event_day(day) for day in range(1, EARLIER_DELIVERIES + 2)]
    assert_proportional(
        scratch_database,
        tmp_path,
        "engagement_events",
        "base_engagement__events",
        "staging/engagement/base",
        days,
    )
