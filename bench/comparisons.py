"""Comparisons, as ratios over repetitions: the dbt build against the least work (the floor
query, and below it a bare read and sort of the signals) and against the approach it replaces
(a row-by-row script); the blocked matcher against all pairs. Each reads the stage results of
the same scale and run, and the runs of the comparisons before it."""

from __future__ import annotations

import importlib
import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from bench.context import BenchContext
from bench.measure import measured, roots_with_server
from bench.scoring import (
    ScoringVars,
    check_agreement,
    naive_agreement,
    naive_scores,
    run_floor,
    run_sort_bound,
)
from bench.stats import ratio_summary, summary
from python_jobs.match.blocking import company_key
from python_jobs.match.records import legal_suffixes_from_seed_file
from python_jobs.settings import PROJECT_ROOT

FLOOR_TABLE = "public.bench_floor_scores"
MATCHING_BENCH = "bench.matching.bench_matching"
MATCHING_SAMPLE = 1000  # names compared with every other name in the all-pairs sample
KNOWN_SHARE = 0.6  # share of the new company records that re-mention a known company
LEGAL_SUFFIXES = legal_suffixes_from_seed_file(
    PROJECT_ROOT / "seeds" / "normalization" / "legal_suffixes.csv"
)

# stage or comparison name -> its measured runs (a comparison sees those run before it)
StageRuns = dict[str, list[dict[str, Any]]]


@dataclass(frozen=True)
class Comparison:
    name: str
    run: Callable[[BenchContext, StageRuns], dict[str, Any]]
    description: str = ""
    missing: Callable[[], str | None] = lambda: None
    # the stage whose data it must see: it runs right after that stage, before a later one
    # (the daily files of scoring_incremental) changes the data; None: after every stage
    after: str | None = None


def _signal_count(ctx: BenchContext) -> int:
    """The signals the scoring comparisons read (their rows figure)."""
    return int(ctx.scalar("select count(*) from core.fct_signals"))


def _walls(runs: list[dict[str, Any]], key: str = "wall_s") -> list[float]:
    return [run[key] for run in runs if run.get(key)]


# The models that do what the floor does, from core.fct_signals to every contact's score (the
# full build also resolves the new events and builds the account mart; the floor does not).
SCORES_FROM_SIGNALS = (
    "int_bit_signal_points",
    "fct_bit_score_contributions",
    "int_contact_scores",
    "contact_intent",
)


def scoring_floor(ctx: BenchContext, stages: StageRuns) -> dict[str, Any]:
    """The floor query, repeated; its scores must equal the mart's."""
    rules = ScoringVars.from_project()
    runs = []
    with ctx.connect() as conn:
        for _ in range(ctx.repeat):
            with measured(roots_with_server(ctx.pgdata)) as usage:
                contacts = run_floor(conn, ctx.scored_as_of, rules, FLOOR_TABLE)
            runs.append(usage[0].as_dict())
        agreement = check_agreement(conn, FLOOR_TABLE)
        conn.execute(f"drop table {FLOOR_TABLE}")
    result: dict[str, Any] = {
        "rows": _signal_count(ctx),
        "contacts_scored": contacts,
        "runs": runs,
        "agreement": agreement,
        "note": "one SQL query over core.fct_signals and the seeds (bench/scoring.py)",
    }
    full = stages.get("scoring_full", [])
    floor_walls = _walls(runs)
    if full:
        result["ratios"] = {
            "full_build_vs_floor": ratio_summary(_walls(full), floor_walls),
            "full_build_models_vs_floor": ratio_summary(_walls(full, "dbt_elapsed_s"), floor_walls),
        }
        from_signals = [
            sum(run["model_s"].get(model, 0.0) for model in SCORES_FROM_SIGNALS)
            for run in full
            if run.get("model_s")
        ]
        if from_signals:
            result["ratios"]["scores_from_signals_vs_floor"] = ratio_summary(
                from_signals, floor_walls
            )
    return result


def scoring_sort_bound(ctx: BenchContext, stages: StageRuns) -> dict[str, Any]:
    """A read and sort of every scored signal in the dedup's order, repeated: less work than
    any exact scorer does, so a ceiling on the ratio any of them can reach against the
    row-by-row scorer."""
    runs = []
    with ctx.connect() as conn:
        for _ in range(ctx.repeat):
            with measured(roots_with_server(ctx.pgdata)) as usage:
                run_sort_bound(conn, ctx.scored_as_of)
            runs.append(usage[0].as_dict())
    result: dict[str, Any] = {
        "rows": _signal_count(ctx),
        "runs": runs,
        "note": "every scored signal read and ordered by contact, type and time; nothing scored",
    }
    floor = stages.get("scoring_floor", [])
    if floor:
        result["ratios"] = {"floor_vs_sort_bound": ratio_summary(_walls(floor), _walls(runs))}
    return result


