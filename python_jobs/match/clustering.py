"""From edges to entities: union-find over exact edges and the fuzzy edges that pass the rules.

Rules, in order (nothing is guessed):
1. Exact edges (same domain, email, LinkedIn URL) always join.
2. A fuzzy pair at or above the threshold whose two clusters carry different values of the same
   exact key (two domains; two work emails; two LinkedIn URLs) contradicts an exact match: it is
   not applied. A record it leaves outside any CRM-anchored entity goes to fallout with that
   reason (it is why the record stayed unresolved); two CRM-anchored look-alikes ('Astora Labs'
   and 'Astera Labs', each with its own domain) are both resolved, and the pair's decision in
   match_pairs is the record of it.
3. A record whose applicable fuzzy candidates lie in clusters that contradict each other
   (it looks like two different companies) is ambiguous: none of its fuzzy edges is applied and
   it goes to fallout. Candidates in clusters without conflicting keys are not ambiguous: they
   are one entity reached through a chain (A~B~C).
4. The remaining fuzzy edges join, strongest first; one that would now join two clusters with
   conflicting keys (through a chain) contradicts and is not applied.
5. An entity with no record from the primary source (the CRM) has no candidate to attach to:
   its other records go to fallout as no_candidate (the entity still exists, with its own id).
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

ACCEPTED = "accepted"
AMBIGUOUS = "ambiguous"
CONTRADICTS_EXACT = "contradicts_exact"
BELOW_THRESHOLD = "below_threshold"
NO_CANDIDATE = "no_candidate"
MAX_LISTED_CANDIDATES = 5

KeySets = dict[str, set[str]]


class UnionFind:
    """Disjoint sets over 0..n-1, with path halving and union by size."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))
        self.size = [1] * n

    def find(self, x: int) -> int:
        parent = self.parent
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(self, a: int, b: int) -> tuple[int, int]:
        """Join the sets of a and b; returns (surviving root, absorbed root)."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return ra, rb
        if self.size[ra] < self.size[rb]:
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.size[ra] += self.size[rb]
        return ra, rb

    def labels(self) -> list[int]:
        """Canonical label per element: the smallest element of its set (order-independent)."""
        smallest: dict[int, int] = {}
        roots = [self.find(x) for x in range(len(self.parent))]
        for x, root in enumerate(roots):
            smallest.setdefault(root, x)  # x ascends, so the first seen is the smallest
        return [smallest[root] for root in roots]


def conflicting(left: KeySets | None, right: KeySets | None) -> bool:
    """Two clusters carry different values of the same exact key."""
    if not left or not right:
        return False
    return any(kind in right and values.isdisjoint(right[kind]) for kind, values in left.items())


@dataclass(frozen=True)
class Fallout:
    reason: str
    candidates: tuple[int, ...]  # record indices, best first
    best_score: float | None


@dataclass
class Resolution:
    labels: list[int]  # per record: the smallest record index of its entity
    decisions: list[str]  # per fuzzy pair
    fallout: dict[int, Fallout]
    accepted: int  # fuzzy pairs accepted
    fallout_rows: int  # len(fallout), also when it was only counted


DECISION_NAMES = (BELOW_THRESHOLD, ACCEPTED, AMBIGUOUS, CONTRADICTS_EXACT)  # codes 0..3
_BELOW, _ACCEPTED, _AMBIGUOUS, _CONTRADICTS = range(4)
_NO_VALUE, _MANY_VALUES = -1, -2


def components(n: int, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """Connected components of 0..n-1 as labels (each component's smallest member), in numpy:
    hook every edge's larger root under its smaller one, then jump pointers, until stable."""
    labels = np.arange(n, dtype=np.int64)
    while left.size:
        a, b = labels[left], labels[right]
        differ = a != b
        if not differ.any():
            break
        a, b = a[differ], b[differ]
        np.minimum.at(labels, np.maximum(a, b), np.minimum(a, b))
        while True:
            jumped = labels[labels]
            if np.array_equal(jumped, labels):
                break
            labels = jumped
    return labels


class Resolver:
    """Edges to entities for any threshold. What does not depend on the threshold (exact
    components, their keys, which pairs contradict them) is worked out once, so the threshold
    sensitivity costs little more than one resolution."""

    def __init__(
        self,
        n: int,
        exact_left: Sequence[int],
        exact_right: Sequence[int],
        keys: Sequence[dict[str, str]],
        is_primary: Sequence[bool],
        pair_left: Sequence[int],
        pair_right: Sequence[int],
        pair_score: Sequence[float],
    ) -> None:
        self.n = n
        self.exact = components(
            n, np.asarray(exact_left, dtype=np.int64), np.asarray(exact_right, dtype=np.int64)
        )
        self.is_primary = np.asarray(is_primary, dtype=bool).reshape(n)
        self.left = np.asarray(pair_left, dtype=np.int64)
        self.right = np.asarray(pair_right, dtype=np.int64)
        self.score = np.asarray(pair_score, dtype=np.float64)
        self._component_keys(keys)
        self.left_root, self.right_root = self.exact[self.left], self.exact[self.right]
        self.has_keys = self._keyed(np.arange(n, dtype=np.int64))  # per exact component label
        self.same = self.left_root == self.right_root
        self.conflict = self.conflicts(self.left_root, self.right_root) & ~self.same

    # -- keys of exact components --

    def _component_keys(self, keys: Sequence[dict[str, str]]) -> None:
        """Per key kind: each component's value code, _NO_VALUE, or _MANY_VALUES (then the
        values are in self.many), so most conflict checks are array comparisons."""
        by_kind: dict[str, tuple[list[int], list[str]]] = defaultdict(lambda: ([], []))
        for record, record_keys in enumerate(keys):
            for kind, value in record_keys.items():
                by_kind[kind][0].append(record)
                by_kind[kind][1].append(value)
        self.values: dict[str, np.ndarray] = {}
        self.many: dict[str, dict[int, set[str]]] = {}
        self.texts: dict[str, list[str]] = {}
        for kind, (records, texts) in by_kind.items():
            codes = {text: code for code, text in enumerate(dict.fromkeys(texts))}
            labels = self.exact[np.asarray(records, dtype=np.int64)]
            coded = np.asarray([codes[text] for text in texts], dtype=np.int64)
            distinct = np.unique(labels * len(codes) + coded)
            label_of, code_of = distinct // len(codes), distinct % len(codes)
            counts = np.bincount(label_of, minlength=self.n)
            column = np.full(self.n, _NO_VALUE, dtype=np.int64)
            column[label_of] = code_of
            column[counts > 1] = _MANY_VALUES
            self.values[kind] = column
            many: dict[int, set[str]] = defaultdict(set)
            for record, text in zip(records, texts, strict=True):
                if column[self.exact[record]] == _MANY_VALUES:
                    many[int(self.exact[record])].add(text)
            self.many[kind] = dict(many)
            self.texts[kind] = list(codes)

    def key_sets(self, label: int) -> KeySets:
        sets: KeySets = {}
        for kind, column in self.values.items():
            value = int(column[label])
            if value >= 0:
                sets[kind] = {self.texts[kind][value]}
            elif value == _MANY_VALUES:
                sets[kind] = set(self.many[kind][label])
        return sets

    def conflicts(self, left: np.ndarray, right: np.ndarray) -> np.ndarray:
        """Per pair of exact components: do they carry different values of one key?"""
        result = np.zeros(left.shape, dtype=bool)
        unsure = np.zeros(left.shape, dtype=bool)
        for column in self.values.values():
            a, b = column[left], column[right]
            result |= (a >= 0) & (b >= 0) & (a != b)
            unsure |= ((a == _MANY_VALUES) & (b != _NO_VALUE)) | (
                (b == _MANY_VALUES) & (a != _NO_VALUE)
            )
        for k in np.flatnonzero(unsure & ~result).tolist():
            l_label, r_label = int(left[k]), int(right[k])
            result[k] = conflicting(self.key_sets(l_label), self.key_sets(r_label))
        return result

    def _keyed(self, labels: np.ndarray) -> np.ndarray:
        keyed = np.zeros(labels.shape, dtype=bool)
        for column in self.values.values():
            keyed |= column[labels] != _NO_VALUE
        return keyed

    # -- one threshold --

    def resolve(self, threshold: float, explain: bool = True) -> Resolution:
        decisions = np.full(self.score.size, _BELOW, dtype=np.int8)
        above = self.score >= threshold - 1e-9
        decisions[above & self.same] = _ACCEPTED  # already one entity by an exact key
        decisions[above & self.conflict] = _CONTRADICTS
        candidate = above & ~self.same & ~self.conflict
        ambiguous = self._ambiguous(candidate)
        on_ambiguous = candidate & (ambiguous[self.left] | ambiguous[self.right])
        decisions[on_ambiguous] = _AMBIGUOUS
        labels = self._join(np.flatnonzero(candidate & ~on_ambiguous), decisions)

        has_primary = np.zeros(self.n, dtype=bool)
        has_primary[labels[self.is_primary]] = True
        contradicting = np.zeros(self.n, dtype=bool)
        on_contradiction = decisions == _CONTRADICTS
        contradicting[self.left[on_contradiction]] = True
        contradicting[self.right[on_contradiction]] = True
        contradicting &= ~has_primary[labels] & ~ambiguous
        no_candidate = ~self.is_primary & ~has_primary[labels] & ~ambiguous & ~contradicting
        accepted = int(np.count_nonzero(decisions == _ACCEPTED))
        if not explain:
            count = int(ambiguous.sum() + contradicting.sum() + no_candidate.sum())
            return Resolution([], [], {}, accepted, count)
        fallout: dict[int, Fallout] = {}
        for reason, flagged, code in (
            (AMBIGUOUS, ambiguous, _AMBIGUOUS),
            (CONTRADICTS_EXACT, contradicting, _CONTRADICTS),
            (NO_CANDIDATE, no_candidate, _BELOW),
        ):
            fallout.update(self._fallout_entries(reason, flagged, decisions == code))
        names = [DECISION_NAMES[code] for code in decisions.tolist()]
        return Resolution(labels.tolist(), names, fallout, accepted, len(fallout))

    def _ambiguous(self, candidate: np.ndarray) -> np.ndarray:
        """Records whose candidate clusters carry conflicting exact keys: for a key kind, two
        different single values among them (arrays), or a many-valued cluster (sets)."""
        ambiguous = np.zeros(self.n, dtype=bool)
        records = np.concatenate([self.left[candidate], self.right[candidate]])
        partners = np.concatenate([self.right_root[candidate], self.left_root[candidate]])
        unsure: set[int] = set()
        for column in self.values.values():
            values = column[partners]
            single = values >= 0
            distinct = np.unique(
                records[single] * (int(values.max(initial=0)) + 1) + values[single]
            )
            owners = distinct // (int(values.max(initial=0)) + 1)
            ambiguous[owners[np.bincount(owners, minlength=self.n)[owners] >= 2]] = True
            unsure.update(records[values == _MANY_VALUES].tolist())
        unsure.difference_update(np.flatnonzero(ambiguous).tolist())
        if unsure:  # rare: a partner cluster with two values of one key
            grouped: dict[int, set[int]] = defaultdict(set)
            mine = np.isin(records, np.fromiter(unsure, dtype=np.int64))
            for record, partner in zip(
                records[mine].tolist(), partners[mine].tolist(), strict=True
            ):
                grouped[record].add(partner)
            for record, clusters in grouped.items():
                found = np.asarray(sorted(clusters), dtype=np.int64)
                left = np.repeat(found, found.size)
                right = np.tile(found, found.size)
                ambiguous[record] = bool(self.conflicts(left, right).any())
        return ambiguous

    def _join(self, remaining: np.ndarray, decisions: np.ndarray) -> np.ndarray:
        """Apply the remaining fuzzy edges; returns entity labels.

        Where the clusters the edges would join carry no two different values of a key, every
        edge is accepted and the entities are plain connected components (numpy). Only groups
        that would hold conflicting keys (through a chain) are joined edge by edge, strongest
        first (ties: record order), and an edge that would join conflicting clusters
        contradicts."""
        decisions[remaining] = _ACCEPTED
        joined = components(self.n, self.left_root[remaining], self.right_root[remaining])
        troubled = np.zeros(self.n, dtype=bool)  # by joined label
        for column in self.values.values():
            keyed = np.flatnonzero(column != _NO_VALUE)  # exact component labels
            groups, values = joined[keyed], column[keyed]
            troubled[groups[values == _MANY_VALUES]] = True
            single = values >= 0
            base = int(values.max(initial=0)) + 1
            owners = np.unique(groups[single] * base + values[single]) // base
            troubled[owners[np.bincount(owners, minlength=self.n)[owners] >= 2]] = True
        if not troubled.any():
            return joined[self.exact]
        hard = remaining[troubled[joined[self.left_root[remaining]]]]
        order = hard[np.lexsort((self.right[hard], self.left[hard], -self.score[hard]))]
        uf = UnionFind(self.n)
        uf.parent = self.exact.tolist()
        uf.size = np.bincount(self.exact, minlength=self.n).tolist()
        cluster_keys: dict[int, KeySets | None] = {}

        def keys_of(root: int) -> KeySets | None:
            if root not in cluster_keys:
                cluster_keys[root] = self.key_sets(root) if self.has_keys[root] else None
            return cluster_keys[root]

        left, right = self.left.tolist(), self.right.tolist()
        for k in order.tolist():
            ra, rb = uf.find(left[k]), uf.find(right[k])
            if ra == rb:
                continue
            keys_a, keys_b = keys_of(ra), keys_of(rb)
            if keys_a and keys_b and conflicting(keys_a, keys_b):
                decisions[k] = _CONTRADICTS
                continue
            root, absorbed = uf.union(ra, rb)
            merged: KeySets = {}
            for found in (keys_a, keys_b):
                for kind, values in (found or {}).items():
                    merged.setdefault(kind, set()).update(values)
            cluster_keys[root] = merged or None
            cluster_keys.pop(absorbed, None)
        labels = joined[self.exact]
        inside = np.flatnonzero(troubled[labels])  # records of the groups joined edge by edge
        roots = np.asarray([uf.find(x) for x in inside.tolist()], dtype=np.int64)
        smallest = np.full(self.n, self.n, dtype=np.int64)
        np.minimum.at(smallest, roots, inside)
        labels[inside] = smallest[roots]
        return labels

    def _fallout_entries(
        self, reason: str, flagged: np.ndarray, on_pairs: np.ndarray
    ) -> dict[int, Fallout]:
        """Fallout rows for the flagged records, each with its partners in `on_pairs`."""
        partners: dict[int, list[tuple[float, int]]] = {
            record: [] for record in np.flatnonzero(flagged).tolist()
        }
        if partners:
            for mine, theirs in ((self.left, self.right), (self.right, self.left)):
                hit = on_pairs & flagged[mine]
                for record, partner, score in zip(
                    mine[hit].tolist(), theirs[hit].tolist(), self.score[hit].tolist(), strict=True
                ):
                    partners[record].append((score, partner))
        return {record: _entry(reason, found) for record, found in partners.items()}


def resolve(
    n: int,
    exact_left: Sequence[int],
    exact_right: Sequence[int],
    keys: Sequence[dict[str, str]],
    is_primary: Sequence[bool],
    pair_left: Sequence[int],
    pair_right: Sequence[int],
    pair_score: Sequence[float],
    threshold: float,
) -> Resolution:
    resolver = Resolver(
        n, exact_left, exact_right, keys, is_primary, pair_left, pair_right, pair_score
    )
    return resolver.resolve(threshold)


def _entry(reason: str, partners: list[tuple[float, int]]) -> Fallout:
    ranked = sorted(partners, key=lambda item: (-item[0], item[1]))
    listed = tuple(dict.fromkeys(partner for _, partner in ranked))[:MAX_LISTED_CANDIDATES]
    return Fallout(reason, listed, ranked[0][0] if ranked else None)


# --- stable golden ids ---------------------------------------------------------------------------


@dataclass(frozen=True)
class PriorAssignment:
    entity_id: str
    first_assigned_run_id: str


@dataclass
class IdAssignment:
    entity_ids: list[str]  # per record
    first_assigned_run_ids: list[str]  # per record
    aliases: list[tuple[str, str]]  # (retired id, surviving id): merges made by this run


def new_entity_id(prefix: str, namespace: str, founder_record_id: str, taken: set[str]) -> str:
    """'co_' + 12 hex of a hash of the founding record: readable, and the same data gives the
    same ids in any database. A clash (a retired id, a split) moves to the next salt."""
    salt = 0
    while True:
        text = f"{namespace}|{founder_record_id}" + (f"|{salt}" if salt else "")
        candidate = prefix + hashlib.sha1(text.encode()).hexdigest()[:12]
        if candidate not in taken:
            taken.add(candidate)
            return candidate
        salt += 1


def assign_entity_ids(
    labels: Sequence[int],
    record_ids: Sequence[str],
    founding_order: Sequence[tuple],
    previous: dict[str, PriorAssignment],
    taken: set[str],
    prefix: str,
    namespace: str,
    run_id: str,
) -> IdAssignment:
    """Golden ids that survive runs.

    - A record keeps its entity's id; a new record joins its entity's id or founds a new one.
    - An old id goes to the new entity holding most of its records (ties: the entity with the
      smallest record id), so a split keeps the id on the larger part.
    - An entity that receives several old ids (a merge) keeps the oldest (first assigned
      earliest; ties by id) and retires the others as aliases.
    - An entity that receives none gets a fresh id from its founding record (most trusted
      source, then first loaded, then record id), never one in `taken` (ids ever used).
    """
    components: dict[int, list[int]] = defaultdict(list)
    for record, label in enumerate(labels):
        components[label].append(record)

    # where each old id's records went, and how old each old id is
    holders: dict[str, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    born: dict[str, str] = {}
    for label, members in components.items():
        for record in members:
            prior = previous.get(record_ids[record])
            if prior is not None:
                holders[prior.entity_id][label] += 1
                first = born.get(prior.entity_id)
                if first is None or prior.first_assigned_run_id < first:
                    born[prior.entity_id] = prior.first_assigned_run_id
    won: dict[int, list[str]] = defaultdict(list)
    for entity_id, counts in holders.items():
        # labels are smallest record indices: the tie-break is the smallest record id
        winner = min(counts, key=lambda label: (-counts[label], label))
        won[winner].append(entity_id)

    entity_of_label: dict[int, str] = {}
    aliases: list[tuple[str, str]] = []
    for label in sorted(components):
        ids = sorted(won.get(label, ()), key=lambda entity_id: (born[entity_id], entity_id))
        if ids:
            entity_of_label[label] = ids[0]
            aliases.extend((retired, ids[0]) for retired in ids[1:])
        else:
            founder = min(components[label], key=lambda record: founding_order[record])
            entity_of_label[label] = new_entity_id(prefix, namespace, record_ids[founder], taken)

    entity_ids = [entity_of_label[label] for label in labels]
    first_runs = []
    for record_id in record_ids:
        prior = previous.get(record_id)
        first_runs.append(prior.first_assigned_run_id if prior is not None else run_id)
    return IdAssignment(entity_ids, first_runs, aliases)
