"""Benchmark: the blocked name matcher against brute force, at 100k x 100k companies and 1M people.

    python -m bench.matching.bench_matching            # from the repository root
    python bench/matching/bench_matching.py --quick    # small sizes, a smoke run

Data: company names from the generator's vocabularies (python_jobs/generate/names.py and
world.py's name forms: brand cores, sectors, prefixes, qualifiers), made unique by its Registry.
The index side holds one record per company, written as a CRM would (legal suffixes, casing);
the new side re-mentions a known share of them with the generator's variants (typos, suffixes,
casing) and adds companies of its own. People: generated first and last names within companies,
a second source re-mentioning most of them (typos, casing), matched within their company.

Timed, per case, end to end through the job's own code path (keys -> distinct names -> blocks
-> rapidfuzz scoring -> record pairs -> union-find resolution), without the database:
wall time, peak RSS (resource.getrusage), comparisons made against n^2, blocking recall (true
pairs with differing names that share a block), and the matcher's pairwise precision/recall.
Brute force: rapidfuzz.process.cdist(sample, index, scorer=fuzz.ratio, workers=-1,
score_cutoff=90) on a sample, extrapolated to the full cross product.
Results: a table on stdout and JSON in bench/out/matching.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import rapidfuzz
from rapidfuzz import fuzz, process

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # run as a path: make the project importable
    sys.path.insert(0, str(ROOT))

from python_jobs.generate import names  # noqa: E402
from python_jobs.generate.rand import STATIC, Dice, Stream, generator  # noqa: E402
from python_jobs.match.blocking import blocking_recall, company_key, person_key  # noqa: E402
from python_jobs.match.clustering import PriorAssignment  # noqa: E402
from python_jobs.match.records import (  # noqa: E402
    ExactEdges,
    RecordSet,
    Thresholds,
    legal_suffixes_from_seed_file,
)
from python_jobs.match.service import (  # noqa: E402
    SENSITIVITY_THRESHOLDS,
    find_fuzzy_pairs,
    prepare,
    resolver_of,
)

LEGAL_SUFFIXES = legal_suffixes_from_seed_file(
    ROOT / "seeds" / "normalization" / "legal_suffixes.csv"
)

COMPANY_THRESHOLD, PERSON_THRESHOLD, NEAR = 0.90, 0.88, 0.85


@dataclass
class Side:
    record_ids: list[str]
    names: list[str]
    truth: list[int]  # true entity number
    scopes: list[str]
    domains: list[str | None] = field(default_factory=list)

    def add(
        self, record_id: str, name: str, truth: int, scope: str, domain: str, has_domain: bool
    ) -> None:
        self.record_ids.append(record_id)
        self.names.append(name)
        self.truth.append(truth)
        self.scopes.append(scope)
        self.domains.append(domain if has_domain else None)


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


# --- data ----------------------------------------------------------------------------------------


def company_name(dice: Dice) -> str:
    """A company name from the generator's vocabularies, in a space wide enough for 200k
    distinct names (the generator's own forms saturate near 30k 'Core Sector' names, after
    which every name has a dozen one-letter neighbours: no real market looks like that)."""
    if dice.chance(0.3):
        core = dice.pick(names.CORE_WORDS)
    else:
        core = dice.pick(names.CORE_HEADS) + dice.pick(names.CORE_TAILS)
        if dice.chance(0.5):
            core += dice.pick(names.CORE_HEADS).lower()
    form = dice.random()
    if form < 0.35:
        return f"{core} {dice.pick(names.COMPANY_SECTORS)}"
    if form < 0.5:
        return core
    if form < 0.65:
        return f"{dice.pick(names.COMPANY_PREFIXES)} {core} {dice.pick(names.COMPANY_SECTORS)}"
    if form < 0.8:
        last = names.fold_ascii(dice.pick(names.LAST_NAMES))
        return f"{last} {dice.pick(names.COMPANY_SECTORS)}"
    return f"{core} {dice.pick(names.CORE_WORDS)} {dice.pick(names.COMPANY_SECTORS)}"


def company_sides(n: int, known_share: float, seed: int) -> tuple[Side, Side]:
    """n index companies (as a CRM holds them: 94% with a domain); n new records (a partner
    feed: 60% with a domain), known_share of them re-mentioning index companies."""
    dice = Dice(generator(seed, 0, STATIC, Stream.COMPANIES))
    n_new_only = n - int(n * known_share)
    taken: set[str] = set()
    true_names: list[str] = []
    while len(true_names) < n + n_new_only:
        name = company_name(dice)
        if name.casefold() not in taken:
            taken.add(name.casefold())
            true_names.append(name)
    domains = [f"{names.slug(name)}.com" for name in true_names]
    index = Side([], [], [], [])
    for number in range(n):
        name = true_names[number]
        written = names.company_name_variant(name, dice) if dice.chance(0.35) else name
        index.add(f"crm:{number}", written, number, "", domains[number], dice.chance(0.94))
    known = np.random.default_rng(seed).permutation(n)[: n - n_new_only]
    new = Side([], [], [], [])
    for k, number in enumerate(known.tolist()):
        # as the partner feed and CRM duplicates write names: suffixes, casing, 25% a typo
        written = names.company_name_variant(true_names[number], dice, typo_p=0.25)
        new.add(f"partner:{k}", written, number, "", domains[number], dice.chance(0.6))
    for number in range(n, n + n_new_only):
        written = names.company_name_variant(true_names[number], dice)
        new.add(f"partner:{number}", written, number, "", domains[number], dice.chance(0.6))
    return index, new


def people_sides(total: int, companies: int, seed: int) -> tuple[Side, Side]:
    """~total person records at `companies` companies: 85% of people have a CRM record, the
    vendor covers 80% of those (5% with a typo, 10% recased) and the 15% others."""
    dice = Dice(generator(seed, 0, STATIC, Stream.PEOPLE))
    rng = np.random.default_rng(seed)
    people = int(total / (0.85 + 0.85 * 0.8 + 0.15))
    company_of = rng.integers(0, companies, size=people)
    firsts = names.FEMALE_FIRST + names.MALE_FIRST
    index, new = Side([], [], [], []), Side([], [], [], [])
    for number in range(people):
        full = f"{dice.pick(firsts)} {dice.pick(names.LAST_NAMES)}"
        scope = str(int(company_of[number]))
        in_crm = dice.chance(0.85)
        if in_crm:
            index.add(f"crm:{number}", full, number, scope, "", False)
        if not in_crm or dice.chance(0.8):  # the vendor's record
            written = names.typo(full, dice) if dice.chance(0.05) else full
            written = names.recase(written, dice) if dice.chance(0.1) else written
            new.add(f"vendor:{number}", written, number, scope, "", False)
    return index, new


# --- the matcher ---------------------------------------------------------------------------------


def record_set(entity_type: str, index: Side, new: Side, keys: list[str | None]) -> RecordSet:
    ids = index.record_ids + new.record_ids
    return RecordSet(
        entity_type=entity_type,
        record_ids=ids,
        sources=[rid.partition(":")[0] for rid in ids],
        names=index.names + new.names,
        keys=[{"domain": d} if d else {} for d in index.domains + new.domains],
        founding_order=[(1, "", rid) for rid in ids],
        fingerprints=["x"] * len(ids),
    )


def exact_edges(domains: list[str | None]) -> ExactEdges:
    """Star edges to each domain's first record, as int_company_exact_matches gives them."""
    anchors: dict[str, int] = {}
    edges = ExactEdges([], [], [], [])
    for record, domain in enumerate(domains):
        if domain:
            anchor = anchors.setdefault(domain, record)
            if anchor != record:
                edges.left.append(record)
                edges.right.append(anchor)
                edges.methods.append("exact_domain")
                edges.values.append(domain)
    return edges