def scoring_naive(ctx: BenchContext, stages: StageRuns) -> dict[str, Any]:
    """The row-by-row scorer, on a sample of whole contacts when the data is large; its time is
    extrapolated linearly to every signal (the loop's cost per signal does not depend on n)."""
    rules = ScoringVars.from_project()
    total = _signal_count(ctx)
    sample_every = max(1, math.ceil(total / ctx.naive_limit))
    runs = []
    with ctx.connect() as conn:
        conn.autocommit = False  # the server-side cursor lives in a transaction
        for _ in range(ctx.repeat):
            with measured(roots_with_server(ctx.pgdata)) as usage:
                naive = naive_scores(conn, ctx.scored_as_of, rules, sample_every)
            scale_up = total / naive.signals if naive.signals else 0.0
            runs.append(
                {
                    **usage[0].as_dict(),
                    "sample_signals": naive.signals,
                    "wall_s": usage[0].wall_s * scale_up,  # extrapolated
                    "cpu_s": usage[0].cpu_s * scale_up,
                    "sample_wall_s": usage[0].wall_s,
                }
            )
        agreement = naive_agreement(conn, naive, sample_every)
    note = (
        "every signal"
        if sample_every == 1
        else (
            f"1 contact in {sample_every} ({runs[0]['sample_signals']:,} of {total:,} signals);"
            " times extrapolated linearly to all signals"
        )
    )
    result: dict[str, Any] = {"rows": total, "runs": runs, "agreement": agreement, "note": note}
    result["ratios"] = {
        f"naive_vs_{name}": ratio_summary(_walls(runs), _walls(stages[stage]))
        for name, stage in (
            ("full_build", "scoring_full"),
            # the floor (the best single query) and the bound (less than any scorer does):
            # the most any build could reach against the row-by-row scorer
            ("floor", "scoring_floor"),
            ("sort_bound", "scoring_sort_bound"),
        )
        if stages.get(stage)
    }
    return result


def _matching_missing() -> str | None:
    try:
        module = importlib.import_module(MATCHING_BENCH)
    except ImportError as exc:
        return f"{MATCHING_BENCH} cannot be imported: {exc}"
    needed = ("company_sides", "run_blocked", "run_brute_force")
    absent = [name for name in needed if not callable(getattr(module, name, None))]
    return f"{MATCHING_BENCH} has no {', '.join(absent)}" if absent else None


def matching_all_pairs(ctx: BenchContext, stages: StageRuns) -> dict[str, Any]:
    """bench/matching's head-to-head at this scale's company count: the job's blocked code path
    against brute-force cdist of a sample against everything, extrapolated to all pairs."""
    bench = importlib.import_module(MATCHING_BENCH)
    index, new = bench.company_sides(ctx.scale.companies, KNOWN_SHARE, ctx.seed)
    threshold = getattr(bench, "COMPANY_THRESHOLD", 0.90)

    def key_of(name: str) -> str | None:
        return company_key(name, LEGAL_SUFFIXES)

    blocked_runs, brute_runs = [], []
    for repetition in range(ctx.repeat):
        with measured(roots_with_server(ctx.pgdata)) as usage:
            blocked = bench.run_blocked("company", index, new, key_of, threshold, True)
        blocked_runs.append({**usage[0].as_dict(), "comparisons": blocked["comparisons"]})
        brute = bench.run_brute_force(index, new, MATCHING_SAMPLE, ctx.seed + repetition)
        # extrapolated here: bench/matching rounds its own figure to 0.1 s
        cross = len(index.names) * len(new.names)
        brute_runs.append(
            {
                "wall_s": brute["sample_wall_s"] * cross / brute["sample_pairs"],
                "sample_pairs": brute["sample_pairs"],
                "sample_wall_s": brute["sample_wall_s"],
            }
        )
    return {
        "rows": len(index.names) + len(new.names),
        "runs": blocked_runs,
        "all_pairs_runs": brute_runs,
        "cross_product": len(index.names) * len(new.names),
        "note": (
            f"{len(index.names):,} known + {len(new.names):,} new company names"
            f" (bench/matching's synthetic sides); all pairs: {MATCHING_SAMPLE} names against"
            " all, extrapolated linearly to the cross product"
        ),
        "ratios": {"all_pairs_vs_blocked": ratio_summary(_walls(brute_runs), _walls(blocked_runs))},
    }


COMPARISONS: list[Comparison] = [
    Comparison(
        "scoring_floor",
        scoring_floor,
        "full build / one hand-written SQL query",
        after="scoring_full",
    ),
    Comparison(
        "scoring_sort_bound",
        scoring_sort_bound,
        "one hand-written query / a bare read and sort of the signals",
        after="scoring_full",
    ),
    Comparison(
        "scoring_naive",
        scoring_naive,
        "row-by-row Python scorer / full build",
        after="scoring_full",
    ),
    Comparison(
        "matching_all_pairs",
        matching_all_pairs,
        "all pairs (sampled, extrapolated) / the blocked matcher",
        missing=_matching_missing,
    ),
]


def run_summary(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """Wall-time summary of a comparison's runs (for the report)."""
    return summary(_walls(runs)) if _walls(runs) else {}
