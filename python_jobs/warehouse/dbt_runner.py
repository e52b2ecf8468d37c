"""Run dbt in-process (dbt's programmatic runner) against the resolved warehouse.

The user of the embedded default never writes a profiles.yml: the profile is profiles.example.yml
itself, copied into the local state folder, and it reads the REVOPS_PG_* variables that
`ConnectInfo.export_env` sets.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from python_jobs.errors import PipelineFailed, UserError
from python_jobs.settings import Settings
from python_jobs.warehouse.connection import ConnectInfo

# Result events that carry a position in the run (index of total): they drive the progress bar.
PROGRESS_EVENTS = {"LogModelResult", "LogTestResult", "LogSeedResult", "LogSnapshotResult"}
FAILED_STATUSES = {"error", "fail", "runtime error"}
# dbt announces every node it starts and ends (any resource type, on its worker threads)
NODE_EVENTS = {"NodeStart": "start", "NodeFinished": "end"}


@dataclass(frozen=True)
class NodeEvent:
    """A dbt node started or ended (a model, test, seed, snapshot)."""

    kind: str  # start | end
    unique_id: str
    name: str
    resource_type: str
    path: str  # its file under its resource folder, e.g. core/scoring/fct_signals.sql
    status: str = ""  # at the end: success, pass, fail, error, skipped, ...
    seconds: float = 0.0  # at the end: dbt's execution time


def node_event(event: Any) -> NodeEvent | None:
    """The NodeEvent of a dbt event message, or None for any other event."""
    kind = NODE_EVENTS.get(event.info.name)
    if kind is None:
        return None
    node = event.data.node_info
    result = event.data.run_result if kind == "end" else None
    return NodeEvent(
        kind,
        node.unique_id,
        node.node_name,
        node.resource_type,
        node.node_path,
        str(result.status) if result is not None else "",
        float(result.execution_time) if result is not None else 0.0,
    )


def color_flags(stream: Any = None, environ: Any = None) -> list[str]:
    """dbt colours its log lines whatever the output is: not in a pipe, a file or under
    NO_COLOR (https://no-color.org), where the codes would be noise."""
    stream = sys.stdout if stream is None else stream
    environ = os.environ if environ is None else environ
    is_terminal = bool(getattr(stream, "isatty", lambda: False)())
    return [] if is_terminal and not environ.get("NO_COLOR") else ["--no-use-colors"]


@dataclass
class DbtOutcome:
    success: bool
    failures: list[str] = field(default_factory=list)  # "<node>: <message>" for failed nodes
    counts: dict[str, int] = field(default_factory=dict)  # status -> number of nodes


def write_profile(settings: Settings) -> None:
    settings.profiles_dir.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(
        settings.project_dir / "profiles.example.yml", settings.profiles_dir / "profiles.yml"
    )


def base_args(settings: Settings) -> list[str]:
    return [
        "--project-dir",
        str(settings.project_dir),
        "--profiles-dir",
        str(settings.profiles_dir),
        "--target",
        settings.dbt_target,
    ]


def run_dbt(
    settings: Settings,
    info: ConnectInfo,
    args: list[str],
    *,
    quiet: bool = False,
    on_progress: Callable[[int, int, str], None] | None = None,
    on_node: Callable[[NodeEvent], None] | None = None,
    manifest: Any = None,
) -> DbtOutcome:
    """Invoke `dbt <args>`; `quiet` keeps dbt's log lines off the terminal (errors still show).
    `on_node` hears every node start and end. `manifest` (from `parse_project`) skips parsing:
    for a series of commands that differ only in their --vars, which would otherwise make dbt
    parse the whole project again each time."""

    def on_event(event: Any) -> None:
        if on_node is not None and (node := node_event(event)) is not None:
            on_node(node)
        if on_progress is None or event.info.name not in PROGRESS_EVENTS:
            return
        data = event.data
        total = getattr(data, "total", 0) or getattr(data, "num_models", 0)
        on_progress(int(getattr(data, "index", 0)), int(total), event.info.name)

    command = (args or ["--help"])[0]
    result = _invoke(settings, info, args, quiet=quiet, callbacks=[on_event], manifest=manifest)
    if result.exception is not None and result.result is None:
        raise UserError(f"dbt {command}: {_error_line(result.exception)}")
    return _summarize(result)


def parse_project(
    settings: Settings, info: ConnectInfo, variables: dict[str, Any] | None = None
) -> Any:
    """`dbt parse`, returning the parsed manifest to pass to the next `run_dbt` calls. A var is
    read when a node is compiled, so later --vars still apply; only configs set from a var at
    parse time would keep the parsed value (none of the models run this way have one).
    `variables`: the vars the commands before used, so the parse reuses their partial parse."""
    args = ["parse", *(["--vars", json.dumps(variables)] if variables else [])]
    result = _invoke(settings, info, args, quiet=True)
    if not result.success or result.result is None:
        raise UserError(f"dbt parse: {_one_line(result.exception or 'failed')}")
    return result.result


def _invoke(
    settings: Settings,
    info: ConnectInfo,
    args: list[str],
    *,
    quiet: bool,
    callbacks: list[Callable[[Any], None]] | None = None,
    manifest: Any = None,
) -> Any:
    """dbt's programmatic runner on the resolved warehouse, with the project's profile."""
    from dbt.cli.main import dbtRunner

    info.export_env()
    write_profile(settings)
    command, *rest = args or ["--help"]
    global_flags = (["--quiet"] if quiet else []) + color_flags()
    full_args = [*global_flags, command, *rest]
    if command not in {"--help", "--version", "-h"}:
        full_args += base_args(settings)
    return dbtRunner(manifest=manifest, callbacks=callbacks or []).invoke(full_args)


def build_or_fail(
    settings: Settings, info: ConnectInfo, args: list[str], **kwargs: Any
) -> DbtOutcome:
    outcome = run_dbt(settings, info, args, **kwargs)
    if not outcome.success:
        detail = "; ".join(outcome.failures[:3]) or "see the dbt log above"
        more = f" (+{len(outcome.failures) - 3} more)" if len(outcome.failures) > 3 else ""
        raise PipelineFailed(f"dbt {args[0]} failed: {detail}{more}")
    return outcome


def _summarize(result: Any) -> DbtOutcome:
    outcome = DbtOutcome(success=bool(result.success))
    for node_result in getattr(result.result, "results", None) or []:
        status = str(getattr(node_result.status, "value", node_result.status)).lower()
        outcome.counts[status] = outcome.counts.get(status, 0) + 1
        if status in FAILED_STATUSES:
            name = getattr(node_result.node, "name", "?")
            outcome.failures.append(f"{name}: {_one_line(node_result.message or status)}")
    return outcome


# a bad var is named by revops_var (macros/platform/revops_var.sql); dbt wraps it in the node and
# the macro stack it was raised from, which tell the user nothing
VAR_PROBLEM = re.compile(r"\bvar \w+ (?:must|is not declared)\b.*?(?= > in macro|$)")


def _error_line(value: object) -> str:
    text = " ".join(str(value).split())
    problem = VAR_PROBLEM.search(text)
    return _one_line(problem.group(0) if problem else text.split(" > in macro ")[0])


def _one_line(value: object) -> str:
    text = " ".join(str(value).split())
    return text if len(text) <= 300 else text[:297] + "..."
