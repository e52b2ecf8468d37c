"""The scoring baselines the dbt build is compared with, and the checks that keep them honest.

- FLOOR_SQL: one hand-written query computing every contact's BIT score from core.fct_signals
  and the scoring seeds: what the dbt models cost above the least work the database must do.
- SORT_BOUND_SQL: less than a score: every scored signal read and put in the dedup's order,
  nothing computed. No exact scorer does less, so it bounds what any of them can gain.
- naive_scores: the row-by-row Python scorer an ad-hoc script would be (one FETCH per signal,
  dict lookups, a loop, one INSERT per contact scored): what the warehouse replaces.
The floor and the naive scorer must reproduce marts.contact_intent to 0.01 points, or the
comparison means nothing.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import psycopg
import yaml

from python_jobs.settings import PROJECT_ROOT

AGREEMENT_POINTS = 0.01  # largest difference from marts.contact_intent.bit_score we accept

# The floor, tuned (see bench/README.md for the variants tried and their timings):
# - one full sort, person first: its abbreviated sort keys make comparisons cheap (a constant
#   workspace_id first would defeat them and doubles the sort's cost);
# - the dedup is a lag per (person, type) on that sort, then the anchor carried through the
#   bursts longer than the window (the warehouse's aggregate); the daily cap's running sum re-sorts
#   only within each person (an incremental sort), never the whole set again;
# - standing (non-decaying) signals count once per contact and type, the highest value first:
#   they are few, so they are ranked in a scan of their own and looked up in a hashed subplan
#   instead of widening the main window;
# - float8 arithmetic and the decay factor read from an array indexed by age (built once from
#   the seed) instead of a range join per signal;
# - the talent-flow exits (a small table) looked up in a hashed subplan during the scan.
FLOOR_SQL = """
with

params as (
    select
        (
            select confidence from config.confidence_modifiers
            where signal_source = 'inferred'
        ) as inferred_confidence,
        -- decay factor by age in days (factors[age + 1]); the last entry is the open-ended rule
        (
            select array_agg(coalesce((
                select rules.decay_factor::float8
                from config.decay_rules as rules
                where
                    ages.age >= rules.min_age_days
                    and (rules.max_age_days is null or ages.age <= rules.max_age_days)
            ), 0) order by ages.age)
            from generate_series(
                0, (select max(coalesce(max_age_days, min_age_days)) + 1 from config.decay_rules)
            ) as ages (age)
        ) as factors
),

-- the accounts people have left by the as_of day (talent flow)
exits as (
    select
        workspace_id,
        person_id,
        company_id
    from core.int_person_employment
    where exited_at < %(as_of)s::date + 1
),

signals as (
    select
        signals.person_id,
        signals.workspace_id,
        signals.signal_type,
        signals.signal_id,
        signals.occurred_at,
        coalesce(weights.is_decaying, true) as is_decaying,
        (
            coalesce(weights.weight, %(unknown_weight)s) * signals.signal_value
            * coalesce(confidences.confidence, params.inferred_confidence)
        )::float8 as base_points,
        -- after leaving an account a person's signals there count nothing (after the dedup
        -- and the cap have seen them), except the exit itself
        -- (a null company is tested first: a row with a null probes a hashed subplan slowly)
        coalesce(
            signals.signal_type <> 'movement_exit'
            and signals.company_id is not null
            and (signals.workspace_id, signals.person_id, signals.company_id)
            in (select workspace_id, person_id, company_id from exits),
            false
        ) as is_after_exit
    from core.fct_signals as signals
    cross join params
    left join config.signal_weights as weights
        on signals.signal_type = weights.signal_type
    left join config.confidence_modifiers as confidences
        on signals.signal_source = confidences.signal_source
    where signals.occurred_at < %(as_of)s::date + 1 and signals.person_id is not null
),

