"""Incremental scoring against a real database: after late, new and unresolvable events, after
the as_of day moves forward and back, and after the golden records change under the intent
marts, the incremental models hold exactly what a full refresh computes (the per-signal points
and every contact's and account's row in the marts)."""

from __future__ import annotations

import csv
import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import psycopg
import pytest
from conftest import database_env, revops

from python_jobs.load.raw_tables import RAW_FEEDS
from python_jobs.warehouse.connection import ConnectInfo

COMPANIES = "60"
SCORING = [
    "int_signals__engagement",
    "int_signals__engagement_resolved",
    "int_signals__records_resolved",
    "fct_signals",
    "int_bit_scoring_rules",
    "int_bit_signal_points",
    "fct_bit_score_contributions",
    "int_contact_scores",
    "int_contact_intent",
    "int_account_intent",
    "contact_intent",
    "account_intent",
]
EVENT_COLUMNS = RAW_FEEDS["engagement_events"].columns
# the per-signal points without the columns that say when a row was written
POINTS_SQL = """
select md5(string_agg(row(signal_id, workspace_id, person_id, company_id, signal_type,
    signal_source, is_repeat, weight, signal_value, confidence, base_points, points_after_dedup,
    points_after_cap, occurred_at)::text, ',' order by signal_id))
from core.int_bit_signal_points
"""
MART_SQL = """
select count(*), md5(string_agg(intent::text, ',' order by workspace_id, person_id))
from marts.contact_intent as intent
"""
ACCOUNTS_SQL = """
select count(*), md5(string_agg(intent::text, ',' order by workspace_id, company_id))
from marts.account_intent as intent
"""


@pytest.fixture(scope="module")
def warehouse(scratch_database: ConnectInfo) -> ConnectInfo:
    revops("run", "--companies", COMPANIES, env=database_env(scratch_database), check=True)
    return scratch_database


