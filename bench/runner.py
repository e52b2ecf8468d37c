"""Runs the stages and comparisons of one scale, measuring each repetition.

Without --only every scale starts from an empty database (the load stage resets it). With
--only, the stages before a selected one that this database has not done yet for this scale
run first, untimed ("prerequisite"); bench_state.json in the bench's home remembers which.
"""

from __future__ import annotations

import json
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench.comparisons import COMPARISONS, Comparison, StageRuns
from bench.context import BenchContext, StageFailed
from bench.measure import measured, roots_with_server
from bench.recurring import EXPONENT_LIMIT, flagged, series_fits, target_verdict
from bench.scoring import ScoresDisagree
from bench.stages import STAGES, Stage
from bench.stats import summary

Say = Callable[[str], None]


@dataclass
class StageResult:
    name: str
    status: str  # measured | cached | skipped | failed | prerequisite | not selected
    description: str = ""
    note: str = ""
    rows: int | None = None
    runs: list[dict[str, Any]] = field(default_factory=list)
    check: dict[str, Any] | None = None
    series: list[dict[str, Any]] = field(default_factory=list)  # one run per --new-rows
    series_rows: str = "new_rows"  # which figure of a series point counts its new rows
    series_fits: dict[str, dict[str, Any]] = field(default_factory=dict)
    flags: list[str] = field(default_factory=list)  # steps growing faster than the limit
    target_s: float | None = None

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "status": self.status,
            "description": self.description,
            "note": self.note,
        }
        if not self.runs:
            return out
        walls = [run["wall_s"] for run in self.runs]
        cpus = [run["cpu_s"] for run in self.runs]
        cpu_median = summary(cpus)["median"]
        out.update(
            rows=self.rows,
            wall_s=summary(walls),
            cpu_s=summary(cpus),
            peak_pss_mb=max(run["peak_pss_mb"] for run in self.runs),
            rows_per_cpu_s=(self.rows / cpu_median) if self.rows and cpu_median > 0 else None,
            runs=self.runs,
        )
        elapsed = [run["dbt_elapsed_s"] for run in self.runs if run.get("dbt_elapsed_s")]
        if elapsed:
            out["dbt_elapsed_s"] = summary(elapsed)
        if self.check:
            out["check"] = self.check
        if self.target_s is not None:
            out["target_s"] = self.target_s
        if self.series:
            out.update(
                series=self.series,
                series_rows=self.series_rows,
                series_fits=self.series_fits,
                flags=self.flags,
            )
        return out


def _state_path(ctx: BenchContext) -> Path:
    return ctx.home / "bench_state.json"


def _read_state(ctx: BenchContext) -> list[str]:
    """Stages already done in this database for this scale and seed (empty when another)."""
    try:
        state = json.loads(_state_path(ctx).read_text())
    except (OSError, ValueError):
        return []
    same = (state.get("companies"), state.get("event_rate", 1.0), state.get("seed")) == (
        ctx.scale.companies,
        ctx.scale.event_rate,
        ctx.seed,
    )
    return list(state.get("done", [])) if same and ctx.pgdata.exists() else []


def _write_state(ctx: BenchContext, done: list[str]) -> None:
    _state_path(ctx).write_text(
        json.dumps(
            {
                "companies": ctx.scale.companies,
                "event_rate": ctx.scale.event_rate,
                "seed": ctx.seed,
                "done": done,
            }
        )
    )


def _cache_path(ctx: BenchContext, stage: Stage) -> Path:
    return ctx.data_dir.with_name(ctx.data_dir.name + f".{stage.name}.json")