-- standing signals count once per contact and type: the highest value, then the earliest
standing_repeats as (
    select ranked.signal_id
    from (
        select
            signals.signal_id,
            row_number() over (
                partition by signals.person_id, signals.workspace_id, signals.signal_type
                order by signals.signal_value desc, signals.occurred_at, signals.signal_id
            ) as value_rank
        from core.fct_signals as signals
        inner join config.signal_weights as weights
            on signals.signal_type = weights.signal_type and not weights.is_decaying
        where signals.occurred_at < %(as_of)s::date + 1 and signals.person_id is not null
    ) as ranked
    where ranked.value_rank > 1
),

-- the 72-hour window, anchored at the signal that counted: a gap of a window starts a burst
-- (and counts), a signal within a window of its burst's start repeats, and the anchor is
-- carried only through bursts longer than a window (the warehouse's own aggregate)
signals_gapped as (
    select
        *,
        coalesce(
            occurred_at < lag(occurred_at) over by_type + make_interval(hours => %(dedup_hours)s),
            false
        ) as is_within_gap
    from signals
    window by_type as (
        partition by person_id, workspace_id, signal_type order by occurred_at, signal_id
    )
),

signals_in_bursts as (
    select
        *,
        max(case when not is_within_gap then occurred_at end) over by_type as burst_started_at
    from signals_gapped
    window by_type as (
        partition by person_id, workspace_id, signal_type order by occurred_at, signal_id
        rows between unbounded preceding and current row
    )
),

points_deduplicated as (
    select
        person_id,
        workspace_id,
        occurred_at,
        signal_id,
        is_decaying,
        is_after_exit,
        case
            when is_decaying then
                case
                    when is_within_gap and (
                        occurred_at < burst_started_at + make_interval(hours => %(dedup_hours)s)
                        or (revops_udf.dedup_anchor(occurred_at, %(dedup_hours)s, null) filter (
                            where is_within_gap and occurred_at
                                >= burst_started_at + make_interval(hours => %(dedup_hours)s)
                        ) over by_type)[2] = 0
                    ) then 0
                    else base_points
                end
            when signal_id in (select signal_id from standing_repeats) then 0
            else base_points
        end as points
    from signals_in_bursts
    window by_type as (
        partition by person_id, workspace_id, signal_type order by occurred_at, signal_id
        rows between unbounded preceding and current row
    )
),

points_capped as (
    select
        person_id,
        workspace_id,
        occurred_at,
        is_decaying,
        is_after_exit,
        -- the cap counts activity only: standing signals neither use nor meet it
        case
            when is_decaying then greatest(0, least(points, %(daily_cap)s - (
                sum(case when is_decaying then points else 0 end) over by_day - points
            )))
            else points
        end as points
    from points_deduplicated
    window by_day as (
        partition by person_id, workspace_id, occurred_at::date
        order by occurred_at, signal_id
        rows between unbounded preceding and current row
    )
)

select
    workspace_id,
    person_id,
    sum(
        points * case
            when is_after_exit then 0
            when is_decaying then (select factors from params)[
                least(
                    %(as_of)s::date - occurred_at::date,
                    cardinality((select factors from params)) - 1
                ) + 1
            ]
            else 1
        end
    ) as score
from points_capped
group by person_id, workspace_id
"""

# Every signal the floor scores, read and ordered as the 72-hour dedup needs (each contact's
# signals of a type in time order), the lag taken and counted: the daily cap, the decay, the
# exits and the standing signals are left out, and nothing is written.
SORT_BOUND_SQL = """
select count(previous_occurred_at) as signals_with_a_previous_one
from (
    select
        lag(occurred_at) over (
            partition by person_id, workspace_id, signal_type order by occurred_at, signal_id
        ) as previous_occurred_at
    from core.fct_signals
    where occurred_at < %(as_of)s::date + 1 and person_id is not null
) as ordered
"""

# What floor results are checked against: every contact in the mart, scored or not.
AGREEMENT_SQL = """
select
    count(*) as contacts,
    count(*) filter (
        where abs(coalesce(floor.score, 0) - coalesce(marts.bit_score, 0)) > %(tolerance)s
    ) as disagreeing,
    coalesce(max(abs(coalesce(floor.score, 0) - coalesce(marts.bit_score, 0))), 0) as max_diff
from {table} as floor
full join marts.contact_intent as marts
    on floor.workspace_id = marts.workspace_id and floor.person_id = marts.person_id
"""

FINGERPRINT_SQL = """
select count(*), md5(string_agg(md5(intent::text), '' order by intent.workspace_id,
    intent.person_id))
from marts.contact_intent as intent
"""

ENGAGEMENT_COLUMNS = (
    "event_id",
    "event_type",
    "occurred_at",
    "crm_person_id",
    "person_email",
    "crm_company_id",
    "source_system",
    "campaign_id",
    "page_url",
    "reply_sentiment",
)


class ScoresDisagree(Exception):
    """A baseline's scores differ from the mart's: its timing compares different work."""


@dataclass(frozen=True)
class ScoringVars:
    dedup_hours: int
    daily_cap: float
    unknown_weight: float

    @classmethod
    def from_project(cls, project_dir: Path = PROJECT_ROOT) -> ScoringVars:
        """The scoring vars of dbt_project.yml, so the baselines score by the same rules."""
        config = yaml.safe_load((project_dir / "dbt_project.yml").read_text())["vars"]
        return cls(
            dedup_hours=int(config["bit_dedup_window_hours"]),
            daily_cap=float(config["bit_daily_cap_points"]),
            unknown_weight=float(config["bit_unknown_signal_weight"]),
        )

    def params(self, as_of: str) -> dict[str, Any]:
        return {
            "as_of": as_of,
            "dedup_hours": self.dedup_hours,
            "daily_cap": self.daily_cap,
            "unknown_weight": self.unknown_weight,
        }


def render(conn: psycopg.Connection, query: str, params: dict[str, Any]) -> str:
    """The query with its parameters as SQL literals (for statements that cannot bind them)."""
    return psycopg.ClientCursor(conn).mogrify(query, params)  # type: ignore[arg-type]


# -- the floor -----------------------------------------------------------------------------------


def run_floor(conn: psycopg.Connection, as_of: str, rules: ScoringVars, table: str) -> int:
    """Compute every score into a fresh table (the floor's output is written, as dbt's is);
    returns the number of contacts scored."""
    conn.execute(f"drop table if exists {table}")  # type: ignore[arg-type]
    # parameters bound client-side: CREATE TABLE AS takes no server-side parameters
    conn.execute(render(conn, f"create unlogged table {table} as {FLOOR_SQL}", rules.params(as_of)))
    return int(conn.execute(f"select count(*) from {table}").fetchone()[0])  # type: ignore[index]


def check_agreement(conn: psycopg.Connection, table: str) -> dict[str, float]:
    """Compare a scores table (workspace_id, person_id, score) with marts.contact_intent;
    ScoresDisagree when any contact differs by more than AGREEMENT_POINTS."""
    contacts, disagreeing, max_diff = conn.execute(
        AGREEMENT_SQL.format(table=table),  # type: ignore[arg-type]
        {"tolerance": AGREEMENT_POINTS},
    ).fetchone()  # type: ignore[misc]
    result = {
        "contacts": int(contacts),
        "disagreeing": int(disagreeing),
        "max_diff": float(max_diff),
    }
    if disagreeing:
        raise ScoresDisagree(
            f"{table}: {disagreeing:,} of {contacts:,} contacts differ from marts.contact_intent"
            f" by more than {AGREEMENT_POINTS} points (worst {float(max_diff):.4f})"
        )
    return result


def fingerprint(conn: psycopg.Connection) -> tuple[int, str]:
    """Row count and a digest of every column of every row of marts.contact_intent."""
    rows, digest = conn.execute(FINGERPRINT_SQL).fetchone()  # type: ignore[misc]
    return int(rows), str(digest)


def run_sort_bound(conn: psycopg.Connection, as_of: str) -> int:
    """Read and order every scored signal (SORT_BOUND_SQL); returns how many have an earlier
    signal of their type for their contact (the rows the dedup looks at twice)."""
    return int(conn.execute(SORT_BOUND_SQL, {"as_of": as_of}).fetchone()[0])  # type: ignore[index]


# -- the naive scorer ----------------------------------------------------------------------------


@dataclass
class NaiveRun:
    scores: dict[tuple[str, str], float]  # (workspace_id, person_id) -> score
    signals: int  # signals read
    seconds: float


def sample_filter(sample_every: int) -> str:
    """SQL keeping one contact in `sample_every` (whole contacts: a score needs all its signals)."""
    return "true" if sample_every <= 1 else f"mod(abs(hashtext(person_id)), {sample_every}) = 0"


def naive_scores(
    conn: psycopg.Connection, as_of: str, rules: ScoringVars, sample_every: int = 1
) -> NaiveRun:
    """Score contacts the way a script would: fetch each signal by itself from a server-side
    cursor in contact and time order, look its weight, confidence and decay up in dicts, apply
    the dedup and the daily cap in a Python loop, and write each contact's score with an INSERT
    of its own (into a temporary table: the scores are written, as the floor's and dbt's are).
    Needs a connection not in autocommit (a server-side cursor lives in a transaction)."""
    started = time.perf_counter()
    weights = {
        row[0]: (float(row[1]), bool(row[2]))
        for row in conn.execute(
            "select signal_type, weight, is_decaying from config.signal_weights"
        )
    }
    confidences = {
        row[0]: float(row[1])
        for row in conn.execute("select signal_source, confidence from config.confidence_modifiers")
    }
    decay_rules = [
        (int(row[0]), None if row[1] is None else int(row[1]), float(row[2]))
        for row in conn.execute(
            "select min_age_days, max_age_days, decay_factor from config.decay_rules"
        )
    ]
    exits = {
        (row[0], row[1], row[2])
        for row in conn.execute(
            "select workspace_id, person_id, company_id from core.int_person_employment"
            " where exited_at < %s::date + 1",
            (as_of,),
        )
    }
    as_of_day = date.fromisoformat(as_of)
    window = timedelta(hours=rules.dedup_hours)
    scores: dict[tuple[str, str], float] = {}
    signals = 0
    conn.execute(
        "create temporary table naive_scores (workspace_id text, person_id text, score float8)"
        " on commit drop"
    )
    with conn.cursor(name="naive_signals") as cursor, conn.cursor() as writer:
        cursor.execute(
            "select workspace_id, person_id, signal_type, signal_source, signal_value,"  # type: ignore[arg-type]
            " occurred_at, signal_id, company_id from core.fct_signals"
            " where occurred_at < %s::date + 1 and person_id is not null"
            f" and {sample_filter(sample_every)}"
            " order by workspace_id, person_id, occurred_at, signal_id",
            (as_of,),
        )
        for contact, rows in _by_contact(cursor):
            signals += len(rows)
            scores[contact] = _score_contact(
                rows, weights, confidences, decay_rules, exits, as_of_day, window, rules
            )
            writer.execute(
                "insert into naive_scores values (%s, %s, %s)", (*contact, scores[contact])
            )
    conn.rollback()
    return NaiveRun(scores, signals, time.perf_counter() - started)


def _by_contact(cursor: psycopg.ServerCursor) -> Iterator[tuple[tuple[str, str], list[tuple]]]:
    """One FETCH per signal (fetchone): the row-at-a-time access being measured."""
    current: tuple[str, str] | None = None
    rows: list[tuple] = []
    while (row := cursor.fetchone()) is not None:
        contact = (row[0], row[1])
        if contact != current:
            if current is not None:
                yield current, rows
            current, rows = contact, []
        rows.append(row)
    if current is not None:
        yield current, rows


def _score_contact(
    rows: list[tuple],
    weights: dict[str, tuple[float, bool]],
    confidences: dict[str, float],
    decay_rules: list[tuple[int, int | None, float]],
    exits: set[tuple[str, str, str]],
    as_of_day: date,
    window: timedelta,
    rules: ScoringVars,
) -> float:
    # standing signals count once per type: the highest value, then the earliest
    counted_standing: dict[str, tuple] = {}
    for row in rows:
        if not weights.get(row[2], (0.0, True))[1]:
            best = counted_standing.get(row[2])
            if best is None or (-row[4], row[5], row[6]) < (-best[4], best[5], best[6]):
                counted_standing[row[2]] = row
    last_counted: dict[str, datetime] = {}
    day_totals: dict[date, float] = {}
    score = 0.0
    for row in rows:
        workspace_id, person_id, signal_type, source, value, occurred_at, _, company_id = row
        weight, is_decaying = weights.get(signal_type, (rules.unknown_weight, True))
        confidence = confidences.get(source, confidences.get("inferred", 1.0))
        points = weight * float(value) * confidence
        if is_decaying:  # the window runs from the last signal of the type that counted
            anchor = last_counted.get(signal_type)
            if anchor is not None and occurred_at - anchor < window:
                points = 0.0
            else:
                last_counted[signal_type] = occurred_at
        elif counted_standing[signal_type] is not row:
            points = 0.0
        capped = points
        if is_decaying:  # the cap counts activity only; standing signals are not activity
            day = occurred_at.date()
            before = day_totals.get(day, 0.0)
            day_totals[day] = before + points
            capped = max(0.0, min(points, rules.daily_cap - before))
        factor = 1.0
        if signal_type != "movement_exit" and (workspace_id, person_id, company_id) in exits:
            factor = 0.0  # left that account: counted for the cap, worth nothing
        elif is_decaying:
            age = (as_of_day - occurred_at.date()).days
            factor = next(
                (f for low, high, f in decay_rules if age >= low and (high is None or age <= high)),
                0.0,
            )
        score += capped * factor
    return score


def naive_agreement(conn: psycopg.Connection, run: NaiveRun, sample_every: int) -> dict[str, float]:
    """Compare the naive scores with marts.contact_intent for the sampled contacts."""
    marts = {
        (row[0], row[1]): float(row[2])
        for row in conn.execute(
            "select workspace_id, person_id, bit_score from marts.contact_intent"  # type: ignore[arg-type]
            f" where {sample_filter(sample_every)}"
        )
    }
    keys = marts.keys() | run.scores.keys()
    diffs = [abs(run.scores.get(key, 0.0) - marts.get(key, 0.0)) for key in keys]
    disagreeing = sum(diff > AGREEMENT_POINTS for diff in diffs)
    if disagreeing:
        raise ScoresDisagree(
            f"naive scorer: {disagreeing:,} of {len(keys):,} sampled contacts differ from"
            f" marts.contact_intent by more than {AGREEMENT_POINTS} (worst {max(diffs):.4f})"
        )
    return {"contacts": len(keys), "disagreeing": 0, "max_diff": max(diffs, default=0.0)}


# -- new events for the incremental build ----------------------------------------------------------


def write_delta_events(
    conn: psycopg.Connection, path: Path, share: float, repetition: int, as_of: str
) -> int:
    """Write ~share of the loaded engagement events again as new events (fresh ids, dated in the
    week before as_of) to a CSV in the feed's format; returns the rows written."""
    columns = ", ".join(
        {
            "event_id": "'evt_' || left(md5(event_id || ':bench-delta:' || %(rep)s), 16)",
            "occurred_at": (
                "to_char(%(as_of)s::date + 1 - make_interval(secs => 1 +"
                " mod(abs(hashtext(event_id || %(rep)s)), 7 * 86400)),"
                """ 'YYYY-MM-DD"T"HH24:MI:SS"Z"')"""
            ),
        }.get(name, name)
        + f" as {name}"
        for name in ENGAGEMENT_COLUMNS
    )
    query = (
        f"select {columns} from raw.engagement_events"
        f" tablesample bernoulli ({share * 100}) repeatable ({repetition})"
    )
    statement = render(conn, query, {"rep": str(repetition), "as_of": as_of})
    path.parent.mkdir(parents=True, exist_ok=True)
    rows = 0
    with (
        conn.cursor() as cursor,
        cursor.copy(f"copy ({statement}) to stdout with (format csv, header true)") as copy,  # type: ignore[arg-type]
        open(path, "wb") as handle,
    ):
        for chunk in copy:
            handle.write(chunk)
            rows += bytes(chunk).count(b"\n")
    return rows - 1  # the header line