def run_blocked(
    entity_type: str,
    index: Side,
    new: Side,
    key_of: Callable[[str], str | None],
    threshold: float,
    incremental: bool,
) -> dict:
    """The job's path on in-memory records; incremental: the index is already matched (clean),
    the new side is compared against everything."""
    started, started_cpu = time.perf_counter(), time.process_time()
    keys = [key_of(name) for name in index.names + new.names]
    records = record_set(entity_type, index, new, keys)
    scopes: list[str | None] = list(index.scopes + new.scopes)
    prior = PriorAssignment("x", "mr_0")
    previous = (
        {rid: (prior, "x") for rid in index.record_ids}  # clean: same fingerprint as before
        if incremental
        else {}
    )
    outcome = prepare(
        records, keys, scopes, scopes, previous, Thresholds(threshold, NEAR), rescore=False
    )
    outcome.exact = exact_edges(index.domains + new.domains)
    pairs, comparisons = find_fuzzy_pairs(outcome, {}, NEAR)
    outcome.pairs = sorted(pairs)
    outcome.scores = [pairs[pair] for pair in outcome.pairs]
    resolver = resolver_of(outcome)
    resolution = resolver.resolve(threshold)
    sensitivity = [resolver.resolve(t, explain=False) for t in SENSITIVITY_THRESHOLDS]
    wall, cpu = time.perf_counter() - started, time.process_time() - started_cpu

    truth = index.truth + new.truth
    true_groups: dict[int, list[int]] = defaultdict(list)
    for record, true_id in enumerate(truth):
        true_groups[true_id].append(record)
    true_pairs = [
        (a, b)
        for group in true_groups.values()
        for i, a in enumerate(group)
        for b in group[i + 1 :]
    ]
    kept, differing = blocking_recall(outcome.strings(), true_pairs)
    labels = resolution.labels
    predicted = defaultdict(int)
    both = defaultdict(int)
    for record, label in enumerate(labels):
        predicted[label] += 1
        both[(label, truth[record])] += 1
    predicted_pairs = sum(c * (c - 1) // 2 for c in predicted.values())
    true_positive = sum(c * (c - 1) // 2 for c in both.values())
    n_index, n_new = len(index.names), len(new.names)
    return {
        "mode": "incremental (new vs index)" if incremental else "full (all vs all)",
        "records": n_index + n_new,
        "dirty_records": outcome.changed,
        "distinct_names": len(outcome.strings().texts),
        "wall_s": round(wall, 2),
        "cpu_s": round(cpu, 2),  # all threads: on a shared machine, wall depends on neighbours
        "peak_rss_mib": round(peak_rss_mib(), 1),
        "comparisons": comparisons,
        "cross_product": n_index * n_new,
        "comparisons_vs_cross_product": comparisons / (n_index * n_new),
        "blocking_recall": kept / differing if differing else None,
        "blocking_true_pairs_differing": differing,
        "fuzzy_pairs_found": len(pairs),
        "fuzzy_pairs_accepted": resolution.accepted,
        "fallout_rows": resolution.fallout_rows,
        "accepted_by_threshold": {
            t: r.accepted for t, r in zip(SENSITIVITY_THRESHOLDS, sensitivity, strict=True)
        },
        "precision": true_positive / predicted_pairs if predicted_pairs else None,
        "recall": true_positive / len(true_pairs) if true_pairs else None,
        "true_pairs": len(true_pairs),
    }


def run_brute_force(index: Side, new: Side, sample: int, seed: int) -> dict:
    """cdist of a sample of new names against the whole index, as the job's keys."""
    rng = np.random.default_rng(seed)
    index_keys = [company_key(name, LEGAL_SUFFIXES) or "" for name in index.names]
    picks = rng.choice(len(new.names), size=min(sample, len(new.names)), replace=False)
    sample_keys = [company_key(new.names[i], LEGAL_SUFFIXES) or "" for i in picks]
    started = time.perf_counter()
    process.cdist(
        sample_keys, index_keys, scorer=fuzz.ratio, workers=-1, score_cutoff=COMPANY_THRESHOLD * 100
    )
    wall = time.perf_counter() - started
    pairs = len(sample_keys) * len(index_keys)
    full_pairs = len(new.names) * len(index.names)
    return {
        "sample_pairs": pairs,
        "sample_wall_s": round(wall, 3),
        "pairs_per_second": round(pairs / wall),
        "full_cross_product": full_pairs,
        "extrapolated_wall_s": round(wall * full_pairs / pairs, 1),
    }


# --- report --------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--companies", type=int, default=100_000, help="index and new, each")
    parser.add_argument("--people", type=int, default=1_000_000, help="person records in all")
    parser.add_argument("--known-share", type=float, default=0.6, help="new that are known")
    parser.add_argument("--sample", type=int, default=1000, help="brute-force sample rows")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--full", action="store_true", help="also time all-vs-all companies")
    parser.add_argument("--quick", action="store_true", help="10k companies, 100k people")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "matching.json")
    args = parser.parse_args(argv)
    if args.quick:
        args.companies, args.people = 10_000, 100_000

    started = time.perf_counter()
    company_index, company_new = company_sides(args.companies, args.known_share, args.seed)
    person_index, person_new = people_sides(args.people, args.companies, args.seed)
    generated = time.perf_counter() - started
    rss_after_data = peak_rss_mib()
    print(f"generated in {generated:.1f}s (peak RSS {rss_after_data:.0f} MiB)", flush=True)

    company_key_of = lambda name: company_key(name, LEGAL_SUFFIXES)  # noqa: E731
    cases = {
        "companies": run_blocked(
            "company", company_index, company_new, company_key_of, COMPANY_THRESHOLD, True
        )
    }
    print("companies done", flush=True)
    if args.full:
        cases["companies_full"] = run_blocked(
            "company", company_index, company_new, company_key_of, COMPANY_THRESHOLD, False
        )
    cases["people"] = run_blocked(
        "person", person_index, person_new, person_key, PERSON_THRESHOLD, True
    )
    brute = run_brute_force(company_index, company_new, args.sample, args.seed)

    result = {
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "rapidfuzz": rapidfuzz.__version__,
            "load_average": os.getloadavg(),
        },
        "parameters": vars(args) | {"out": str(args.out)},
        "generation_s": round(generated, 1),
        "peak_rss_after_generation_mib": round(rss_after_data, 1),
        "blocked": cases,
        "brute_force_companies": brute,
        "target": {"companies_wall_s": 15, "blocking_recall": 0.99},
    }
    print_table(result)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n")
    print(f"wrote {args.out}")
    return 0