def build(info: ConnectInfo, as_of: date | None, full: bool = False) -> None:
    """The scoring models, incrementally (with the staging the new events pass through) or as
    a full refresh (of the scoring models only: a full refresh of a staging table would drop
    the views on it); for the as_of day, or with no as_of var (None: the run's day)."""
    staging = [] if full else ["base_engagement__events", "stg_engagement__events"]
    day = [] if as_of is None else ["--vars", json.dumps({"as_of": str(as_of)})]
    args = ["--select", *staging, *SCORING, *day]
    result = revops(
        "dbt", "--", "run", *args, *(["--full-refresh"] if full else []), env=database_env(info)
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr


def state(info: ConnectInfo) -> tuple:
    with psycopg.connect(**info.kwargs()) as conn:  # type: ignore[arg-type]
        points = conn.execute(POINTS_SQL).fetchone()
        mart = conn.execute(MART_SQL).fetchone()
        accounts = conn.execute(ACCOUNTS_SQL).fetchone()
    return points, mart, accounts


def late_and_new_events(info: ConnectInfo, path: Path, as_of: date, prefix: str = "late") -> Path:
    """Events of existing contacts: copies of old ones an hour later (late arrivals that turn
    later signals into repeats), new ones in the last days, and a few naming nobody."""
    with psycopg.connect(**info.kwargs()) as conn:  # type: ignore[arg-type]
        rows = conn.execute(
            "select event_id, event_type, occurred_at, crm_person_id, person_email,"
            " source_system from staging.stg_engagement__events"
            " order by md5(event_id) limit 300"
        ).fetchall()
    events = []
    for number, (event_id, event_type, occurred_at, person, email, source) in enumerate(rows):
        if number % 3 == 0:
            at = occurred_at + timedelta(hours=1)
        else:
            at = datetime(as_of.year, as_of.month, as_of.day, tzinfo=UTC) - timedelta(
                hours=1 + number % 90
            )
        events.append(
            {
                "event_id": f"{prefix}-{event_id}",
                "event_type": event_type,
                "occurred_at": at.strftime("%Y-%m-%dT%H:%M:%SZ"),
                "crm_person_id": "nobody-" + str(number) if number % 25 == 0 else person or "",
                "person_email": email or "",
                "source_system": source or "",
            }
        )
    with path.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(EVENT_COLUMNS)
        writer.writerows([event.get(column, "") for column in EVENT_COLUMNS] for event in events)
    return path


def test_incremental_scoring_equals_a_full_refresh(warehouse: ConnectInfo, tmp_path):
    today = datetime.now(UTC).date()
    build(warehouse, today)
    delta = late_and_new_events(warehouse, tmp_path / "late.csv", today)
    revops("load", str(delta), env=database_env(warehouse), check=True)
    build(warehouse, today)
    incremental = state(warehouse)
    build(warehouse, today, full=True)
    assert state(warehouse) == incremental

    # the day moves on 40 days (signals cross the 7/8 and 30/31 day boundaries), then back,
    # then back to a past day (a run for a past day rewrites only the contacts whose decay
    # differs, so the run after it must know which day it last scored) and to today again
    scored_today = incremental
    for as_of in (today + timedelta(days=40), today, today - timedelta(days=30), today):
        build(warehouse, as_of)
        incremental = state(warehouse)
        build(warehouse, as_of, full=True)
        assert state(warehouse) == incremental, f"as_of {as_of}"
        assert (incremental[1] == scored_today[1]) == (as_of == today)  # decay moved scores


# Keys that resolve anew, as a new build of the golden records writes them: a CRM id no
# person had now names one, and a CRM id and an email that named someone now name another.
KEYS_RESOLVED_ANEW = """
with someone as (
    select workspace_id, person_id, company_id from core.dim_person
    order by person_id limit 1
),
named as (
    select
        (select min(crm_person_id) from core.int_signals__engagement_resolved
         where person_id is not null and crm_person_id is not null) as crm_person_id,
        (select min(person_email) from core.int_signals__engagement_resolved
         where person_id is not null and person_email is not null) as person_email
),
moved as (
    update core.int_person_keys as keys
    set person_id = someone.person_id, company_id = someone.company_id,
        resolved_at = now() at time zone 'utc'
    from someone, named
    where
        (keys.key_type = 'crm_person_id' and keys.key_value = named.crm_person_id)
        or (keys.key_type = 'email' and keys.key_value = named.person_email)
    returning keys.key_value
)
insert into core.int_person_keys
select workspace_id, 'crm_person_id', crm_person_id, person_id, company_id,
    now() at time zone 'utc'
from someone
cross join (
    select distinct crm_person_id from core.int_signals__engagement_resolved
    where person_id is null and crm_person_id is not null
    order by crm_person_id limit 1
) as nobody
"""
UNRESOLVED_SQL = "select count(*) from core.fct_signals where person_id is null"


def test_keys_resolved_anew_re_resolve_their_signals(warehouse: ConnectInfo, tmp_path):
    """A key that names a person anew moves its signals, and their points and scores, in an
    incremental run exactly as a full refresh does."""
    today = datetime.now(UTC).date()
    delta = late_and_new_events(warehouse, tmp_path / "unknown.csv", today, prefix="rekeyed")
    revops("load", str(delta), env=database_env(warehouse), check=True)
    build(warehouse, today)
    before = state(warehouse)
    with psycopg.connect(**warehouse.kwargs()) as conn:  # type: ignore[arg-type]
        conn.execute(KEYS_RESOLVED_ANEW)
        unresolved_before = conn.execute(UNRESOLVED_SQL).fetchone()
    build(warehouse, today)
    incremental = state(warehouse)
    assert incremental[0] != before[0]  # signals moved to another person
    with psycopg.connect(**warehouse.kwargs()) as conn:  # type: ignore[arg-type]
        unresolved = conn.execute(UNRESOLVED_SQL).fetchone()
    assert unresolved < unresolved_before  # the unknown CRM id's signals now resolve
    build(warehouse, today, full=True)
    assert state(warehouse) == incremental


def test_new_weights_rescore_every_contact(warehouse: ConnectInfo):
    """A changed scoring var (the daily cap) is a new rules digest: the incremental run
    rescores everyone, as a full refresh would."""
    today = datetime.now(UTC).date()
    build(warehouse, today)
    before = state(warehouse)
    env = database_env(warehouse)
    args = [
        "--select",
        *SCORING,
        "--vars",
        json.dumps({"as_of": str(today), "bit_daily_cap_points": 100}),
    ]
    assert revops("dbt", "--", "run", *args, env=env).returncode == 0
    capped = state(warehouse)
    assert capped != before
    assert revops("dbt", "--", "run", *args, "--full-refresh", env=env).returncode == 0
    assert state(warehouse) == capped
    build(warehouse, today)  # the default cap again: rescored back
    assert state(warehouse)[1] == before[1]


# What a new build of the golden records can do to the contacts and accounts the marts show:
# rename an account, move a contact with signals to another account, drop a contact with
# signals and an account with contacts, add a contact.
GOLDEN_RECORD_CHANGES = """
with renamed as (
    update core.dim_company set company_name = company_name || ' (renamed)'
    where company_id = (select min(company_id) from core.dim_company)
    returning company_id
),
scored as (
    select person_id from core.int_contact_scores where bit_score > 0 order by person_id limit 2
),
moved as (
    update core.dim_person set company_id = (select max(company_id) from core.dim_company)
    where person_id = (select min(person_id) from scored)
    returning person_id
),
dropped as (
    delete from core.dim_person where person_id = (select max(person_id) from scored)
    returning person_id
),
account_dropped as (
    delete from core.dim_company
    where company_id = (
        select min(company_id) from core.dim_person
        where company_id <> (select min(company_id) from core.dim_company)
    )
    returning company_id
)
insert into core.dim_person (workspace_id, person_id, company_id, full_name, email)
select workspace_id, 'new-person', company_id, 'New Person', 'new.person@example.com'
from core.dim_company order by company_id limit 1
"""


def test_golden_record_changes_reach_the_intent_marts(warehouse: ConnectInfo):
    """The intent marts rewrite only what changed; a renamed, moved, dropped or new contact or
    account must still come out as a full refresh has it."""
    today = datetime.now(UTC).date()
    build(warehouse, today)
    before = state(warehouse)
    with psycopg.connect(**warehouse.kwargs()) as conn:  # type: ignore[arg-type]
        conn.execute(GOLDEN_RECORD_CHANGES)
    build(warehouse, today)
    incremental = state(warehouse)
    assert incremental[1:] != before[1:]
    build(warehouse, today, full=True)
    assert state(warehouse) == incremental


def test_the_marts_show_the_day_the_scores_were_built_for(warehouse: ConnectInfo):
    """Without an as_of var the scores are built for the run's day (UTC), and the views over them
    must say that day whenever they are read, not the reader's day: read here in a session whose
    local date is another day (what a warehouse built before midnight and read after it sees)."""
    started = datetime.now(UTC).date()
    build(warehouse, None)
    run_days = {started, datetime.now(UTC).date()}
    # UTC-12 is a day behind UTC before noon; UTC+14 a day ahead from 10:00 on
    zone = "Etc/GMT+12" if datetime.now(UTC).hour < 12 else "Etc/GMT-14"
    with psycopg.connect(**warehouse.kwargs()) as conn:  # type: ignore[arg-type]
        conn.execute(f"set time zone '{zone}'")
        local_day = conn.execute("select current_date").fetchone()[0]  # type: ignore[index]
        assert local_day not in run_days  # the reader's day is another one
        shown = {
            view: {day for (day,) in conn.execute(f"select distinct as_of_date from {view}")}
            for view in (
                "marts.contact_intent",
                "marts.account_intent",
                "core.fct_bit_score_contributions",
            )
        }
        contributions_off = conn.execute(
            """
            select count(*)
            from core.int_contact_scores as scores
            left join (
                select workspace_id, person_id, sum(points) as points
                from core.fct_bit_score_contributions
                group by workspace_id, person_id
            ) as contributions
                on scores.workspace_id = contributions.workspace_id
                and scores.person_id = contributions.person_id
            where scores.bit_score <> coalesce(contributions.points, 0)
            """
        ).fetchone()[0]  # type: ignore[index]
    for view, days in shown.items():
        assert len(days) == 1 and days <= run_days, f"{view} shows {days}, built for {run_days}"
    assert contributions_off == 0


QUEUE_SQL = """
select count(*), md5(coalesce(string_agg(row(trigger_id, action, tier, previous_tier,
    bit_score)::text, ',' order by trigger_id), ''))
from marts.outreach_queue where as_of_date = %s
"""


def queues(info: ConnectInfo, day: date) -> tuple:
    with psycopg.connect(**info.kwargs()) as conn:  # type: ignore[arg-type]
        outreach = conn.execute(QUEUE_SQL, (day,)).fetchone()
        meetings = conn.execute(
            "select count(*), md5(coalesce(string_agg(row(person_id, trigger_id, bit_score)::text,"
            " ',' order by person_id), '')) from marts.meeting_queue"
        ).fetchone()
    return outreach, meetings


def build_queues(info: ConnectInfo, day: date, full: bool = False) -> None:
    build(info, day, full=full)
    args = [
        "--select",
        "int_tier_rises",
        "outreach_queue",
        "meeting_queue",
        "outreach_audit",
        "--vars",
        json.dumps({"as_of": str(day)}),
    ]
    result = revops(
        "dbt", "--", "run", *args, *(["--full-refresh"] if full else []), env=database_env(info)
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr


def strong_events(crm_person_id: str, days: list[date], prefix: str) -> list[dict[str, str]]:
    """One of each strong type on each day (days 72 hours or more apart: none repeats)."""
    types = ["demo_request", "meeting_held", "meeting_booked", "email_reply"]
    return [
        {
            "event_id": f"{prefix}-{day}-{event_type}",
            "event_type": event_type,
            "occurred_at": f"{day}T09:00:00Z",
            "crm_person_id": crm_person_id,
            "source_system": "crm",
        }
        for day in days
        for event_type in types
    ]


def load_events(info: ConnectInfo, path: Path, events: list[dict[str, str]]) -> None:
    with path.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(EVENT_COLUMNS)
        writer.writerows([event.get(column, "") for column in EVENT_COLUMNS] for event in events)
    revops("load", str(path), env=database_env(info), check=True)


def a_cold_contact(info: ConnectInfo) -> tuple[str, str]:
    """A cold contact with a CRM id: (person_id, crm_person_id)."""
    with psycopg.connect(**info.kwargs()) as conn:  # type: ignore[arg-type]
        row = conn.execute(
            "select intent.person_id, min(keys.key_value) from marts.contact_intent as intent"
            " inner join core.int_person_keys as keys on keys.person_id = intent.person_id"
            " and keys.key_type = 'crm_person_id' where intent.tier = 'cold'"
            " group by intent.person_id order by intent.person_id limit 1"
        ).fetchone()
    assert row is not None, "no cold contact with a CRM id"
    return row[0], row[1]


def test_a_same_day_rerun_revises_the_days_triggers(warehouse: ConnectInfo, tmp_path):
    """New data the same day can take back a trigger the day's first run queued: the day's
    queues then hold what a full refresh for that day holds."""
    today = datetime.now(UTC).date()
    person_id, crm_person_id = a_cold_contact(warehouse)
    # fresh signals today: the contact rises and is queued
    load_events(warehouse, tmp_path / "today.csv", strong_events(crm_person_id, [today], "now"))
    build_queues(warehouse, today)
    before = queues(warehouse, today)
    with psycopg.connect(**warehouse.kwargs()) as conn:  # type: ignore[arg-type]
        queued = conn.execute(
            "select count(*) from marts.outreach_queue where person_id = %s and as_of_date = %s",
            (person_id, today),
        ).fetchone()
    assert queued == (1,)
    # the same signals on days before yesterday, loaded later the same day: yesterday's tier
    # rises to today's (burning both days), so today's rise, and its trigger, are gone
    history = strong_events(
        crm_person_id, [today - timedelta(days=4), today - timedelta(days=8)], "lift"
    )
    load_events(warehouse, tmp_path / "lift.csv", history)
    build_queues(warehouse, today)
    incremental = queues(warehouse, today)
    with psycopg.connect(**warehouse.kwargs()) as conn:  # type: ignore[arg-type]
        retriggered = conn.execute(
            "select count(*) from marts.outreach_queue where person_id = %s and as_of_date = %s",
            (person_id, today),
        ).fetchone()
    assert retriggered == (0,) and incremental != before  # the trigger was taken back
    build_queues(warehouse, today, full=True)
    assert queues(warehouse, today) == incremental


def test_replays_leave_no_trace(warehouse: ConnectInfo):
    """`revops replay` of two past days writes only their own schemas: the daily run that follows
    leaves every mart and queue as a fresh full build has them."""
    today = datetime.now(UTC).date()
    env = database_env(warehouse)
    build_queues(warehouse, today)
    days = [today - timedelta(days=30), today - timedelta(days=95)]
    for day in days:
        result = revops("replay", "--as-of", str(day), env=env)
        assert result.returncode == 0, result.stdout[-2000:] + result.stderr
    with psycopg.connect(**warehouse.kwargs()) as conn:  # type: ignore[arg-type]
        for day in days:
            shown = conn.execute(
                f"select distinct as_of_date from marts_replay_{day:%Y%m%d}.contact_intent"
            ).fetchall()
            assert shown == [(day,)]
        back_dated = conn.execute(
            "select count(*) from marts.outreach_queue where as_of_date <> %s", (today,)
        ).fetchone()
    assert back_dated == (0,)
    build_queues(warehouse, today)
    incremental = state(warehouse), queues(warehouse, today)
    build_queues(warehouse, today, full=True)
    assert (state(warehouse), queues(warehouse, today)) == incremental
    assert revops("replay", "--as-of", str(days[0]), "--drop", env=env).returncode == 0


def test_a_run_for_a_past_day_is_refused_and_named_a_replay(warehouse: ConnectInfo):
    """`revops run --as-of` continues the daily state: a day before the last one scored would
    leave back-dated triggers, so it is refused in one line that names the replay command."""
    build_queues(warehouse, datetime.now(UTC).date())
    past = datetime.now(UTC).date() - timedelta(days=10)
    result = revops(
        "run", "--companies", COMPANIES, "--as-of", str(past), env=database_env(warehouse)
    )
    assert result.returncode == 2
    assert f"revops replay --as-of {past}" in result.stderr.strip().splitlines()[-1]
