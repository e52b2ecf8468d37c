"""Seeded randomness for the generator.

Every random stream is keyed by (seed, chunk, month, stream), so a chunk's or a month's data
never depends on how much randomness other chunks or months consumed: adding a month, or
changing what one stream draws, leaves every other stream untouched. Streams that belong to no
month use the STATIC month slot. Nothing here reads the clock or any global random state.
"""

from __future__ import annotations

import math
from bisect import bisect
from collections.abc import Sequence
from enum import IntEnum
from itertools import accumulate
from typing import TypeVar

import numpy as np

T = TypeVar("T")

# Month slot of the streams that belong to no month (months are 0..months-1, far below this).
STATIC = 1 << 20


class Stream(IntEnum):
    """One independent stream per concern; the values are part of the output's identity."""

    COMPANIES = 1
    PEOPLE = 2
    CRM_COMPANIES = 3
    CRM_PEOPLE = 4
    OPPORTUNITIES = 5
    PARTNER = 6
    BACKFILL = 7
    VENDOR = 8
    MOVES = 9
    SNAPSHOT = 10
    EVENTS = 11


def generator(seed: int, chunk: int, month: int, stream: Stream) -> np.random.Generator:
    # Always four words: SeedSequence pads with zeros, so [a, b] and [a, b, 0] would collide.
    return np.random.Generator(
        np.random.PCG64(np.random.SeedSequence([seed, chunk, month, stream]))
    )


class Dice:
    """Scalar draws for record-at-a-time Python code.

    Serves numpy's PCG64 output from pre-drawn blocks: a scalar call on the Generator itself
    costs about three times more, and people-level code draws tens of millions of times.
    """

    _BLOCK = 8192

    def __init__(self, rng: np.random.Generator) -> None:
        self.rng = rng
        self._block: list[float] = []
        self._next = 0

    def random(self) -> float:
        if self._next == len(self._block):
            self._block = self.rng.random(self._BLOCK).tolist()
            self._next = 0
        value = self._block[self._next]
        self._next += 1
        return value

    def chance(self, p: float) -> bool:
        return self.random() < p

    def below(self, n: int) -> int:
        return int(self.random() * n)

    def between(self, low: int, high: int) -> int:
        """An integer in [low, high]."""
        return low + self.below(high - low + 1)

    def normal(self) -> float:
        """A standard normal draw (Box-Muller on two uniforms)."""
        radius = math.sqrt(-2.0 * math.log(1.0 - self.random()))
        return radius * math.cos(2.0 * math.pi * self.random())

    def poisson(self, lam: float) -> int:
        return int(self.rng.poisson(lam))

    def pick(self, items: Sequence[T]) -> T:
        return items[self.below(len(items))]

    def pick_weighted(self, items: Sequence[T], cumulative: Sequence[float]) -> T:
        return items[bisect(cumulative, self.random() * cumulative[-1])]


def cumulative(weights: Sequence[float]) -> tuple[float, ...]:
    """Cumulative weights for Dice.pick_weighted."""
    return tuple(accumulate(weights))


def scramble32(n: int, salt: int) -> int:
    """A bijection on 32-bit integers (salted murmur3 finalizer): sequence numbers in,
    unique random-looking ids out."""
    x = (n + salt) & 0xFFFFFFFF
    x = ((x ^ (x >> 16)) * 0x85EBCA6B) & 0xFFFFFFFF
    x = ((x ^ (x >> 13)) * 0xC2B2AE35) & 0xFFFFFFFF
    return x ^ (x >> 16)


def scramble64(values: np.ndarray, salt: int) -> np.ndarray:
    """The same idea on 64-bit integers (salted splitmix64 finalizer), vectorized."""
    x = values.astype(np.uint64) + np.uint64(salt & 0xFFFFFFFFFFFFFFFF)
    x = (x ^ (x >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    x = (x ^ (x >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    return x ^ (x >> np.uint64(31))
