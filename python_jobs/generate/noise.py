"""Row-level mess shared by every feed: exact replays and the share of invalid rows.

Value-level mess (suffixes, casing, phone formats) lives in names.py; this is about whole rows:
an export that re-sends some rows verbatim, and rows a staging layer has to reject.
"""

from __future__ import annotations

from typing import TypeVar

from python_jobs.generate.rand import Dice

T = TypeVar("T")

REPLAY_SHARE = 0.005  # rows sent twice, byte for byte (same id, same content)
INVALID_SHARE = 0.01  # rows a staging layer must reject, with a reason

# Values a staging layer must reject as unparseable dates.
INVALID_DATES = ("31/02/2026", "not a date", "2026-13-45", "2026-02-30", "yesterday", "00/00/0000")
INVALID_AMOUNTS = ("-1500", "-250000.00", "n/a", "TBD", "1.2M", "12,5O0")
UNKNOWN_EVENT_TYPES = ("email_forward", "tweet_like", "linkedin_poke", "EMAIL OPEN??", "sms_click")


def expected_count(n: int, share: float, dice: Dice) -> int:
    """n * share rounded up or down at random, so small feeds still get their share on average."""
    return int(n * share + dice.random())


def with_replays(rows: list[T], dice: Dice, share: float = REPLAY_SHARE) -> list[T]:
    """Copies of a few rows, each re-sent a little later in the same file (a retried page)."""
    n = len(rows)
    if n == 0:
        return rows
    copies = []
    for _ in range(expected_count(n, share, dice)):
        source = dice.below(n)
        copies.append((min(n, source + 1 + dice.below(200)), source))
    out = list(rows)
    # Insert from the back so earlier insertion points keep their meaning.
    for position, source in sorted(copies, reverse=True):
        out.insert(position, rows[source])
    return out