def _measure_stage(ctx: BenchContext, stage: Stage, say: Say) -> StageResult:
    result = StageResult(stage.name, "measured", stage.description, target_s=stage.target_s)
    repetitions = ctx.repeat if stage.compared else ctx.stage_repeat
    if not stage.repeatable:
        repetitions = 1
    if stage.needs_warehouse:
        ctx.parse()  # untimed: a timed dbt command starts from a current parse
    for repetition in range(repetitions):
        # untimed: what the last step left to autovacuum is not billed to this one
        settled = ctx.settle(vacuum=repetition == 0) if stage.needs_warehouse else 0.0
        stage.setup(ctx)
        with measured(roots_with_server(ctx.pgdata)) as usage:
            extras = stage.run(ctx)
        run = {**usage[0].as_dict(), **(extras or {}), "settled_s": round(settled, 1)}
        result.runs.append(run)
        result.rows = stage.rows(ctx)
        say(
            f"  {stage.name} {repetition + 1}/{repetitions}: {run['wall_s']:.2f}s wall,"
            f" {run['cpu_s']:.2f}s CPU, {run['peak_pss_mb']:.0f} MiB, {result.rows:,} rows"
            + (
                f"; {target_verdict(ctx.scale.name, stage.target_s, run['wall_s'])}"
                if stage.target_s is not None
                else ""
            )
        )
    if stage.series_limit is not None:
        _measure_series(ctx, stage, result, say)
    result.check = stage.check(ctx)
    if stage.cached:
        _cache_path(ctx, stage).write_text(
            json.dumps(
                {"measured_at": datetime.now(UTC).isoformat(), "runs": result.runs},
                indent=2,
            )
        )
    return result


def _measure_series(ctx: BenchContext, stage: Stage, result: StageResult, say: Say) -> None:
    """The stage once more per --new-rows count (untimed setup with ctx.facts["series_rows"]),
    then the exponent in new rows of its time and of its parts; the ones above the limit are
    flagged."""
    for wanted in ctx.series:
        limit = stage.series_limit(ctx)  # type: ignore[misc]
        if wanted > limit:
            result.series.append({"wanted": wanted, "skipped": f"more than the {limit:,} here"})
            say(f"  {stage.name} at {wanted:,} new rows: skipped (this scale has {limit:,})")
            continue
        settled = ctx.settle(vacuum=True) if stage.needs_warehouse else 0.0
        ctx.facts["series_rows"] = wanted
        stage.setup(ctx)
        with measured(roots_with_server(ctx.pgdata)) as usage:
            extras = stage.run(ctx)
        point = {"wanted": wanted, **usage[0].as_dict(), **(extras or {})}
        result.series.append({**point, "settled_s": round(settled, 1)})
        say(
            f"  {stage.name} at {point[stage.series_rows]:,} new rows: {point['wall_s']:.2f}s"
            f" wall, {point['cpu_s']:.2f}s CPU"
        )
    result.series_rows = stage.series_rows
    result.series_fits = series_fits(result.series, stage.series_rows)
    result.flags = flagged(result.series_fits)
    if "wall" in result.series_fits:
        wall = result.series_fits["wall"]["exponent"]
        say(f"  {stage.name}: exponent in new rows {wall:.2f} (flagged above {EXPONENT_LIMIT})")
    for flag in result.flags:
        say(f"  {stage.name}: FLAG {flag}: grows faster than rows^{EXPONENT_LIMIT}")


def _cached_result(ctx: BenchContext, stage: Stage) -> StageResult | None:
    path = _cache_path(ctx, stage)
    if not (stage.cached and path.exists() and (ctx.data_dir / "manifest.json").exists()):
        return None
    cached = json.loads(path.read_text())
    return StageResult(
        stage.name,
        "cached",
        stage.description,
        note=f"output kept from {cached['measured_at'][:19]}; timing from then",
        rows=stage.rows(ctx),
        runs=cached["runs"],
    )


