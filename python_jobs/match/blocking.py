"""Match keys and blocking: which records are worth comparing at all.

Comparing every name with every other is quadratic (10^10 pairs for 100k x 100k). Blocking
gives each name a few cheap keys and compares only names that share one, so work grows about
linearly. The keys are chosen so that one typo (a dropped, doubled or swapped letter: what
real-world and generated duplicates mostly differ by) can break at most one of them:

- `p`: the first 5 letters (a typo in the tail leaves it alone),
- `s`: the first letter and the last 5 letters (a typo in the head leaves it alone; first
  letters are rarely mistyped),
- `t`: the first 5 letters of the token-sorted name (word order: 'Smith John'),
- `d`: for short names (<= 10 letters), where head and tail overlap, the name with each letter
  deleted in turn and the name itself: two names one typo apart always share one of these
  (the deletion neighbourhood, a q-gram key of q = length - 1).

A head, tail or word-order block with more than MAX_BLOCK names (every 'Global ...', every
'... Analytics') is split by keys 3 letters longer, again if needed, so no block grows with the
data; the split costs recall only for a typo inside the longer head of a short name.

People are only compared within their matched company (the spec's rule); a company with few
people is one block, a big one is split by the same name keys.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

PREFIX_LEN = 5  # letters in a head or tail key
MAX_BLOCK = 1000  # distinct names; a bigger head/tail block is split by longer keys
REFINE_STEP = 3  # letters added to a key per split
SHORT_NAME = 10  # names up to this many letters also get deletion-neighbourhood keys
SMALL_SCOPE = 400  # a company with at most this many distinct people names: one block

_APOSTROPHES = re.compile(r"['’`´]")
_NON_WORD = re.compile(r"[\W_]+")
_LETTER_MAP = str.maketrans({"ø": "o", "ł": "l", "đ": "d", "ı": "i", "æ": "ae", "œ": "oe"})


@lru_cache(maxsize=1 << 18)
def fold(text: str) -> str:
    """Case, accents and punctuation folded: 'Núñez-O'Brien' -> 'nunez obrien'. Letters of
    other scripts stay ('李伟'), only their combining marks go."""
    text = text.casefold()
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text.translate(_LETTER_MAP))
        text = "".join(char for char in text if not unicodedata.combining(char))
    if "&" in text:
        text = text.replace("&", " and ")
    text = _APOSTROPHES.sub("", text.replace(".", ""))
    return " ".join(_NON_WORD.sub(" ", text).split())


@lru_cache(maxsize=8)
def _suffix_index(legal_suffixes: frozenset[str]) -> tuple[frozenset[str], int]:
    """The last words of the suffixes (a cheap first test) and the longest suffix in words."""
    words = [suffix.split() for suffix in legal_suffixes if suffix]
    return frozenset(w[-1] for w in words), max((len(w) for w in words), default=0)


def company_key(name: str | None, legal_suffixes: frozenset[str]) -> str | None:
    """The comparable form of a company name: folded, trailing legal suffixes dropped again
    (dbt already strips them; this keeps 'Acme' and 'Acme Inc' equal whatever the input)."""
    if not name:
        return None
    tokens = fold(name).split()
    last_words, longest = _suffix_index(legal_suffixes)
    while len(tokens) > 1 and tokens[-1] in last_words:
        for width in range(min(longest, len(tokens) - 1), 0, -1):  # 'sa de cv' before 'cv'
            if " ".join(tokens[-width:]) in legal_suffixes:
                del tokens[-width:]
                break
        else:
            break
    return " ".join(tokens) or None


def person_key(name: str | None) -> str | None:
    if not name:
        return None
    return fold(name) or None


def token_sorted(key: str) -> str:
    return " ".join(sorted(key.split()))


def name_block_keys(key: str, sorted_key: str | None = None) -> list[str]:
    """The blocking keys of one match key (see the module docstring)."""
    letters = key.replace(" ", "")
    keys = [f"p0:{letters[:PREFIX_LEN]}", f"s0:{letters[:1]}{letters[-PREFIX_LEN:]}"]
    if " " in key:
        by_words = token_sorted(key) if sorted_key is None else sorted_key
        keys.append(f"t0:{by_words.replace(' ', '')[:PREFIX_LEN]}")
    if len(letters) <= SHORT_NAME:
        keys.append(f"d:{letters}")
        keys.extend(f"d:{letters[:i]}{letters[i + 1 :]}" for i in range(len(letters)))
    return list(dict.fromkeys(keys))  # a deletion key can repeat ('aab' less either 'a')


@dataclass
class Strings:
    """The distinct (scope, match key) values: identical names are compared once.

    uid u stands for the records `members(u)`; a record without a usable name has uid -1.
    """

    texts: list[str]
    sorted_texts: list[str]
    scopes: list[str]
    record_uid: np.ndarray
    dirty: np.ndarray
    counts: np.ndarray  # records per uid
    _order: np.ndarray = field(repr=False)  # record indices grouped by uid
    _start: np.ndarray = field(repr=False)  # where each uid's records start in _order

    def members(self, uid: int) -> list[int]:
        return self._order[self._start[uid] : self._start[uid + 1]].tolist()


def distinct_strings(
    keys: Sequence[str | None], scopes: Sequence[str | None], dirty_records: Iterable[int]
) -> Strings:
    """Group records by (scope, key); a string is dirty when one of its records is."""
    uid_of: dict[tuple[str, str], int] = {}
    record_uid = np.full(len(keys), -1, dtype=np.int64)
    uids = [-1] * len(keys)
    for record, scoped in enumerate(zip(scopes, keys, strict=True)):
        if scoped[0] is not None and scoped[1] is not None:
            uids[record] = uid_of.setdefault(scoped, len(uid_of))  # type: ignore[arg-type]
    record_uid[:] = uids
    distinct = list(uid_of)
    texts = [key for _, key in distinct]
    named = np.flatnonzero(record_uid >= 0)
    order = named[np.argsort(record_uid[named], kind="stable")]
    counts = np.bincount(record_uid[named], minlength=len(texts))
    start = np.zeros(len(texts) + 1, dtype=np.int64)
    np.cumsum(counts, out=start[1:])
    dirty = np.zeros(len(texts), dtype=bool)
    marked = record_uid[np.fromiter(dirty_records, dtype=np.int64)]
    dirty[marked[marked >= 0]] = True
    sorted_texts = [token_sorted(t) if " " in t else t for t in texts]
    return Strings(
        texts, sorted_texts, [scope for scope, _ in distinct], record_uid, dirty, counts,
        order, start,
    )  # fmt: skip


def block_keys_of(strings: Strings, uid: int, scope_sizes: dict[str, int]) -> list[str]:
    scope = strings.scopes[uid]
    if scope and scope_sizes.get(scope, 0) <= SMALL_SCOPE:
        return [f"{scope}\x1f*"]  # a small company: everyone against everyone
    keys = name_block_keys(strings.texts[uid], strings.sorted_texts[uid])
    return [f"{scope}\x1f{key}" for key in keys]


def scope_sizes_of(strings: Strings) -> dict[str, int]:
    sizes: dict[str, int] = defaultdict(int)
    for scope in strings.scopes:
        sizes[scope] += 1
    return sizes


def refined_key(kind: str, text: str, sorted_text: str, level: int) -> str:
    """A `p`, `s` or `t` key REFINE_STEP letters longer per level: a common head ('Global',
    'United') or tail ('Analytics') makes a huge block; the longer key splits it. One typo
    still breaks at most one of the head and tail keys of a name longer than twice the width."""
    width = PREFIX_LEN + REFINE_STEP * level
    if kind == "p":
        return f"p{level}:{text.replace(' ', '')[:width]}"
    if kind == "s":
        letters = text.replace(" ", "")
        return f"s{level}:{letters[:1]}{letters[-width:]}"
    return f"t{level}:{sorted_text.replace(' ', '')[:width]}"


def assign_blocks(strings: Strings) -> dict[str, list[int]]:
    """Every string's blocks (key -> uids), oversized head/tail blocks split by longer keys."""
    sizes = scope_sizes_of(strings)
    grouped: dict[str, list[int]] = defaultdict(list)
    for uid in range(len(strings.texts)):
        for key in block_keys_of(strings, uid, sizes):
            grouped[key].append(uid)
    oversized = [key for key, members in grouped.items() if _splittable(key, len(members))]
    while oversized:
        key = oversized.pop()
        members = grouped.pop(key)
        scope, _, name_key = key.partition("\x1f")
        kind, level = name_key[0], int(name_key[1 : name_key.index(":")]) + 1
        parts: dict[str, list[int]] = defaultdict(list)
        for uid in members:
            sub_key = refined_key(kind, strings.texts[uid], strings.sorted_texts[uid], level)
            parts[f"{scope}\x1f{sub_key}"].append(uid)
        longest = max(len(strings.texts[uid]) for uid in members)
        for sub_key, sub_members in parts.items():
            grouped[sub_key] = sub_members
            if PREFIX_LEN + REFINE_STEP * level < longest and _splittable(
                sub_key, len(sub_members)
            ):
                oversized.append(sub_key)
    return grouped


