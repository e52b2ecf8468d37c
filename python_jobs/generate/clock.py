"""Timestamps and dates, written the way the sources write them.

Times are carried as UTC epoch seconds. Sources write ISO 8601 in UTC ('2025-03-04T10:22:05Z');
a small share of CRM values carry a local offset instead ('2025-03-04T12:22:05+02:00').
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import numpy as np

from python_jobs.generate.rand import Dice

DAY = 86_400
# Offsets seen on timestamps exported by users' own tools.
_OFFSETS = tuple(timezone(timedelta(minutes=m)) for m in (120, 60, -300, -480, 330, -240))


def add_months(first: date, months: int) -> date:
    """The first day of the month `months` after `first` (itself a first of month)."""
    index = first.year * 12 + first.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def epoch(day: date) -> int:
    """UTC epoch seconds at the start of the day."""
    return int(datetime(day.year, day.month, day.day, tzinfo=UTC).timestamp())


def iso_utc(seconds: int) -> str:
    return datetime.fromtimestamp(seconds, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def iso_utc_many(seconds: np.ndarray) -> list[str]:
    """Vectorized iso_utc, for the bulk feeds."""
    stamps = seconds.astype("datetime64[s]")
    return np.datetime_as_string(stamps, unit="s", timezone="UTC").tolist()


def iso_date(seconds: int) -> str:
    return datetime.fromtimestamp(seconds, UTC).strftime("%Y-%m-%d")


def source_timestamp(seconds: int, dice: Dice, offset_share: float = 0.05) -> str:
    """UTC with 'Z', or for a small share the same instant with a local offset."""
    if dice.chance(offset_share):
        return datetime.fromtimestamp(seconds, dice.pick(_OFFSETS)).isoformat()
    return iso_utc(seconds)
