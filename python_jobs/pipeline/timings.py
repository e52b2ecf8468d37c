"""What a `revops run` spent its time on: each stage's duration and each dbt node's.

The reporter feeds it as the run goes (a stage starts, a node starts or ends) and reads it
for the live display and the closing tables; `revops run` writes it to
REVOPS_HOME/last_run.json, where the benchmark and an operator comparing runs read it.
dbt runs nodes on several threads, so node events come from several threads at once.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from python_jobs.warehouse.dbt_runner import NodeEvent

# the nodes that build something: the closing table's slowest ones are among these
BUILT_TYPES = ("model", "snapshot", "seed")


@dataclass
class StageTime:
    name: str
    seconds: float = 0.0


@dataclass
class NodeTime:
    name: str
    unique_id: str
    resource_type: str
    path: str  # under models/ (or snapshots/, seeds/): what the benchmark groups by
    stage: str
    seconds: float
    status: str


class RunTimings:
    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self.started_at = datetime.now(UTC)
        self._started = clock()
        self.stages: list[StageTime] = []
        self._stage_started: float | None = None
        self.nodes: list[NodeTime] = []
        self._running: dict[str, tuple[str, float]] = {}  # unique_id -> (name, start)

    @property
    def current(self) -> str | None:
        return self.stages[-1].name if self.stages else None

    def start_stage(self, name: str) -> StageTime | None:
        """A new stage starts, which ends the current one; returns the one that ended."""
        with self._lock:
            ended = self._end_stage()
            self.stages.append(StageTime(name))
            self._stage_started = self._clock()
            self._running.clear()
            return ended

    def finish(self) -> StageTime | None:
        """The run ended (or failed): the current stage ends; returns it."""
        with self._lock:
            return self._end_stage()

    def _end_stage(self) -> StageTime | None:
        if not self.stages or self._stage_started is None:
            return None
        stage = self.stages[-1]
        stage.seconds = self._clock() - self._stage_started
        self._stage_started = None
        return stage

    def node(self, event: NodeEvent) -> float | None:
        """Record a node's start or end; returns the seconds it took when it ends."""
        with self._lock:
            if event.kind == "start":
                self._running[event.unique_id] = (event.name, self._clock())
                return None
            _name, started = self._running.pop(event.unique_id, (event.name, None))
            seconds = event.seconds or (self._clock() - started if started is not None else 0.0)
            self.nodes.append(
                NodeTime(
                    event.name,
                    event.unique_id,
                    event.resource_type,
                    event.path,
                    self.current or "",
                    seconds,
                    event.status,
                )
            )
            return seconds

    def running(self) -> list[tuple[str, float]]:
        """The nodes running now, longest first, with the seconds each has run."""
        now = self._clock()
        with self._lock:
            items = [(name, now - started) for name, started in self._running.values()]
        return sorted(items, key=lambda item: -item[1])

    def stage_elapsed(self) -> float:
        with self._lock:
            return 0.0 if self._stage_started is None else self._clock() - self._stage_started

    def total(self) -> float:
        return self._clock() - self._started

    def slowest(self, most: int = 5) -> list[NodeTime]:
        built = [node for node in self.nodes if node.resource_type in BUILT_TYPES]
        return sorted(built, key=lambda node: -node.seconds)[:most]

    def as_dict(self, status: str) -> dict[str, Any]:
        return {
            "started_at": self.started_at.isoformat(timespec="seconds"),
            "status": status,
            "seconds": round(self.total(), 3),
            "stages": [{"name": s.name, "seconds": round(s.seconds, 3)} for s in self.stages],
            "nodes": [{**asdict(node), "seconds": round(node.seconds, 3)} for node in self.nodes],
        }

    def write(self, path: Path, status: str) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(self.as_dict(status), indent=1) + "\n")


def format_seconds(seconds: float) -> str:
    """12.3s under a minute, 4m05s above."""
    if seconds < 60:
        return f"{seconds:.1f}s"
    minutes, rest = divmod(int(round(seconds)), 60)
    return f"{minutes}m{rest:02d}s"
