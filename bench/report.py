"""The run's results: results.json (everything), RESULTS.md (a short table), scaling.svg."""

from __future__ import annotations

import json
import os
import platform
from pathlib import Path
from typing import Any

from bench.recurring import EXPONENT_LIMIT, MODEL_GROUPS, target_verdict
from bench.stats import fit_exponent
from bench.svg import loglog_svg


def machine() -> dict[str, Any]:
    cpu_model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu_model = line.split(":", 1)[1].strip()
                break
        mem_kb = next(
            int(line.split()[1])
            for line in Path("/proc/meminfo").read_text().splitlines()
            if line.startswith("MemTotal:")
        )
    except (OSError, StopIteration):
        mem_kb = 0
    return {
        "cores": os.cpu_count(),
        "cpu_model": cpu_model,
        "memory_gib": round(mem_kb / 1024 / 1024, 1),
        "python": platform.python_version(),
        "platform": platform.platform(),
    }


def cpu_pressure() -> float | None:
    """Share of the last minute some runnable task waited for a CPU (/proc/pressure/cpu,
    avg60, in %): on a shared machine, what other people's work did to the wall times."""
    try:
        first = Path("/proc/pressure/cpu").read_text().splitlines()[0]
        return float(dict(part.split("=") for part in first.split()[1:])["avg60"])
    except (OSError, IndexError, KeyError, ValueError):
        return None


def _timed(entries: dict[str, dict[str, Any]]) -> dict[str, tuple[float, float, float]]:
    """name -> (rows, median wall s, median CPU s) for everything measured with a row count."""
    return {
        name: (
            float(entry["rows"]),
            float(entry["wall_s"]["median"]),
            float(entry["cpu_s"]["median"]),
        )
        for name, entry in entries.items()
        if entry.get("rows") and entry.get("wall_s") and entry.get("cpu_s")
    }


