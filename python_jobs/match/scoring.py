"""Fuzzy name scores within blocks, with rapidfuzz.

The score of two match keys is max(ratio, token_sort_ratio) / 100, in [0, 1]:
- `fuzz.ratio` (normalized Indel similarity) is what typos move: one dropped or doubled letter
  in a 16-letter name costs ~0.03, a swapped pair ~0.06, so duplicates land above 0.90 while
  names that differ by a word ('Zenova Labs' vs 'Zenova Analytics') stay far below;
- `token_sort_ratio` is the same on the words sorted, so 'Smith John' still matches
  'John Smith'. It is computed as `ratio` on pre-sorted keys (same value, no sorting per pair).
Partial and weighted scorers (`partial_ratio`, `WRatio`) are left out on purpose: they score
'Acme' against 'Acme Robotics' near 1, which is a different company.

Blocks are scored with `process.cdist` (C++, `score_cutoff` prunes early, `workers` threads
for big blocks); tiny blocks with direct scorer calls, which skip cdist's per-call set-up.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz, process

from python_jobs.match.blocking import Block, Strings

SMALL_BLOCK_CELLS = 24  # up to this many comparisons: plain calls beat cdist's set-up
THREADED_BLOCK_CELLS = 250_000  # from this many, cdist's worker threads pay for themselves
QUERY_CHUNK = 2048  # rows per cdist call: bounds the score matrix to 2048 x block floats


@dataclass
class ScoredPairs:
    """Distinct string pairs (left uid < right uid) scoring at least the cutoff."""

    left: np.ndarray
    right: np.ndarray
    ratio: np.ndarray  # 0..1
    token: np.ndarray  # 0..1, token_sort_ratio
    score: np.ndarray  # max of the two
    comparisons: int  # string pairs scored (a pair scored in two blocks counts twice)


SCORE_DECIMALS = 4  # as stored: a cached score and a fresh one must decide alike


def pair_scores(left: str, right: str, left_sorted: str, right_sorted: str) -> tuple[float, float]:
    """(ratio, token_sort_ratio) in [0, 1] of two match keys and their token-sorted forms."""
    return (
        round(fuzz.ratio(left, right) / 100.0, SCORE_DECIMALS),
        round(fuzz.ratio(left_sorted, right_sorted) / 100.0, SCORE_DECIMALS),
    )


def _small_block(
    texts: Sequence[str], query: np.ndarray, members: np.ndarray, dirty: np.ndarray, cutoff: float
) -> tuple[list[int], list[int], int]:
    lefts, rights, compared = [], [], 0
    for q in query.tolist():
        text = texts[q]
        for m in members.tolist():
            if m == q or (m < q and dirty[m]):  # each dirty-dirty pair once
                continue
            compared += 1
            if fuzz.ratio(text, texts[m], score_cutoff=cutoff):
                lefts.append(q)
                rights.append(m)
    return lefts, rights, compared


def _dense_block(
    texts: np.ndarray,
    query: np.ndarray,
    members: np.ndarray,
    dirty: np.ndarray,
    cutoff: float,
    workers: int,
) -> tuple[list[np.ndarray], list[np.ndarray], int]:
    lefts, rights, compared = [], [], 0
    choices = texts[members]
    for start in range(0, query.size, QUERY_CHUNK):
        rows = query[start : start + QUERY_CHUNK]
        cells = rows.size * members.size
        compared += cells
        matrix = process.cdist(
            texts[rows],
            choices,
            scorer=fuzz.ratio,
            score_cutoff=cutoff,
            workers=workers if cells >= THREADED_BLOCK_CELLS else 1,
        )
        i, j = np.nonzero(matrix)
        left, right = rows[i], members[j]
        keep = (left != right) & ~((right < left) & dirty[right])
        lefts.append(left[keep])
        rights.append(right[keep])
    return lefts, rights, compared


def score_blocks(
    strings: Strings, blocks: Sequence[Block], cutoff: float, workers: int = -1
) -> ScoredPairs:
    """Every pair of strings sharing a block, at least one of them dirty, scoring >= cutoff."""
    cutoff_100 = cutoff * 100.0 - 1e-6  # float32 scores: keep a pair sitting right on the line
    raw = np.asarray(strings.texts, dtype=object)
    by_words = np.asarray(strings.sorted_texts, dtype=object)
    lefts: list[np.ndarray] = []
    rights: list[np.ndarray] = []
    comparisons = 0
    for block in blocks:
        members = block.members
        query = members[strings.dirty[members]]
        if query.size == 0:
            continue
        for wanted, texts in ((block.raw_form, raw), (block.sorted_form, by_words)):
            if not wanted:
                continue
            if query.size * members.size <= SMALL_BLOCK_CELLS:
                left, right, compared = _small_block(
                    texts, query, members, strings.dirty, cutoff_100
                )
                lefts.append(np.asarray(left, dtype=np.int64))
                rights.append(np.asarray(right, dtype=np.int64))
            else:
                left_parts, right_parts, compared = _dense_block(
                    texts, query, members, strings.dirty, cutoff_100, workers
                )
                lefts.extend(left_parts)
                rights.extend(right_parts)
            comparisons += compared
    return _distinct_scored(strings, lefts, rights, cutoff, comparisons)


def _distinct_scored(
    strings: Strings,
    lefts: list[np.ndarray],
    rights: list[np.ndarray],
    cutoff: float,
    comparisons: int,
) -> ScoredPairs:
    """Pairs found in several blocks once, ordered, with both component scores exact."""
    empty = np.zeros(0, dtype=np.int64)
    left = np.concatenate(lefts) if lefts else empty
    right = np.concatenate(rights) if rights else empty
    low, high = np.minimum(left, right), np.maximum(left, right)
    codes = np.unique(low * np.int64(max(len(strings.texts), 1)) + high)
    n = np.int64(max(len(strings.texts), 1))
    low, high = codes // n, codes % n
    ratios = np.empty(codes.size, dtype=np.float64)
    tokens = np.empty(codes.size, dtype=np.float64)
    texts, by_words = strings.texts, strings.sorted_texts
    for k, (a, b) in enumerate(zip(low.tolist(), high.tolist(), strict=True)):
        ratios[k], tokens[k] = pair_scores(texts[a], texts[b], by_words[a], by_words[b])
    scores = np.maximum(ratios, tokens)
    keep = scores >= cutoff - 1e-9
    return ScoredPairs(low[keep], high[keep], ratios[keep], tokens[keep], scores[keep], comparisons)