def print_table(result: dict) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(
        "case", "records", "wall s", "cpu s", "peak RSS MiB", "comparisons", "vs n x m",
        "blocking recall", "precision", "recall",
        title="blocked matcher (job code path, no database)", title_justify="left",
    )  # fmt: skip
    for name, case in result["blocked"].items():
        table.add_row(
            f"{name} ({case['mode']})",
            f"{case['records']:,}",
            f"{case['wall_s']:.2f}",
            f"{case['cpu_s']:.2f}",
            f"{case['peak_rss_mib']:.0f}",
            f"{case['comparisons']:,}",
            f"{case['comparisons_vs_cross_product']:.2e}",
            f"{case['blocking_recall']:.4f} of {case['blocking_true_pairs_differing']:,}",
            f"{case['precision']:.4f}",
            f"{case['recall']:.4f}",
        )
    console = Console(width=160)
    console.print(table)
    brute = result["brute_force_companies"]
    console.print(
        f"brute force cdist(fuzz.ratio, workers=-1): {brute['sample_pairs']:,} pairs in"
        f" {brute['sample_wall_s']}s ({brute['pairs_per_second']:,}/s) -> "
        f"{brute['full_cross_product']:.1e} pairs in ~{brute['extrapolated_wall_s']:,}s"
    )


if __name__ == "__main__":
    sys.exit(main())
