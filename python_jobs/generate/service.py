"""Generate a deterministic, realistic and messy synthetic data set for the warehouse.

generate() writes every raw feed and the ground-truth answer key (layout in sinks.py) and
returns the manifest. Companies are processed in fixed chunks of CHUNK_SIZE: a chunk's people,
deals and events are written and forgotten before the next chunk starts, so memory stays flat
however many companies are asked for. The chunk size is a constant, not a parameter, because
the output depends on it (movements between companies stay inside a chunk).

Same params, same bytes: all randomness comes from numpy PCG64 streams keyed by (seed, chunk,
month, stream), never from the clock or global state. Month m of the vendor snapshots and the
events depends only on months <= m, so generating one more month leaves earlier months as they
were; the CRM, partner and backfill files do not depend on the number of months at all.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from python_jobs.generate import backfill, crm, deals
from python_jobs.generate.backfill import BackfillBudget
from python_jobs.generate.clock import add_months
from python_jobs.generate.events import EngagementFeed
from python_jobs.generate.sinks import Outputs, write_manifest
from python_jobs.generate.vendor import VendorFeed
from python_jobs.generate.world import Registries, Salts, build_chunk

CHUNK_SIZE = 2_000  # companies per chunk; fixed, since the output depends on it
MAX_MONTHS = 60  # vendor broken-row ids reserve room for up to 100 months per chunk
MAX_COMPANIES = 2_000_000  # person numbers (chunk * PERSON_BLOCK + i) stay below 10**8
MAX_EVENT_RATE = 20.0  # times the usual engagement: far past any real account's

Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class GenerateParams:
    companies: int
    seed: int = 42
    months: int = 12
    start_month: date = date(2025, 11, 1)
    # every contact's monthly engagement rates times this: 1 is about 100 events per company a
    # year; more packs more signals onto the same contacts (the scoring benchmark's 10M)
    event_rate: float = 1.0

    def __post_init__(self) -> None:
        if not 1 <= self.companies <= MAX_COMPANIES:
            raise ValueError(
                f"companies must be between 1 and {MAX_COMPANIES:,}, got {self.companies}"
            )
        if not 1 <= self.months <= MAX_MONTHS:
            raise ValueError(f"months must be between 1 and {MAX_MONTHS}, got {self.months}")
        if not 0 < self.event_rate <= MAX_EVENT_RATE:
            raise ValueError(
                f"event_rate must be above 0 and at most {MAX_EVENT_RATE:g}, got {self.event_rate}"
            )
        if self.seed < 0:
            raise ValueError(f"seed must be a non-negative integer, got {self.seed}")
        if self.start_month.day != 1:
            raise ValueError(
                f"start_month must be the first day of a month, got {self.start_month}"
            )

    def as_dict(self) -> dict[str, Any]:
        """The manifest's params; the usual event rate is left out, so a data set made before
        the rate existed has the same manifest."""
        params = {**asdict(self), "start_month": self.start_month.isoformat()}
        if self.event_rate == 1.0:
            del params["event_rate"]
        return params

    @property
    def snapshot_dates(self) -> list[date]:
        return [add_months(self.start_month, m) for m in range(self.months)]


def generate(
    params: GenerateParams, out_dir: Path, progress: Progress | None = None
) -> dict[str, Any]:
    """Write the data set under out_dir; return the manifest (also written as manifest.json)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    outputs = Outputs(out_dir)
    run = _Run(params, outputs, Registries.new(), Salts.from_seed(params.seed), BackfillBudget())
    try:
        for chunk, first in enumerate(range(0, params.companies, CHUNK_SIZE)):
            run.chunk(chunk, first, min(CHUNK_SIZE, params.companies - first))
            if progress:
                progress("companies", min(first + CHUNK_SIZE, params.companies), params.companies)
    finally:
        outputs.close()
    manifest = outputs.manifest(params.as_dict(), progress)
    write_manifest(out_dir, manifest)
    return manifest


@dataclass
class _Run:
    """What carries from chunk to chunk: the files, name registries and the backfill's room."""

    params: GenerateParams
    outputs: Outputs
    registries: Registries
    salts: Salts
    budget: BackfillBudget

    def chunk(self, chunk: int, first_company: int, n_companies: int) -> None:
        seed, start, outputs = self.params.seed, self.params.start_month, self.outputs
        world = build_chunk(seed, chunk, first_company, n_companies, self.registries, self.salts)
        # Static feeds first: the vendor's job changes below move people between companies.
        index = crm.write_companies(world, seed, start, outputs)
        crm.write_people(world, index, seed, start, outputs)
        deals.write_deals(world, index, seed, start, outputs)
        backfill.write_backfill(world, seed, start, self.budget, outputs)
        engagement = EngagementFeed(world, index, seed, self.params.event_rate)
        vendor = VendorFeed(world, seed, self.registries)
        for month, month_first in enumerate(self.params.snapshot_dates):
            vendor.deliver(month, month_first, outputs)
            engagement.deliver(month, month_first, outputs)


def default_folder(generated_dir: Path, companies: int, seed: int, event_rate: float = 1.0) -> Path:
    """Where `revops generate` and `revops run` keep a data set unless told otherwise: one folder
    per (seed, companies), whatever the number of months, so a new month lands beside the old;
    a set generated at another event rate has its own."""
    return generated_dir / f"seed{seed}-companies{companies}{event_rate_suffix(event_rate)}"


def event_rate_suffix(event_rate: float) -> str:
    """What a folder of data generated at another event rate than the usual one adds to its
    name ('' at the usual rate, so older folders keep theirs)."""
    return "" if event_rate == 1.0 else f"-events{event_rate:g}x"


def read_params(out_dir: Path) -> GenerateParams:
    """The parameters of the complete data set in out_dir (its manifest)."""
    manifest = json.loads((out_dir / "manifest.json").read_text(encoding="utf-8"))
    params = dict(manifest["params"])
    params["start_month"] = date.fromisoformat(params["start_month"])
    return GenerateParams(**params)


def advance_month(out_dir: Path, progress: Progress | None = None) -> dict[str, Any]:
    """Add the next month to the data set in out_dir: its events and vendor delivery.

    Earlier months and the static feeds come out byte-identical (the streams are keyed by
    month), so loading the folder again loads only the new month's files.
    """
    params = read_params(out_dir)
    return generate(replace(params, months=params.months + 1), out_dir, progress)