def _splittable(key: str, size: int) -> bool:
    return size > MAX_BLOCK and key.partition("\x1f")[2][:1] in ("p", "s", "t")


@dataclass(frozen=True)
class Block:
    """Strings that share a blocking key; `sorted_form` blocks compare token-sorted names."""

    members: np.ndarray  # uids, ascending
    raw_form: bool
    sorted_form: bool


def build_blocks(strings: Strings) -> list[Block]:
    """The blocks that hold at least one dirty string and two strings: only those have
    anything to compare. A `t` block compares token-sorted names (word order), the others
    the names as written; a small company's single block compares both."""
    blocks = []
    dirty = strings.dirty
    for key, members in assign_blocks(strings).items():
        if len(members) < 2:
            continue
        uids = np.asarray(members, dtype=np.int64)
        if not dirty[uids].any():
            continue
        kind = key.partition("\x1f")[2][:1]
        blocks.append(Block(uids, kind != "t", kind in ("t", "*")))
    return blocks


def blocking_recall(strings: Strings, true_pairs: Iterable[tuple[int, int]]) -> tuple[int, int]:
    """(pairs kept, pairs) over true same-entity record pairs whose match keys differ (pairs
    with equal keys are the same string and always compared): the share blocking keeps."""
    keys_of: dict[int, set[str]] = defaultdict(set)
    for key, members in assign_blocks(strings).items():
        if len(members) > 1:
            for uid in members:
                keys_of[uid].add(key)
    kept = total = 0
    for left, right in true_pairs:
        u, v = int(strings.record_uid[left]), int(strings.record_uid[right])
        if u < 0 or v < 0 or u == v or strings.scopes[u] != strings.scopes[v]:
            continue
        total += 1
        kept += not keys_of[u].isdisjoint(keys_of[v])
    return kept, total
