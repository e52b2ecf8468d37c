"""The summary `revops run` prints: a few questions answered from the marts.

Each section names the relation it reads; a section whose relation does not exist yet (a
capability not built, or a model disabled) is left out, so new marts plug in by adding a section.
"""

from __future__ import annotations

from dataclasses import dataclass

import psycopg


@dataclass(frozen=True)
class Section:
    title: str
    relation: str  # schema.table the query needs
    query: str  # columns become the table's columns; %(workspace_id)s is bound


SECTIONS: list[Section] = [
    Section(
        "Loads by feed",
        "raw.load_batches",
        """select kind as feed, count(*) filter (where status = 'loaded') as batches,
                  coalesce(sum(rows_loaded), 0) as rows_loaded,
                  count(*) filter (where status = 'failed') as failed_batches
           from raw.load_batches where workspace_id = %(workspace_id)s
           group by kind order by kind""",
    ),
    Section(
        "Rows staged and rejected",
        "core.load_reconciliation",
        """select feed, sum(raw_rows) as raw_rows, sum(staged_rows) as staged,
                  sum(replayed_rows) as exact_replays, sum(rejected_rows) as rejected
           from core.load_reconciliation where workspace_id = %(workspace_id)s
           group by feed order by feed""",
    ),
    Section(
        "Rejected rows by reason",
        "core.rejected_rows",
        """select feed, reject_reason, count(*) as rows
           from core.rejected_rows where workspace_id = %(workspace_id)s
           group by feed, reject_reason order by rows desc, feed limit 12""",
    ),
    Section(
        "Contacts by tier",
        "marts.contact_intent",
        """select tier, action, count(*) as contacts
           from marts.contact_intent where workspace_id = %(workspace_id)s
           group by tier, action, tier_min_points order by tier_min_points desc""",
    ),
    Section(
        "Top accounts",
        "marts.account_intent",
        """select company_name, bit_score, tier, action
           from marts.account_intent where workspace_id = %(workspace_id)s
           order by bit_score desc, company_name limit 10""",
    ),
    Section(
        "Actions queued today",
        "marts.outreach_queue",
        """select action, count(*) as queued from marts.outreach_queue
           where workspace_id = %(workspace_id)s
             and as_of_date = (select max(as_of_date) from marts.outreach_queue
                               where workspace_id = %(workspace_id)s)
           group by action order by action""",
    ),
    Section(
        "Tier rises today",
        "marts.outreach_audit",
        """select as_of_date, tier_rises, outreach_rises, queued, held_stale_history,
                  held_cooldown
           from marts.outreach_audit where workspace_id = %(workspace_id)s
           order by as_of_date desc limit 1""",
    ),
    Section(
        "Matching and fallout",
        "marts.missing_parts",
        """select entity_type, reason, count(*) as records from marts.missing_parts
           where workspace_id = %(workspace_id)s group by entity_type, reason
           order by entity_type, records desc""",
    ),
]


def collect(
    conn: psycopg.Connection, workspace_id: str
) -> list[tuple[str, list[str], list[tuple]]]:
    """(title, column names, rows) for every section whose relation exists."""
    results = []
    for section in SECTIONS:
        exists = conn.execute("select to_regclass(%s)", (section.relation,)).fetchone()
        if not exists or exists[0] is None:
            continue
        cursor = conn.execute(section.query, {"workspace_id": workspace_id})  # type: ignore[arg-type]
        columns = [column.name for column in cursor.description or []]
        results.append((section.title, columns, cursor.fetchall()))
    return results
