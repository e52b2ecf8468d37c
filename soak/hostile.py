"""Hostile rows for one monthly cycle, written next to the month's generated files so that
`revops run` loads them as a user's files would be: ids too long to index, values no enum
knows, spreadsheet formulas, relative dates, lines in two encodings, replays and conflicting
duplicates, and a delivery edit that makes matching merge two golden people (retiring an id)."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

import psycopg

from python_jobs.load.raw_tables import RAW_FEEDS

# loaded after every generated file (folders load in name order): a hostile row never takes a
# key from the real row it collides with
HOSTILE_FOLDER = "zz_hostile"
FORMULAS = ['=HYPERLINK("http://evil.example","open")', "+cmd|' /C calc'!A0", "@SUM(A1:A9)"]
FORMULAS += ["\t=1+1", "-2+3", "\r=2"]
ENCODED_NAMES = ("Jürgen Müller", "Zoë Brontë")


@dataclass
class Injected:
    """What one cycle injected, by kind of hostility."""

    rows: dict[str, int] = field(default_factory=dict)
    merges_set_up: int = 0

    def add(self, kind: str, count: int = 1) -> None:
        self.rows[kind] = self.rows.get(kind, 0) + count


def write_rows(path: Path, kind: str, rows: list[dict[str, str]], encoding: str = "utf-8") -> None:
    columns = RAW_FEEDS[kind].columns
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding=encoding) as handle:
        writer = csv.writer(handle)
        writer.writerow(columns)
        writer.writerows([row.get(column, "") for column in columns] for row in rows)


def read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def inject(folder: Path, month: int, delivery: str, conn: psycopg.Connection) -> Injected:
    """Write the month's hostile files under folder/raw/zz_hostile, and edit the month's new
    vendor delivery (not yet loaded) so two golden people share a key."""
    raw = folder / "raw"
    out = raw / HOSTILE_FOLDER
    injected = Injected()
    tag = f"m{month:02d}"
    events = read_rows(raw / "engagement_events" / f"{delivery}.csv")
    people = read_rows(raw / "crm_people.csv")
    person = people[month % len(people)]
    day = f"{delivery}T12:00:00Z"

    hostile_events = [
        {**events[0], "event_id": f"{tag}-" + "x" * 3000},
        {**events[1], "event_id": f"{tag}-long-person", "crm_person_id": "p" * 700},
        {**events[2], "event_id": f"{tag}-tweet", "event_type": "tweet_like"},
        {**events[3], "event_id": f"{tag}-yesterday", "occurred_at": "yesterday"},
        {**events[4], "event_id": f"{tag}-epoch", "occurred_at": "epoch"},
        {
            "event_id": f"{tag}-reply-very-positive",
            "event_type": "email_reply",
            "occurred_at": day,
            "crm_person_id": person["crm_person_id"],
            "reply_sentiment": "very positive",
            "source_system": "crm",
        },
        {
            "event_id": f"{tag}-reply-meh",
            "event_type": "email_reply",
            "occurred_at": day,
            "crm_person_id": person["crm_person_id"],
            "reply_sentiment": "meh",
            "campaign_id": FORMULAS[month % len(FORMULAS)],
            "page_url": FORMULAS[(month + 1) % len(FORMULAS)],
            "source_system": "crm",
        },
        {**events[5]},  # an exact replay of a real event of the month
        {**events[6], "event_type": "web_visit", "occurred_at": day},  # a conflicting one
    ]
    write_rows(out / f"{tag}_events.csv", "engagement_events", hostile_events)
    injected.add("long ids", 2)
    injected.add("unknown values", 3)
    injected.add("relative dates", 2)
    injected.add("replays and conflicts", 2)
    injected.add("formulas", 2)

    companies = read_rows(raw / "crm_companies.csv")
    company = companies[month % len(companies)]["crm_company_id"]
    new_people = [
        {
            "crm_person_id": f"{tag}-formula-{number}",
            "crm_company_id": company,
            "full_name": formula,
            "email": f"formula.{tag}.{number}@example.org",
            "title": FORMULAS[(number + 1) % len(FORMULAS)],
            "owner": FORMULAS[(number + 2) % len(FORMULAS)],
            "created_at": day,
        }
        for number, formula in enumerate(FORMULAS)
    ]
    new_people.append({"crm_person_id": "c" * 600, "full_name": "Long Id", "created_at": day})
    write_rows(out / f"{tag}_crm_people.csv", "crm_people", new_people)
    injected.add("formulas", len(FORMULAS))
    injected.add("long ids")

    write_mixed_encoding(out / f"{tag}_crm_people_encodings.csv", tag, company, day)
    injected.add("mixed encodings", 2)

    vendor = raw / "vendor_people_snapshots" / f"{delivery}.csv"
    strangers = [
        {
            "vendor_person_id": f"{tag}-vendor-{number}",
            "snapshot_date": delivery,
            "full_name": f"Soak Stranger{number} {tag}",
            "title": FORMULAS[number % len(FORMULAS)],
            "seniority": "overlord",
            "company_name": companies[0]["company_name"],
        }
        for number in range(2)
    ]
    strangers.append({"vendor_person_id": "v" * 800, "snapshot_date": delivery, "full_name": "X"})
    strangers.append({"vendor_person_id": f"{tag}-vendor-today", "snapshot_date": "today"})
    write_rows(out / f"{tag}_vendor.csv", "vendor_people_snapshots", strangers)
    injected.add("unknown values", 2)
    injected.add("long ids")
    injected.add("relative dates")
    injected.merges_set_up = share_a_key(vendor, conn)
    return injected


def write_mixed_encoding(path: Path, tag: str, company: str, day: str) -> None:
    """Two CRM contacts, one line in UTF-8 and one in Latin-1: both must load as written or be
    rejected with a reason, never garbled."""
    text = io.StringIO()
    writer = csv.writer(text)
    writer.writerow(RAW_FEEDS["crm_people"].columns)
    lines = []
    for number, name in enumerate(ENCODED_NAMES):
        row = {
            "crm_person_id": f"{tag}-encoding-{number}",
            "crm_company_id": company,
            "full_name": name,
            "email": f"encoding.{tag}.{number}@example.org",
            "created_at": day,
        }
        buffer = io.StringIO()
        csv.writer(buffer).writerow([row.get(c, "") for c in RAW_FEEDS["crm_people"].columns])
        lines.append(buffer.getvalue().encode("utf-8" if number == 0 else "latin-1"))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.getvalue().encode("utf-8") + b"".join(lines))


# A golden person whose only record is a vendor one, at a company where another golden person
# has an email: the delivery now gives the first person the second one's address, so matching
# joins them through the shared key and retires one id.
MERGE_CANDIDATES = """
with records as (
    select workspace_id, person_id, company_id, source, source_record_id
    from core.int_person_records_resolved
    where person_id is not null
),
vendor_only as (
    select workspace_id, person_id, min(company_id) as company_id,
        min(source_record_id) as vendor_person_id
    from records
    group by workspace_id, person_id
    having count(*) = 1 and min(source) = 'vendor'
),
with_email as (
    select workspace_id, person_id, company_id, email from core.dim_person
    where email is not null
)
select vendor_only.vendor_person_id, with_email.email
from vendor_only
inner join with_email
    on vendor_only.workspace_id = with_email.workspace_id
    and vendor_only.company_id = with_email.company_id
    and vendor_only.person_id <> with_email.person_id
order by vendor_only.vendor_person_id, with_email.email
"""
MERGES_PER_MONTH = 2


def share_a_key(delivery_file: Path, conn: psycopg.Connection) -> int:
    rows = read_rows(delivery_file)
    delivered = {row["vendor_person_id"] for row in rows}
    pairs: dict[str, str] = {}
    for vendor_person_id, email in conn.execute(MERGE_CANDIDATES):
        if vendor_person_id in delivered and vendor_person_id not in pairs:
            pairs[vendor_person_id] = email
        if len(pairs) == MERGES_PER_MONTH:
            break
    edited = 0
    for row in rows:
        if row["vendor_person_id"] in pairs:
            row["email"] = pairs[row["vendor_person_id"]]
            row["linkedin_url"] = ""
            edited += 1
    write_rows(delivery_file, "vendor_people_snapshots", rows)
    return edited
