"""The recurring runs, as production makes them day after day: new rows loaded with
`revops load`, then `revops run` (staging, matching, the talent-flow snapshot, golden records,
scores, marts and every test), each run a day after the one before (`--as-of`).

- day_n: one more day of engagement events (~1% of those loaded, fresh ids, dated in the
  week before the run's day);
- month_n: a new vendor people delivery (every person of the last one, ~3% of them changed:
  promoted, moved to another department, or to another company), dated the run's day.

Each run reports the wall time of the load, of each stage of `revops run` and the model seconds
of the parts the monthly and daily work goes through (staging base models, the snapshot, the
movements, the scores, the tests), read from REVOPS_HOME/last_run.json. The series times each
again at a number of new rows (new events; changed people) to fit the exponent in new rows.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

import psycopg

from bench.context import BenchContext, StageFailed
from bench.scoring import render, write_delta_events
from bench.stats import fit_exponent
from python_jobs.load.raw_tables import RAW_FEEDS
from python_jobs.pipeline.service import TALENT_FLOW_SNAPSHOT

DAY_SHARE = 0.01  # a day's new events, as a share of the loaded ones
MONTH_CHANGED_SHARE = 0.03  # people whose job changes in a monthly delivery (the generator's)
SERIES_ROWS = (1_000, 10_000, 100_000)  # new rows of the scaling series (--new-rows)
EXPONENT_LIMIT = 1.2  # a step whose time grows faster than this power of its new rows is flagged
# The targets hold at the bench's large scales (about 1M contacts); printed beside the figures.
TARGET_SCALES = ("large", "signals10m")
DAY_TARGET_S = 90.0
MONTH_TARGET_S = 180.0
# the daily files share the scoring stages' prefix, so the next full build takes them out too
DAY_FILE_PREFIX = "events-"
MONTH_FILE_PREFIX = "people-"
# `revops run`'s stages (python_jobs/pipeline/service.py), by the label it reports
PIPELINE_STEPS = {
    "dbt build (staging and job inputs)": "inputs",
    "match companies and people": "match",
    "talent-flow snapshots": "snapshots",
    "dbt build (golden records and marts)": "outputs",
    "summary": "summary",
}
MODEL_GROUPS = ("staging_base", "snapshot", "movements", "scores", "tests", "other")
DEPARTMENTS = (
    "Engineering",
    "Sales",
    "Marketing",
    "Operations",
    "Finance",
    "Customer Success",
    "Product",
    "IT",
    "HR",
    "Legal",
)


def model_group(node: dict[str, Any]) -> str:
    """Which part of the work a dbt node of last_run.json belongs to."""
    path = node["path"]
    if node["resource_type"] in ("test", "unit_test"):
        return "tests"
    if node["name"] in TALENT_FLOW_SNAPSHOT:
        return "snapshot"
    if path.startswith("staging/") and "/base/" in path:
        return "staging_base"
    if path.startswith(("core/talent_flow/", "marts/talent_flow/")):
        return "movements"
    if path.startswith(("core/scoring/", "marts/revops/")):
        return "scores"
    return "other"


def breakdown(last_run: dict[str, Any]) -> dict[str, Any]:
    """Wall seconds per stage of `revops run`, and node seconds per group (dbt runs nodes on
    several threads, so the groups can add up to more than the stage's wall time)."""
    steps = {PIPELINE_STEPS.get(s["name"], s["name"]): s["seconds"] for s in last_run["stages"]}
    groups = dict.fromkeys(MODEL_GROUPS, 0.0)
    for node in last_run["nodes"]:
        groups[model_group(node)] += node["seconds"]
    built = [n for n in last_run["nodes"] if n["resource_type"] in ("model", "snapshot")]
    slowest = sorted(built, key=lambda n: -n["seconds"])[:5]
    return {
        "steps_s": {name: round(seconds, 3) for name, seconds in steps.items()},
        "models_s": {name: round(seconds, 3) for name, seconds in groups.items()},
        "slowest_models": [[n["name"], round(n["seconds"], 3)] for n in slowest],
    }


# -- the new rows --------------------------------------------------------------------------------


def _next_file(ctx: BenchContext, prefix: str) -> tuple[Path, int]:
    """A new file in the bench's deltas folder; its number makes every file's ids new."""
    folder = ctx.home / "deltas" / ctx.data_dir.name
    taken = len(list(folder.glob(f"{prefix}*.csv"))) if folder.exists() else 0
    return folder / f"{prefix}{taken + 1}.csv", taken + 1


def loaded_events(ctx: BenchContext) -> int:
    return int(ctx.scalar("select count(*) from raw.engagement_events"))


def last_delivery(conn: psycopg.Connection) -> tuple[date, int]:
    """The newest people delivery staged, and its people."""
    table = "staging.stg_vendor__people_snapshots"
    row = conn.execute(
        f"select snapshot_date::date, count(distinct vendor_person_id) from {table}"  # type: ignore[arg-type]
        f" where snapshot_date = (select max(snapshot_date) from {table}) group by 1"
    ).fetchone()
    if row is None:
        raise StageFailed("no people delivery staged yet")
    return row[0], int(row[1])


# A person's change, drawn from the hash of their id and the file's number: promotion (40%):
# the next seniority and a title that says so; transfer (25%, and a promoted C-level): the next
# department; move (35%): the company (name and domain) of another row of the delivery.
NEXT_DELIVERY_SQL = """
with

delivery as (
    select *
    from raw.vendor_people_snapshots
    where snapshot_date = %(last)s
),

-- people the staging keeps (a row with a name, an email or a profile), in a drawn order
people as (
    select
        vendor_person_id,
        row_number() over (order by md5(vendor_person_id || %(draw)s)) as draw
    from delivery
    where coalesce(full_name, email, linkedin_url) is not null
    group by vendor_person_id
),

changes as (
    select
        vendor_person_id,
        case
            when mod(draw, 20) < 8 then 'promotion'
            when mod(draw, 20) < 13 then 'transfer'
            else 'move'
        end as kind,
        abs(hashtext(vendor_person_id || %(draw)s)::bigint) as pick
    from people
    where draw <= %(changed)s
),

companies as (
    select
        company_name,
        company_domain,
        row_number() over (order by company_name, company_domain) - 1 as n
    from (select distinct company_name, company_domain from delivery) as distinct_companies
    where company_name is not null
),

drawn as (
    select
        delivery.*,
        case
            when changes.kind = 'promotion' and delivery.seniority ilike 'c%%level'
                then 'transfer'
            else changes.kind
        end as kind,
        -- another company than the person's own: draw among the others, skipping over it
        case
            when own.n is null then mod(changes.pick, counted.total)
            when mod(changes.pick, greatest(counted.total - 1, 1)) < own.n
                then mod(changes.pick, greatest(counted.total - 1, 1))
            else mod(changes.pick, greatest(counted.total - 1, 1)) + 1
        end as company_n
    from delivery
    cross join (select count(*) as total from companies) as counted
    left join changes on delivery.vendor_person_id = changes.vendor_person_id
    left join companies as own
        on
            delivery.company_name = own.company_name
            and delivery.company_domain is not distinct from own.company_domain
),

promoted as (
    select
        drawn.*,
        case lower(drawn.seniority)
            when 'intern' then 'Individual Contributor'
            when 'individual contributor' then 'Manager'
            when 'manager' then 'Director'
            when 'director' then 'VP'
            else 'C-Level'
        end as next_seniority,
        coalesce(drawn.department, 'Operations') as area,
        (%(departments)s::text[])[
            1 + mod(coalesce(array_position(%(departments)s::text[], drawn.department), 0),
            cardinality(%(departments)s::text[]))
        ] as next_department
    from drawn
)

select
    promoted.vendor_person_id,
    %(next)s as snapshot_date,
    promoted.full_name,
    promoted.email,
    promoted.phone,
    case
        when kind = 'promotion' then
            case next_seniority
                when 'Individual Contributor' then area || ' Specialist'
                when 'Manager' then area || ' Manager'
                when 'Director' then 'Director of ' || area
                when 'VP' then 'VP of ' || area
                else 'Chief ' || area || ' Officer'
            end
        else promoted.title
    end as title,
    case when kind = 'promotion' then next_seniority else promoted.seniority end as seniority,
    case when kind = 'transfer' then next_department else promoted.department end as department,
    case when kind = 'move' then companies.company_name else promoted.company_name end
        as company_name,
    case when kind = 'move' then companies.company_domain else promoted.company_domain end
        as company_domain,
    promoted.linkedin_url,
    promoted.country
from promoted
left join companies
    on promoted.kind = 'move' and companies.n = promoted.company_n
order by promoted.raw_row_id
"""


def write_next_delivery(
    conn: psycopg.Connection, path: Path, changed: int, number: int, day: date
) -> tuple[int, int]:
    """The next people delivery, dated `day`, as a vendor file: every row of the last delivery
    (its broken rows and replays too), with `changed` people's jobs changed (see
    NEXT_DELIVERY_SQL). Returns (rows written, people changed)."""
    last, people = last_delivery(conn)
    changed = min(changed, people)
    columns = RAW_FEEDS["vendor_people_snapshots"].columns
    params = {
        "last": last.isoformat(),
        "next": day.isoformat(),
        "draw": f":bench-month:{number}",
        "changed": changed,
        "departments": list(DEPARTMENTS),
    }
    statement = render(conn, NEXT_DELIVERY_SQL, params)
    path.parent.mkdir(parents=True, exist_ok=True)
    with (
        conn.cursor() as cursor,
        cursor.copy(
            f"copy (select {', '.join(columns)} from ({statement}) as delivery)"  # type: ignore[arg-type]
            " to stdout with (format csv, header true)"
        ) as copy,
        open(path, "wb") as handle,
    ):
        for chunk in copy:
            handle.write(chunk)
    with open(path, "rb") as handle:
        rows = sum(1 for _ in handle) - 1
    return rows, changed


# -- the stages ----------------------------------------------------------------------------------


def _prime(ctx: BenchContext) -> None:
    """Untimed, once per database: a first `revops run` on the day already scored, which builds
    what the bench's stages did not (the queues, the audit marts) and runs the tests, so a
    timed run does only a day's work."""
    if ctx.facts.get("pipeline_primed"):
        return
    ctx.revops("run", "--as-of", ctx.scored_as_of)
    ctx.forget_parse()
    ctx.facts["pipeline_primed"] = True


def day_setup(ctx: BenchContext) -> None:
    """Untimed: the next day's file of new events (DAY_SHARE of those loaded, or the series
    point's count), and a parse with the new day's vars."""
    _prime(ctx)
    wanted = ctx.facts.pop("series_rows", None)
    share = DAY_SHARE if wanted is None else wanted / loaded_events(ctx)
    ctx.next_day()
    path, number = _next_file(ctx, DAY_FILE_PREFIX)
    with ctx.connect() as conn:
        # the scoring stages' delta files are numbered in the same folder: ids stay new
        rows = write_delta_events(conn, path, share, 10_000 + number, ctx.scored_as_of)
    ctx.facts.update(new_file=str(path), new_rows=rows, changed_people=None)
    ctx.parse()


def month_setup(ctx: BenchContext) -> None:
    """Untimed: the next people delivery, dated the next day, with MONTH_CHANGED_SHARE of its
    people changed (or the series point's count), and a parse with the new day's vars."""
    _prime(ctx)
    wanted = ctx.facts.pop("series_rows", None)
    ctx.next_day()
    path, number = _next_file(ctx, MONTH_FILE_PREFIX)
    with ctx.connect() as conn:
        _last, people = last_delivery(conn)
        changed = round(people * MONTH_CHANGED_SHARE) if wanted is None else wanted
        rows, changed = write_next_delivery(
            conn, path, changed, number, date.fromisoformat(ctx.scored_as_of)
        )
    ctx.facts.update(new_file=str(path), new_rows=rows, changed_people=changed)
    ctx.parse()


def load_and_run(ctx: BenchContext) -> dict[str, Any]:
    """The timed part of both: `revops load` of the new file, then `revops run` as of the day."""
    started = time.perf_counter()
    ctx.revops("load", ctx.facts["new_file"])
    load_s = time.perf_counter() - started
    ctx.revops("run", "--as-of", ctx.scored_as_of)
    ctx.forget_parse()  # the run parsed with its own vars
    last_run = json.loads((ctx.home / "last_run.json").read_text())
    parts = breakdown(last_run)
    parts["steps_s"] = {"load": round(load_s, 3), **parts["steps_s"]}
    extras: dict[str, Any] = {"new_rows": ctx.facts["new_rows"], **parts}
    if ctx.facts.get("changed_people") is not None:
        extras["changed_people"] = ctx.facts["changed_people"]
    return extras


def new_rows(ctx: BenchContext) -> int:
    """The rows of the last run's file: the day's new events, the delivery's people."""
    return int(ctx.facts.get("new_rows", 0))


def day_series_limit(ctx: BenchContext) -> int:
    """A series point cannot ask for more new events than are loaded (it samples them)."""
    return loaded_events(ctx)


def month_series_limit(ctx: BenchContext) -> int:
    """A delivery changes at most every person in it."""
    with ctx.connect() as conn:
        return last_delivery(conn)[1]


def day_check(ctx: BenchContext) -> dict[str, Any]:
    """The last day's events reached staging (the run was not a no-op)."""
    file_name = Path(ctx.facts["new_file"]).name
    loaded, staged = ctx.query(
        "select batches.rows_loaded,"
        " (select count(*) from staging.base_engagement__events as events"
        "  where events.load_batch_id = batches.load_batch_id)"
        " from raw.load_batches as batches where file_name = %(f)s and status = 'loaded'",
        {"f": file_name},
    )[0]
    if not loaded or staged != loaded:
        raise StageFailed(f"{file_name}: {staged:,} of {loaded:,} loaded events staged")
    return {"last_file_staged": int(staged)}


def month_check(ctx: BenchContext) -> dict[str, Any]:
    """The last delivery is in the talent-flow snapshot (its newest versions carry its date)."""
    newest = ctx.scalar("select max(dbt_valid_from)::date from snapshots.people_snapshot")
    if newest is None or newest.isoformat() != ctx.scored_as_of:
        raise StageFailed(f"the snapshot's newest version is {newest}, not {ctx.scored_as_of}")
    return {"snapshot_newest": newest.isoformat()}


def target_verdict(scale: str, target_s: float, seconds: float) -> str:
    """The target beside a figure: met or missed at the scales it is set for."""
    if scale not in TARGET_SCALES:
        return f"target < {target_s:.0f} s at {' / '.join(TARGET_SCALES)}"
    verdict = "met" if seconds < target_s else "MISSED"
    return f"target < {target_s:.0f} s: {verdict}"


def flagged(fits: dict[str, dict[str, Any]]) -> list[str]:
    """The steps whose time grows faster than EXPONENT_LIMIT in new rows."""
    return [
        f"{name} {fit['exponent']:.2f}"
        for name, fit in fits.items()
        if fit.get("exponent") is not None and fit["exponent"] > EXPONENT_LIMIT
    ]


def series_fits(points: Iterable[dict[str, Any]], rows_key: str) -> dict[str, dict[str, Any]]:
    """The exponent in new rows of the stage's wall time, of each `revops run` stage and of
    each group's model seconds, over the series' points (two or more)."""
    measured = [p for p in points if "skipped" not in p]
    if len({p[rows_key] for p in measured}) < 2:
        return {}
    rows = [float(p[rows_key]) for p in measured]
    curves: dict[str, list[float]] = {"wall": [float(p["wall_s"]) for p in measured]}
    for key in ("steps_s", "models_s"):
        for name in measured[0].get(key, {}):
            curves[f"{key[:-2]}.{name}"] = [float(p.get(key, {}).get(name, 0.0)) for p in measured]
    fits = {}
    for name, seconds in curves.items():
        if not all(value > 0 for value in seconds):  # a part that did not run (no delivery)
            continue
        fit = fit_exponent(rows, seconds)
        fits[name] = {"exponent": round(fit["exponent"], 3), "r2": round(fit["r2"], 3)}
    return fits
