"""What `revops run` says while it runs and what it times, without a database: the reporter's
plain lines (no terminal), its "still running" line, the stage and node timings, and when dbt
is told not to colour its output. The whole command's output is checked in test_pipeline.py."""

from __future__ import annotations

import io
import json
import threading
import time
from contextlib import nullcontext
from datetime import date

import pytest
from rich.console import Console

from python_jobs.pipeline import cli, service
from python_jobs.pipeline.cli import RunReporter, timing_tables
from python_jobs.pipeline.timings import RunTimings, format_seconds
from python_jobs.warehouse.dbt_runner import NodeEvent, color_flags


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def start(name: str, kind: str = "model") -> NodeEvent:
    return NodeEvent("start", f"{kind}.p.{name}", name, kind, f"x/{name}.sql")


def end(name: str, kind: str = "model", status: str = "success", seconds: float = 0.5):
    return NodeEvent("end", f"{kind}.p.{name}", name, kind, f"x/{name}.sql", status, seconds)


def plain_console() -> tuple[Console, io.StringIO]:
    out = io.StringIO()
    return Console(file=out, width=60), out  # a file: not a terminal


def test_timings_per_stage_and_node() -> None:
    clock = Clock()
    timings = RunTimings(clock)
    assert timings.start_stage("load") is None
    clock.now += 2
    ended = timings.start_stage("build")
    assert ended is not None and (ended.name, ended.seconds) == ("load", 2)
    timings.node(start("slow_model"))
    timings.node(start("a_test", "test"))
    clock.now += 30
    assert [name for name, _ in timings.running()] == ["slow_model", "a_test"]
    timings.node(end("a_test", "test", "pass", seconds=30.0))
    timings.node(end("slow_model", seconds=29.5))
    timings.node(end("quick_model", seconds=0.1))  # an end without a start still counts
    clock.now += 1
    assert timings.finish().seconds == 31  # type: ignore[union-attr]
    assert timings.running() == []
    # tests are never among the slowest models
    assert [node.name for node in timings.slowest()] == ["slow_model", "quick_model"]
    saved = timings.as_dict("succeeded")
    assert [(s["name"], s["seconds"]) for s in saved["stages"]] == [("load", 2), ("build", 31)]
    assert {node["name"]: node["stage"] for node in saved["nodes"]}["slow_model"] == "build"
    json.dumps(saved)  # what last_run.json holds


def test_format_seconds() -> None:
    assert [format_seconds(s) for s in (0.04, 59.94, 61, 3725)] == [
        "0.0s",
        "59.9s",
        "1m01s",
        "62m05s",
    ]


def test_plain_lines_for_stages_models_and_failures() -> None:
    console, out = plain_console()
    timings = RunTimings()
    with RunReporter(console, timings) as reporter:
        assert not reporter.live
        reporter.stage("dbt build (staging and job inputs)")
        reporter.node(start("base_engagement__events"))
        reporter.node(start("unique_event_id", "test"))
        reporter.node(end("unique_event_id", "test", "pass", 0.1))  # quick and passed: silent
        reporter.node(end("base_engagement__events", seconds=3.25))
        reporter.node(end("slow_test", "test", "pass", 12.0))
        reporter.node(end("broken_test", "test", "fail", 0.2))
        reporter.stage("match companies and people")
        reporter.note("100 records")
    lines = out.getvalue().splitlines()
    assert lines == [
        "> dbt build (staging and job inputs)",
        "  started base_engagement__events (model)",
        "  success base_engagement__events 3.2s",
        "  pass slow_test 12.0s",
        "  fail broken_test 0.2s",
        lines[5],  # the stage's duration (real time)
        "> match companies and people",
        "  100 records",
        lines[8],
    ]
    assert lines[5].startswith("  took ") and lines[8].startswith("  took ")
    assert "\x1b[" not in out.getvalue()
    for table in timing_tables(timings):
        console.print(table)
    text = out.getvalue()
    assert "Time by stage" in text and "match companies and people" in text and "total" in text
    assert "Slowest models" in text and "base_engagement__events" in text
    assert "slow_test" not in text.split("Slowest models")[1]


def test_a_failed_stage_says_how_long_it_ran() -> None:
    console, out = plain_console()
    with pytest.raises(RuntimeError), RunReporter(console, RunTimings()) as reporter:
        reporter.stage("dbt build (golden records and marts)")
        raise RuntimeError("a model failed")
    assert out.getvalue().splitlines()[-1].startswith("  failed after ")


def test_silence_without_a_terminal_ends_in_a_still_running_line(monkeypatch) -> None:
    monkeypatch.setattr(cli, "HEARTBEAT_S", 0.3)
    console, out = plain_console()
    with RunReporter(console, RunTimings()) as reporter:
        reporter.stage("dbt build (golden records and marts)")
        reporter.node(start("int_contact_scores"))
        deadline = time.monotonic() + 10
        while "still" not in out.getvalue() and time.monotonic() < deadline:
            time.sleep(0.1)
        reporter.node(end("int_contact_scores", seconds=2.0))
    beats = [line for line in out.getvalue().splitlines() if line.startswith("  ... ")]
    assert beats, out.getvalue()
    assert beats[0].startswith("  ... dbt build (golden records and marts) ")
    assert "running int_contact_scores" in beats[0]


def test_node_events_from_several_threads_are_all_counted() -> None:
    console, out = plain_console()
    timings = RunTimings()
    with RunReporter(console, timings) as reporter:
        reporter.stage("build")

        def work(thread: int) -> None:
            for i in range(50):
                reporter.node(start(f"m{thread}_{i}"))
                reporter.node(end(f"m{thread}_{i}", seconds=0.01))

        threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert len(timings.nodes) == 200 and timings.running() == []
    assert out.getvalue().count("  started ") == 200


class Stream:
    def __init__(self, tty: bool) -> None:
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


def test_dbt_colours_only_a_terminal_without_no_color() -> None:
    assert color_flags(Stream(True), {}) == []
    assert color_flags(Stream(True), {"NO_COLOR": "1"}) == ["--no-use-colors"]
    assert color_flags(Stream(False), {}) == ["--no-use-colors"]


def test_as_of_reaches_every_dbt_command_of_the_run(monkeypatch) -> None:
    """--as-of DAY: one set of vars on every build, so scores are as of DAY and dbt parses the
    project once for the run, not once per change of vars."""
    calls: list[list[str]] = []
    monkeypatch.setattr(service, "build_or_fail", lambda s, i, args, **kw: calls.append(args))
    monkeypatch.setattr(service, "parse_project", lambda s, i, v: calls.append(["parse", v]))
    monkeypatch.setattr(service, "connect", lambda info: nullcontext(None))
    monkeypatch.setattr(service, "pending_people_deliveries", lambda conn: [date(2026, 2, 1)])
    monkeypatch.setattr(service, "_missing_relation", lambda conn, name: False)
    options = service.RunOptions(as_of=date(2026, 3, 1))
    ctx = service.RunContext(None, options, None, service.Reporter())  # type: ignore[arg-type]
    service.stage_dbt_build_inputs(ctx)
    service.stage_talent_flow_snapshots(ctx)
    service.stage_dbt_build_outputs(ctx)
    as_of = {"as_of": "2026-03-01"}
    passed = [
        json.loads(args[args.index("--vars") + 1]) if "--vars" in args else args[1]
        for args in calls
    ]
    assert passed == [
        as_of,
        as_of,
        as_of,
        {**as_of, "talent_flow_snapshot_date": "2026-02-01"},
        as_of,
    ]
    assert service.RunOptions().dbt_vars() == {}  # today: no vars, as before
