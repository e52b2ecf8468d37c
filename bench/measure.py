"""Wall time, CPU seconds and peak memory of a piece of work, counted over the whole process tree
that does it: this process, every process it starts, and every process of the database server.

Memory is PSS (proportional set size, /proc/<pid>/smaps_rollup): a page shared by k processes
counts 1/k in each, so summing PSS over the tree counts PostgreSQL's shared buffers once instead
of once per backend (RSS would). It is sampled every ~100 ms by a thread; the peak is the
largest sum seen, so a spike shorter than the interval can be missed.

CPU is utime + stime from /proc/<pid>/stat, plus cutime + cstime: a process that ended and was
waited for (a dbt subprocess, a PostgreSQL backend whose connection closed) hands its time to
its parent's cutime, so summing all four over the live tree before and after loses nothing
that ran in between. The sampler thread's own CPU is measured and subtracted.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
SAMPLE_INTERVAL_S = 0.1
# a backend whose client just left needs a moment to exit and be reaped by the postmaster
SETTLE_S = 0.2


@dataclass(frozen=True)
class Usage:
    """What one timed run cost."""

    wall_s: float
    cpu_s: float  # user + system seconds over the process tree, sampler excluded
    peak_pss_mb: float  # largest sum of PSS over the tree, MiB
    samples: int  # memory samples taken

    def as_dict(self) -> dict[str, float]:
        return {
            "wall_s": round(self.wall_s, 3),
            "cpu_s": round(self.cpu_s, 3),
            "peak_pss_mb": round(self.peak_pss_mb, 1),
        }


def postmaster_pid(pgdata: Path) -> int | None:
    """The server's main process, from the first line of <pgdata>/postmaster.pid."""
    try:
        first = (pgdata / "postmaster.pid").read_text().split("\n", 1)[0]
        return int(first)
    except (OSError, ValueError):
        return None


def _parent_map() -> dict[int, int]:
    """pid -> parent pid for every process we can see."""
    parents: dict[int, int] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as handle:
                stat = handle.read()
        except OSError:
            continue
        # the command name (field 2) may hold spaces and parentheses: split after the last ')'
        fields = stat[stat.rfind(b")") + 2 :].split()
        parents[int(entry.name)] = int(fields[1])
    return parents


def process_tree(roots: list[int]) -> list[int]:
    """The roots that still exist and all their descendants."""
    children: dict[int, list[int]] = {}
    parents = _parent_map()
    for pid, parent in parents.items():
        children.setdefault(parent, []).append(pid)
    found: list[int] = []
    stack = [root for root in roots if root in parents]
    seen: set[int] = set()
    while stack:
        pid = stack.pop()
        if pid in seen:
            continue
        seen.add(pid)
        found.append(pid)
        stack.extend(children.get(pid, []))
    return found


def pss_kb(pid: int) -> int:
    """PSS of one process in KiB; 0 when it is gone (or a zombie, which has no memory)."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", "rb") as handle:
            for line in handle:
                if line.startswith(b"Pss:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def cpu_ticks(pid: int) -> int:
    """utime + stime + cutime + cstime of one process, in clock ticks; 0 when it is gone."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as handle:
            stat = handle.read()
    except OSError:
        return 0
    fields = stat[stat.rfind(b")") + 2 :].split()
    # fields[0] is field 3 (state): utime, stime, cutime, cstime are fields 14-17
    return sum(int(value) for value in fields[11:15])


def tree_cpu_s(roots: list[int]) -> float:
    return sum(cpu_ticks(pid) for pid in process_tree(roots)) / CLOCK_TICKS


def tree_pss_mb(roots: list[int]) -> float:
    return sum(pss_kb(pid) for pid in process_tree(roots)) / 1024


@dataclass
class _Sampler:
    roots: Callable[[], list[int]]
    interval_s: float
    peak_mb: float = 0.0
    samples: int = 0
    own_cpu_s: float = 0.0  # this thread's CPU: reading /proc is not the work being measured
    _stop: threading.Event = field(default_factory=threading.Event)

    def run(self) -> None:
        started = time.thread_time()
        while True:
            self.peak_mb = max(self.peak_mb, tree_pss_mb(self.roots()))
            self.samples += 1
            if self._stop.wait(self.interval_s):
                break
        self.own_cpu_s = time.thread_time() - started


@contextmanager
def measured(
    roots: Callable[[], list[int]], interval_s: float = SAMPLE_INTERVAL_S
) -> Iterator[list[Usage]]:
    """Measure the body of the `with`; the Usage is appended to the yielded list on exit.

    `roots` is called at every sample: the database server may start or restart inside the
    body (a reset), so its pid is looked up again each time.
    """
    holder: list[Usage] = []
    cpu_before = tree_cpu_s(roots())
    sampler = _Sampler(roots, interval_s)
    thread = threading.Thread(target=sampler.run, name="bench-sampler", daemon=True)
    started = time.perf_counter()
    thread.start()
    try:
        yield holder
    finally:
        wall = time.perf_counter() - started
        sampler._stop.set()
        thread.join()
        time.sleep(SETTLE_S)
        cpu = tree_cpu_s(roots()) - cpu_before - sampler.own_cpu_s
        holder.append(Usage(wall, max(cpu, 0.0), sampler.peak_mb, sampler.samples))


def roots_with_server(pgdata: Path) -> Callable[[], list[int]]:
    """This process and the database server whose data folder is `pgdata`."""

    def roots() -> list[int]:
        server = postmaster_pid(pgdata)
        return [os.getpid()] + ([server] if server else [])

    return roots
