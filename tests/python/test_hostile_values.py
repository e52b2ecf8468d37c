"""User data never fails a build: every value a downstream test checks is judged in staging first
(a reject reason, or a flagged value), so hostile rows land in the rejected models with a reason
and the build and its tests pass."""

from __future__ import annotations

import csv
from pathlib import Path

import psycopg
from conftest import database_env, revops

from python_jobs.load.raw_tables import RAW_FEEDS
from python_jobs.warehouse.connection import ConnectInfo

LONG_ID = "x" * 3000  # over the b-tree's row size limit when indexed whole


def write_csv(path: Path, kind: str, rows: list[dict[str, str]]) -> Path:
    columns = RAW_FEEDS[kind].columns
    with path.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(columns)
        writer.writerows([row.get(column, "") for column in columns] for row in rows)
    return path


def event(event_id: str, **values: str) -> dict[str, str]:
    return {
        "event_id": event_id,
        "event_type": "email_reply",
        "occurred_at": "2026-03-01T10:00:00Z",
        "crm_person_id": "P1",
        "source_system": "marketing_automation",
        **values,
    }


def build(info: ConnectInfo, *selection: str) -> None:
    result = revops(
        "dbt",
        "--",
        "build",
        "--select",
        *selection,
        "--indirect-selection",
        "cautious",
        env=database_env(info),
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr


def verdicts(info: ConnectInfo, relation: str, key: str) -> dict[str, str | None]:
    with psycopg.connect(**info.kwargs()) as conn:  # type: ignore[arg-type]
        rows = conn.execute(f"select {key}, reject_reason from staging.{relation}").fetchall()
    return {row[0][:20]: row[1] for row in rows}


EVENTS = "+stg_engagement__events +stg_engagement__events_rejected int_signals__engagement"


def test_hostile_events_are_rejected_or_flagged_and_the_build_passes(scratch_database, tmp_path):
    env = database_env(scratch_database)
    revops("load", str(write_csv(tmp_path / "d1.csv", "engagement_events", [event("e1")])), env=env)
    build(scratch_database, *EVENTS.split())
    hostile = [
        event(LONG_ID),
        event("e2", crm_person_id="p" * 600),
        event("e3", reply_sentiment="very positive"),
        event("e4", reply_sentiment="meh"),
        event("e5", occurred_at="yesterday"),
        event("e6", occurred_at="now"),
        event("e7", occurred_at="epoch"),
        event("e8", occurred_at="infinity"),
        event("e9", occurred_at="today 10:00"),
    ]
    revops("load", str(write_csv(tmp_path / "d2.csv", "engagement_events", hostile)), env=env)
    build(scratch_database, *EVENTS.split())  # incremental, into the indexed table
    assert verdicts(scratch_database, "base_engagement__events", "event_id") == {
        "e1": None,
        "x" * 20: "value_too_long",
        "e2": "value_too_long",
        "e3": None,
        "e4": None,
        "e5": "unparseable_timestamp",
        "e6": "unparseable_timestamp",
        "e7": "unparseable_timestamp",
        "e8": "unparseable_timestamp",
        "e9": "unparseable_timestamp",
    }
    with psycopg.connect(**scratch_database.kwargs()) as conn:  # type: ignore[arg-type]
        sentiments = conn.execute(
            "select event_id, reply_sentiment, reply_sentiment_label, is_unknown_reply_sentiment"
            " from staging.stg_engagement__events where event_id in ('e3', 'e4') order by 1"
        ).fetchall()
        rejected_id_length = conn.execute(
            "select length(event_id) from staging.stg_engagement__events_rejected"
            " where reject_reason = 'value_too_long' and event_id like 'x%'"
        ).fetchone()
    assert sentiments == [
        ("e3", "positive", "very positive", False),
        ("e4", None, "meh", True),
    ]
    assert rejected_id_length == (3000,), "the rejected model shows the row as loaded"


def test_event_types_fold_alias_or_are_kept_unknown_and_only_malformed_ones_are_rejected(
    scratch_database, tmp_path
):
    env = database_env(scratch_database)
    spellings = {
        "t1": "EMAIL OPEN",
        "t2": "Email-Open",
        "t3": "  email__open ",
        "t4": "opened",  # a name in event_type_aliases
        "t5": "tweet_like",  # well formed, unknown
        "t6": "bad\x01type",
        "t7": "x" * 70,
        "t8": "!!!",
    }
    rows = [event(event_id, event_type=spelling) for event_id, spelling in spellings.items()]
    revops("load", str(write_csv(tmp_path / "types.csv", "engagement_events", rows)), env=env)
    build(scratch_database, *EVENTS.split(), "unknown_event_types")
    judged = verdicts(scratch_database, "base_engagement__events", "event_id")
    assert {key: reason for key, reason in judged.items() if key in spellings} == {
        "t1": None,
        "t2": None,
        "t3": None,
        "t4": None,
        "t5": None,
        "t6": "malformed_event_type",
        "t7": "malformed_event_type",
        "t8": "malformed_event_type",
    }
    with psycopg.connect(**scratch_database.kwargs()) as conn:  # type: ignore[arg-type]
        types = conn.execute(
            "select event_id, event_type, is_unknown_event_type from staging.stg_engagement__events"
            " where event_id like 't_' order by event_id"
        ).fetchall()
        listed = conn.execute("select event_type, events from marts.unknown_event_types").fetchall()
        signal = conn.execute(
            "select signal_type from core.int_signals__engagement where origin_record_id = 't5'"
        ).fetchall()
    assert types == [
        ("t1", "email_open", False),
        ("t2", "email_open", False),
        ("t3", "email_open", False),
        ("t4", "email_open", False),
        ("t5", "tweet_like", True),
    ]
    assert listed == [("tweet_like", 1)]
    assert signal == [("tweet_like",)]  # a signal of its own type: the fallback weight


def test_relative_and_non_numeric_values_are_rejected_in_every_feed(scratch_database, tmp_path):
    env = database_env(scratch_database)
    files = {
        "vendor_people_snapshots": [
            {"vendor_person_id": "v1", "snapshot_date": "2026-03-01", "full_name": "Ann Lee"},
            {"vendor_person_id": "v2", "snapshot_date": "today", "full_name": "Bo Chan"},
            {"vendor_person_id": "v" * 600, "snapshot_date": "2026-03-01", "full_name": "Cy"},
            {
                "vendor_person_id": "v4",
                "snapshot_date": "2026-03-01",
                "full_name": "Di Ray",
                "company_name": "c" * 600,
            },
        ],
        "backfill_people": [
            {"legacy_person_id": "b1", "full_name": "Ann Lee", "last_activity_date": "tomorrow"},
            {"legacy_person_id": "b2", "full_name": "Bo Chan", "opens": "NaN"},
            {"legacy_person_id": "b3", "full_name": "Cy Dee", "last_activity_date": "2026-01-02"},
        ],
        "crm_people": [
            {"crm_person_id": "c1", "full_name": "Ann Lee", "created_at": "now"},
            {"crm_person_id": "c2", "full_name": "Bo Chan", "created_at": "2026-01-02"},
        ],
        "crm_opportunities": [
            {"crm_opportunity_id": "o1", "opportunity_name": "Deal", "amount": "NaN"},
            {"crm_opportunity_id": "o2", "opportunity_name": "Deal", "amount": "-Infinity"},
            {"crm_opportunity_id": "o3", "opportunity_name": "Deal", "close_date": "infinity"},
            {"crm_opportunity_id": "o4", "opportunity_name": "Deal", "amount": "10.5"},
        ],
    }
    for kind, rows in files.items():
        revops("load", str(write_csv(tmp_path / f"{kind}.csv", kind, rows)), env=env, check=True)
    build(
        scratch_database,
        "+stg_vendor__people_snapshots_rejected",
        "+stg_legacy_backfill__people_rejected",
        "+stg_crm__people_rejected",
        "+stg_crm__opportunities_rejected",
    )
    assert verdicts(scratch_database, "base_vendor__people_snapshots", "vendor_person_id") == {
        "v1": None,
        "v2": "unparseable_timestamp",
        "v" * 20: "value_too_long",
        "v4": "value_too_long",
    }
    assert verdicts(scratch_database, "base_legacy_backfill__people", "legacy_person_id") == {
        "b1": "unparseable_timestamp",
        "b2": "invalid_count",
        "b3": None,
    }
    assert verdicts(scratch_database, "base_crm__people", "crm_person_id") == {
        "c1": "unparseable_timestamp",
        "c2": None,
    }
    assert verdicts(scratch_database, "base_crm__opportunities", "crm_opportunity_id") == {
        "o1": "invalid_amount",
        "o2": "invalid_amount",
        "o3": "unparseable_timestamp",
        "o4": None,
    }