def run_stages(
    ctx: BenchContext,
    only: list[str],
    say: Say,
    comparisons: dict[str, dict[str, Any]],
) -> list[StageResult]:
    """Every selected stage (and the ones they need), in order. A comparison that must see one
    stage's data (Comparison.after) runs right after that stage, into `comparisons`."""
    done = _read_state(ctx)
    names = [stage.name for stage in STAGES]
    last_selected = max((names.index(name) for name in only if name in names), default=-1)
    if any(comparison.name in only for comparison in COMPARISONS):
        last_selected = max(last_selected, names.index("scoring_full") + 1)  # they read the mart
    results: list[StageResult] = []
    for index, stage in enumerate(STAGES):
        selected = not only or stage.name in only
        missing = stage.missing()
        if missing:
            results.append(StageResult(stage.name, "skipped", stage.description, note=missing))
            say(f"  {stage.name}: skipped ({missing})")
            continue
        cached = _cached_result(ctx, stage)
        if cached and selected:
            results.append(cached)
            say(f"  {stage.name}: {cached.note}")
            continue
        needed = (
            not selected and stage.feeds_later and index < last_selected and stage.name not in done
        )
        if not selected and not needed:
            results.append(StageResult(stage.name, "not selected", stage.description))
            continue
        try:
            if selected:
                results.append(_measure_stage(ctx, stage, say))
            else:
                say(f"  {stage.name}: prerequisite, untimed")
                if not cached:
                    stage.setup(ctx)
                    (stage.prerequisite or stage.run)(ctx)
                results.append(StageResult(stage.name, "prerequisite", stage.description))
        except (StageFailed, ScoresDisagree) as exc:
            results.append(StageResult(stage.name, "failed", stage.description, note=str(exc)))
            say(f"  {stage.name}: FAILED {exc}")
            continue
        if stage.name == "load":  # a load starts a new database
            done = ["generate"]
        done.append(stage.name)
        _write_state(ctx, done)
        for comparison in _selected(COMPARISONS, only):
            if comparison.after == stage.name:
                stage_runs = _stage_runs(results, comparisons)
                comparisons[comparison.name] = _run_comparison(ctx, comparison, stage_runs, say)
    return results


def _selected(all_comparisons: list[Comparison], only: list[str]) -> list[Comparison]:
    return [c for c in all_comparisons if not only or c.name in only]


def _stage_runs(
    stage_results: list[StageResult], comparisons: dict[str, dict[str, Any]]
) -> StageRuns:
    """The measured runs of the stages and of the comparisons run so far (a comparison's
    ratios may be against an earlier one's: the row-by-row scorer against the floor)."""
    runs = {r.name: r.runs for r in stage_results if r.status == "measured"}
    runs.update({name: c["runs"] for name, c in comparisons.items() if c.get("runs")})
    return runs


def run_comparisons(
    ctx: BenchContext,
    only: list[str],
    stage_results: list[StageResult],
    say: Say,
    done: dict[str, dict[str, Any]],
) -> dict[str, dict[str, Any]]:
    """The comparisons not run yet (`done`: those run_stages ran after their stage), after
    every stage; the results in COMPARISONS order."""
    out: dict[str, dict[str, Any]] = {}
    for comparison in _selected(COMPARISONS, only):
        if comparison.name in done:
            out[comparison.name] = done[comparison.name]
        else:
            stage_runs = _stage_runs(stage_results, {**done, **out})
            out[comparison.name] = _run_comparison(ctx, comparison, stage_runs, say)
    return out


def _run_comparison(
    ctx: BenchContext, comparison: Comparison, stage_runs: StageRuns, say: Say
) -> dict[str, Any]:
    base = {"description": comparison.description}
    missing = comparison.missing()
    if missing:
        say(f"  {comparison.name}: skipped ({missing})")
        return {**base, "status": "skipped", "note": missing}
    started = time.perf_counter()
    try:
        result = comparison.run(ctx, stage_runs)
    except ScoresDisagree as exc:
        # a baseline that computes something else: recorded, and the run exits non-zero
        say(f"  {comparison.name}: SCORES DISAGREE {exc}")
        ctx.facts.setdefault("disagreements", []).append(str(exc))
        return {**base, "status": "scores disagree", "note": str(exc)}
    except Exception as exc:  # noqa: BLE001  (one comparison's failure must not lose the rest)
        detail = traceback.format_exception_only(exc)[-1].strip()
        say(f"  {comparison.name}: FAILED {detail}")
        return {**base, "status": "failed", "note": detail}
    walls = [run["wall_s"] for run in result.get("runs", []) if run.get("wall_s")]
    if walls:
        result["wall_s"] = summary(walls)
        result["cpu_s"] = summary([run["cpu_s"] for run in result["runs"]])
        result["peak_pss_mb"] = max(run["peak_pss_mb"] for run in result["runs"])
    ratios = ", ".join(
        f"{name} {value['median']:.1f}x" for name, value in result.get("ratios", {}).items()
    )
    say(f"  {comparison.name}: {time.perf_counter() - started:.1f}s; {ratios}")
    return {**base, "status": "measured", **result}
