"""The output files: where they go, how they are written, and the manifest that lists them.

Layout under the output folder:
  raw/<kind>.csv                                   every raw feed but the monthly ones
  raw/vendor_people_snapshots/<YYYY-MM-01>.csv     one file per monthly vendor delivery
  raw/engagement_events/<YYYY-MM-01>.csv           one file per month of events
  ground_truth/<table>.csv                         the answer key
  manifest.json                                    params, rows and sha256 per file; written
                                                   last, so it exists only for a complete run
Files are UTF-8 with a header row, csv-module minimal quoting and '\\n' line endings.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from python_jobs.generate.rows import RAW_ROW_TYPES, TRUTH_ROW_TYPES

MANIFEST = "manifest.json"
SNAPSHOT_KIND = "vendor_people_snapshots"
EVENTS_KIND = "engagement_events"
# feeds delivered as one file per month: a later month adds a file and leaves the others as
# they were, so loading a new month loads only that month
MONTHLY_KINDS = (SNAPSHOT_KIND, EVENTS_KIND)
MONTH_FILE = re.compile(r"^\d{4}-\d{2}-01\.csv$")


class CsvSink:
    """One CSV file, written row batch by row batch; counts its data rows."""

    def __init__(self, path: Path, header: Sequence[str]) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.rows = 0
        self._file: TextIO = path.open("w", encoding="utf-8", newline="")
        self._writer = csv.writer(self._file, lineterminator="\n")
        self._writer.writerow(header)

    def write(self, rows: Sequence[Sequence[str]]) -> None:
        self._writer.writerows(rows)
        self.rows += len(rows)

    def close(self) -> None:
        self._file.close()


class Outputs:
    """All files of one run, open for the run's duration; feeds append chunk by chunk."""

    def __init__(self, out_dir: Path) -> None:
        self.out_dir = out_dir
        self._forget_previous_run()
        self.raw = {
            kind: CsvSink(out_dir / "raw" / f"{kind}.csv", row_type._fields)
            for kind, row_type in RAW_ROW_TYPES.items()
            if kind not in MONTHLY_KINDS
        }
        self.truth = {
            table: CsvSink(out_dir / "ground_truth" / f"{table}.csv", row_type._fields)
            for table, row_type in TRUTH_ROW_TYPES.items()
        }
        self._monthly: dict[tuple[str, date], CsvSink] = {}

    def monthly(self, kind: str, month_first: date) -> CsvSink:
        """The file of one month of a monthly feed, opened on first use."""
        key = (kind, month_first)
        if key not in self._monthly:
            path = self.out_dir / "raw" / kind / f"{month_first.isoformat()}.csv"
            self._monthly[key] = CsvSink(path, RAW_ROW_TYPES[kind]._fields)
        return self._monthly[key]

    def snapshot(self, snapshot_date: date) -> CsvSink:
        """The vendor delivery of one month."""
        return self.monthly(SNAPSHOT_KIND, snapshot_date)

    def events(self, month_first: date) -> CsvSink:
        """The engagement events of one month."""
        return self.monthly(EVENTS_KIND, month_first)

    def close(self) -> None:
        for _, sink in self._labelled_sinks():
            sink.close()

    def manifest(
        self, params: dict[str, Any], progress: Callable[[str, int, int], None] | None = None
    ) -> dict[str, Any]:
        """Params plus kind, rows and sha256 of every file (call after close)."""
        files = {}
        sinks = self._labelled_sinks()
        for done, (kind, sink) in enumerate(sinks, start=1):
            relative = sink.path.relative_to(self.out_dir).as_posix()
            files[relative] = {"kind": kind, "rows": sink.rows, "sha256": sha256_of(sink.path)}
            if progress:
                progress("checksums", done, len(sinks))
        return {
            "generator": "python_jobs.generate",
            "params": params,
            "files": dict(sorted(files.items())),
        }

    def _labelled_sinks(self) -> list[tuple[str, CsvSink]]:
        labelled = list(self.raw.items())
        labelled += [(kind, sink) for (kind, _), sink in sorted(self._monthly.items())]
        labelled += [(f"ground_truth.{table}", sink) for table, sink in self.truth.items()]
        return labelled

    def _forget_previous_run(self) -> None:
        """No manifest until this run completes, and no monthly files this run did not make."""
        (self.out_dir / MANIFEST).unlink(missing_ok=True)
        for kind in MONTHLY_KINDS:
            folder = self.out_dir / "raw" / kind
            if folder.is_dir():
                for path in folder.iterdir():
                    if MONTH_FILE.match(path.name):
                        path.unlink()


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as file:
        while block := file.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


def write_manifest(out_dir: Path, manifest: dict[str, Any]) -> None:
    """Written last and atomically: a manifest means a complete, consistent set of files."""
    staging = out_dir / f"{MANIFEST}.tmp"
    staging.write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    staging.replace(out_dir / MANIFEST)