def scaling(scales: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Per stage (and comparison), the exponent of time against rows over the scales: of wall
    time, and of CPU seconds (steadier on a shared machine)."""
    points: dict[str, list[tuple[float, float, float]]] = {}
    for scale in scales:
        for name, point in _timed({**scale["stages"], **scale["comparisons"]}).items():
            points.setdefault(name, []).append(point)
    out: dict[str, dict[str, Any]] = {}
    for name, pts in points.items():
        entry: dict[str, Any] = {"points": [[rows, wall] for rows, wall, _ in sorted(pts)]}
        if len({rows for rows, _, _ in pts}) >= 2:
            rows = [r for r, _, _ in pts]
            entry.update(fit_exponent(rows, [w for _, w, _ in pts]))
            entry["cpu_exponent"] = fit_exponent(rows, [c for _, _, c in pts])["exponent"]
        out[name] = entry
    return out


def write_all(results: dict[str, Any], out_dir: Path, markdown_path: Path) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    written = [out_dir / "results.json", markdown_path]
    written[0].write_text(json.dumps(results, indent=2, default=str) + "\n")
    markdown_path.write_text(markdown(results))
    series = {
        name: [tuple(point) for point in entry["points"]]
        for name, entry in results["scaling"].items()
    }
    if any(series.values()):
        svg = out_dir / "scaling.svg"
        svg.write_text(
            loglog_svg(
                series,  # type: ignore[arg-type]
                f"Time against rows, log-log ({results['date'][:10]})",
                "rows processed",
                "wall seconds (median)",
            )
        )
        written.append(svg)
    return written


def _event_rate(scale: dict[str, Any]) -> str:
    rate = scale.get("event_rate", 1.0)
    return "" if rate == 1.0 else f" at {rate:g}x the events"


def _seconds(value: float) -> str:
    return f"{value:.3g}" if value < 100 else f"{value:,.0f}"


def _wall(entry: dict[str, Any]) -> str:
    wall = entry["wall_s"]
    if wall["n"] == 1:
        return _seconds(wall["median"])
    return f"{_seconds(wall['median'])} ({_seconds(wall['min'])}-{_seconds(wall['max'])})"


def _short(text: str, most: int = 240) -> str:
    """A note fit for a table cell (results.json has it whole)."""
    text = " ".join(text.replace("|", "/").split())
    return text if len(text) <= most else text[: most - 3] + "..."


def _ratio(value: float) -> str:
    return f"{value:,.0f}x" if value >= 100 else f"{value:.3g}x"


def _num(value: float | None, digits: int = 0) -> str:
    return "" if value is None else f"{value:,.{digits}f}"


def markdown(results: dict[str, Any]) -> str:
    m = results["machine"]
    pressure = results.get("cpu_pressure") or [None, None]
    lines = [
        "# Benchmark results",
        "",
        f"Measured {results['date'][:16].replace('T', ' ')} UTC on {m['cores']} cores"
        f" ({m['cpu_model'] or 'unknown CPU'}), {m['memory_gib']} GiB, Python {m['python']},"
        f" {results.get('postgres', 'PostgreSQL')}. A shared machine: load average"
        f" {results['load_average'][0]} at the start, {results['load_average'][1]} at the end;"
        f" CPU pressure (avg60) {pressure[0]}% then {pressure[1]}%: other work shows up in"
        " wall times and spread more than in CPU seconds. `python -m bench` writes this file;"
        " bench/out/results.json has every run, bench/out/scaling.svg the plot.",
        "",
        "Wall: median (min-max) of the repetitions; CPU: user + system seconds of the whole"
        " process tree, the PostgreSQL server included; peak: PSS of the same tree.",
    ]
    for scale in results["scales"]:
        measured = (
            f", measured {scale['date'][:16].replace('T', ' ')} UTC" if "date" in scale else ""
        )
        if scale.get("suite_s"):
            measured += f"; the suite ran {scale['suite_s'] / 60:.1f} min"
        lines += [
            "",
            f"## {scale['name']}: {scale['companies']:,} companies{_event_rate(scale)}"
            f" ({scale.get('raw_rows', 0):,} raw rows, {scale.get('signals', 0):,} signals"
            f"{measured})",
            "",
            "| stage | rows | wall s | CPU s | rows / CPU s | peak MiB | note |",
            "|---|--:|--:|--:|--:|--:|---|",
        ]
        for name, entry in scale["stages"].items():
            if entry["status"] == "not selected":
                continue
            if not entry.get("wall_s"):
                lines.append(f"| {name} | | | | | | {entry['status']}: {_short(entry['note'])} |")
                continue
            note = entry["note"] or ("" if entry["status"] == "measured" else entry["status"])
            if entry.get("target_s") is not None:
                verdict = target_verdict(
                    scale["name"], entry["target_s"], entry["wall_s"]["median"]
                )
                note = f"{verdict}. {note}"
            if entry.get("dbt_elapsed_s"):
                note = f"dbt models {_seconds(entry['dbt_elapsed_s']['median'])}s. {note}"
            lines.append(
                f"| {name} | {_num(entry['rows'])} | {_wall(entry)}"
                f" | {_seconds(entry['cpu_s']['median'])} | {_num(entry['rows_per_cpu_s'])}"
                f" | {_num(entry['peak_pss_mb'])} | {note.strip()} |"
            )
        lines += _recurring(scale["stages"])
        lines += [
            "",
            "| comparison | ratio | median (min-max) | note |",
            "|---|---|--:|---|",
        ]
        for name, entry in scale["comparisons"].items():
            if entry["status"] != "measured":
                lines.append(f"| {name} | | | {entry['status']}: {_short(entry['note'])} |")
                continue
            for ratio_name, ratio in entry.get("ratios", {}).items():
                lines.append(
                    f"| {name} | {ratio_name} | {_ratio(ratio['median'])}"
                    f" ({_ratio(ratio['min'])}-{_ratio(ratio['max'])}) | {entry.get('note', '')} |"
                )
            if not entry.get("ratios") and entry.get("wall_s"):
                lines.append(f"| {name} | (time only) | {_wall(entry)} s | {entry['note']} |")
    fitted = {name: e for name, e in results["scaling"].items() if "exponent" in e}
    if fitted:
        lines += [
            "",
            "## Scaling",
            "",
            "Exponent: least-squares slope of log(time) against log(rows) over the scales, of"
            " the median wall time and of the median CPU seconds (1 = linear; below 1, fixed"
            " costs such as dbt's start-up still dominate).",
            "",
            "| stage | wall exponent | CPU exponent | rows -> wall s |",
            "|---|--:|--:|---|",
        ]
        for name, entry in fitted.items():
            path = ", ".join(f"{rows:,.0f} -> {_seconds(wall)}" for rows, wall in entry["points"])
            lines.append(
                f"| {name} | {entry['exponent']:.2f} | {entry['cpu_exponent']:.2f} | {path} |"
            )
    return "\n".join(lines) + "\n"


def _median_run(entry: dict[str, Any]) -> dict[str, Any]:
    runs = sorted(entry["runs"], key=lambda run: run["wall_s"])
    return runs[(len(runs) - 1) // 2]


def _recurring(stages: dict[str, dict[str, Any]]) -> list[str]:
    """The recurring stages' breakdown (the median run) and their series in new rows."""
    recurring = {
        name: entry for name, entry in stages.items() if entry.get("runs") and "target_s" in entry
    }
    if not recurring:
        return []
    steps = list(dict.fromkeys(k for e in recurring.values() for k in _median_run(e)["steps_s"]))
    lines = [
        "",
        "Where the recurring runs' time goes (the median run): wall seconds of `revops load` and"
        " of each stage of `revops run`; then dbt's seconds per part, summed over nodes run"
        " on several threads at once.",
        "",
        "| stage | " + " | ".join(steps) + " | " + " | ".join(MODEL_GROUPS) + " | slowest models |",
        "|---|" + "--:|" * (len(steps) + len(MODEL_GROUPS)) + "---|",
    ]
    for name, entry in recurring.items():
        run = _median_run(entry)
        slowest = ", ".join(f"{model} {_seconds(sec)}" for model, sec in run["slowest_models"][:3])
        lines.append(
            f"| {name} | "
            + " | ".join(_seconds(run["steps_s"].get(step, 0.0)) for step in steps)
            + " | "
            + " | ".join(_seconds(run["models_s"].get(group, 0.0)) for group in MODEL_GROUPS)
            + f" | {slowest} |"
        )
    series = {name: entry for name, entry in recurring.items() if entry.get("series")}
    if series:
        lines += [
            "",
            f"The same runs at several counts of new rows (day_n: new events; month_n: people"
            f" changed in a full delivery). Exponent: the slope of log(time) against log(new"
            f" rows); a step above {EXPONENT_LIMIT} is flagged.",
            "",
            "| stage | new rows -> wall s | wall exponent | flagged |",
            "|---|---|--:|---|",
        ]
        for name, entry in series.items():
            key = entry.get("series_rows", "new_rows")
            points = ", ".join(
                f"{point[key]:,} -> {_seconds(point['wall_s'])}"
                if "wall_s" in point
                else f"{point['wanted']:,}: skipped ({point['skipped']})"
                for point in entry["series"]
            )
            fit = entry.get("series_fits", {}).get("wall")
            exponent = f"{fit['exponent']:.2f}" if fit else ""
            flags = "; ".join(f"**{flag}**" for flag in entry.get("flags", [])) or "none"
            lines.append(f"| {name} | {points} | {exponent} | {flags} |")
    return lines


def included_scales(paths: list[Path], replaced: set[str]) -> list[dict[str, Any]]:
    """The scales of earlier runs' results.json files (each marked with its run's date), for a
    report over scales measured separately; a scale this run measures again is left out."""
    scales: list[dict[str, Any]] = []
    for path in paths:
        earlier = json.loads(path.read_text())
        for scale in earlier["scales"]:
            if scale["name"] not in replaced and scale["name"] not in {s["name"] for s in scales}:
                scales.append({"date": earlier["date"], **scale})
    return scales
