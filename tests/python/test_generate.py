"""Tests of the synthetic data generator (python_jobs/generate).

The hard properties: the file contract, determinism (same params, same bytes; no global random
state), month-prefix stability, chunk independence of names, and an answer key that covers
every source record. Then the realism the warehouse relies on: duplicates, replays, invalid
rows, funnel rates, movements, deal pairs and the spec's reference sample.
"""

from __future__ import annotations

import csv
import json
import os
import random
import re
import subprocess
import sys
from collections import Counter, defaultdict
from datetime import date, datetime
from pathlib import Path

import numpy as np
import pytest
import typer
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from python_jobs.generate import names
from python_jobs.generate.cli import generate_command
from python_jobs.generate.clock import add_months
from python_jobs.generate.events import EVENT_TYPES
from python_jobs.generate.rand import Dice, scramble32
from python_jobs.generate.rows import RAW_ROW_TYPES, TRUTH_ROW_TYPES
from python_jobs.generate.service import CHUNK_SIZE, GenerateParams, generate
from python_jobs.generate.world import Registries, Salts, build_chunk
from python_jobs.load.raw_tables import GROUND_TRUTH_TABLES, RAW_FEEDS

PROJECT_ROOT = Path(__file__).resolve().parents[2]
ISO_UTC = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")
SMALL = GenerateParams(companies=1000, seed=7, months=3)


def read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


def hashes(manifest: dict) -> dict[str, str]:
    return {path: entry["sha256"] for path, entry in manifest["files"].items()}


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    out = tmp_path_factory.mktemp("small")
    return out, generate(SMALL, out)


@pytest.fixture(scope="module")
def small_four_months(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    out = tmp_path_factory.mktemp("four")
    params = GenerateParams(SMALL.companies, SMALL.seed, SMALL.months + 1, SMALL.start_month)
    return out, generate(params, out)


# --- contract and layout ------------------------------------------------------------------------


def test_row_types_follow_the_file_contract() -> None:
    assert {kind: t._fields for kind, t in RAW_ROW_TYPES.items()} == {
        kind: feed.columns for kind, feed in RAW_FEEDS.items()
    }
    assert {table: t._fields for table, t in TRUTH_ROW_TYPES.items()} == GROUND_TRUTH_TABLES


def test_layout_headers_and_manifest(small: tuple[Path, dict]) -> None:
    out, manifest = small
    monthly = ("vendor_people_snapshots", "engagement_events")
    month_files = [
        f"raw/{kind}/{add_months(SMALL.start_month, m)}.csv" for kind in monthly for m in range(3)
    ]
    expected = {f"raw/{kind}.csv" for kind in RAW_FEEDS if kind not in monthly}
    expected |= set(month_files) | {f"ground_truth/{table}.csv" for table in GROUND_TRUTH_TABLES}
    assert set(manifest["files"]) == expected
    assert manifest["params"] == {
        "companies": 1000,
        "seed": 7,
        "months": 3,
        "start_month": "2025-11-01",
    }
    for relative, entry in manifest["files"].items():
        raw = (out / relative).read_bytes()
        assert b"\r\n" not in raw
        header = raw.split(b"\n", 1)[0].decode("utf-8").split(",")
        kind = entry["kind"].removeprefix("ground_truth.")
        assert tuple(header) == (
            RAW_FEEDS[kind].columns if kind in RAW_FEEDS else GROUND_TRUTH_TABLES[kind]
        )
        assert len(read_rows(out / relative)) == entry["rows"] > 0


# --- determinism --------------------------------------------------------------------------------


def test_same_params_give_the_same_bytes_whatever_the_global_random_state(
    small: tuple[Path, dict], tmp_path: Path
) -> None:
    random.seed(1)
    np.random.seed(1)  # noqa: NPY002 - the generator must not read global state
    again = generate(SMALL, tmp_path)
    assert hashes(again) == hashes(small[1])


def test_another_process_with_another_hash_seed_writes_the_same_bytes(
    small: tuple[Path, dict], tmp_path: Path
) -> None:
    script = (
        "import sys; from pathlib import Path;"
        "from python_jobs.generate.service import GenerateParams, generate;"
        f"params = GenerateParams({SMALL.companies}, {SMALL.seed}, {SMALL.months});"
        "generate(params, Path(sys.argv[1]))"
    )
    env = {**os.environ, "PYTHONHASHSEED": "12345", "PYTHONPATH": str(PROJECT_ROOT)}
    subprocess.run([sys.executable, "-c", script, str(tmp_path)], check=True, env=env)
    manifest = json.loads((tmp_path / "manifest.json").read_text(encoding="utf-8"))
    assert hashes(manifest) == hashes(small[1])


def test_a_different_seed_gives_different_data(small: tuple[Path, dict], tmp_path: Path) -> None:
    other = generate(GenerateParams(SMALL.companies, SMALL.seed + 1, SMALL.months), tmp_path)
    assert all(hashes(other)[path] != sha for path, sha in hashes(small[1]).items())


def test_adding_a_month_keeps_earlier_months(
    small: tuple[Path, dict], small_four_months: tuple[Path, dict]
) -> None:
    (_, manifest3), (out4, manifest4) = small, small_four_months
    four = hashes(manifest4)
    for path, sha in hashes(manifest3).items():
        if path.startswith("raw/"):
            assert four[path] == sha, path  # every monthly file of months 1-3, the static feeds
    fourth_month = add_months(SMALL.start_month, 3).isoformat()
    added = set(four) - set(hashes(manifest3))
    assert {
        f"raw/engagement_events/{fourth_month}.csv",
        f"raw/vendor_people_snapshots/{fourth_month}.csv",
    } <= added
    new_events = read_rows(out4 / f"raw/engagement_events/{fourth_month}.csv")
    assert new_events
    assert all(
        row["occurred_at"].startswith(fourth_month[:7]) or not ISO_UTC.match(row["occurred_at"])
        for row in new_events
    )


def test_names_and_domains_stay_unique_across_chunks() -> None:
    registries, salts = Registries.new(), Salts.from_seed(3)
    worlds = [
        build_chunk(3, chunk, chunk * CHUNK_SIZE, CHUNK_SIZE, registries, salts)
        for chunk in range(2)
    ]
    companies = [c for world in worlds for c in world.companies]
    assert len({c.name.casefold() for c in companies}) == len(companies) == 2 * CHUNK_SIZE
    assert len({c.domain for c in companies}) == len(companies)
    people = [p for world in worlds for p in world.people]
    assert len({p.email for p in people}) == len({p.true_id for p in people}) == len(people)
    assert len({p.personal_email for p in people}) == len(people)


def test_several_chunks_generate(tmp_path: Path) -> None:
    manifest = generate(GenerateParams(companies=CHUNK_SIZE + 30, seed=5, months=1), tmp_path)
    truth = read_rows(tmp_path / "ground_truth/company_identities.csv")
    assert len({r["true_company_id"] for r in truth if r["source"] == "crm"}) == CHUNK_SIZE + 30
    assert manifest["files"]["raw/crm_people.csv"]["rows"] > 10 * CHUNK_SIZE


def test_the_event_rate_packs_more_events_onto_the_same_people(
    small: tuple[Path, dict], tmp_path: Path
) -> None:
    _, usual = small
    manifest = generate(
        GenerateParams(SMALL.companies, SMALL.seed, SMALL.months, event_rate=2.5), tmp_path
    )

    def event_rows(files: dict) -> int:
        return sum(entry["rows"] for path, entry in files.items() if "engagement_events" in path)

    assert 2.3 < event_rows(manifest["files"]) / event_rows(usual["files"]) < 2.7
    others = {path for path in usual["files"] if "engagement_events" not in path}
    assert {p: hashes(manifest)[p] for p in others} == {p: hashes(usual)[p] for p in others}
    with pytest.raises(ValueError, match="event_rate"):
        GenerateParams(companies=10, event_rate=0)


def test_a_rerun_with_fewer_months_leaves_no_stale_monthly_file(tmp_path: Path) -> None:
    generate(GenerateParams(companies=20, months=3), tmp_path)
    manifest = generate(GenerateParams(companies=20, months=2), tmp_path)
    for kind in ("vendor_people_snapshots", "engagement_events"):
        on_disk = {
            path.relative_to(tmp_path).as_posix() for path in (tmp_path / "raw" / kind).iterdir()
        }
        assert on_disk == {p for p in manifest["files"] if kind in p}
        assert len(on_disk) == 2


# --- answer key ---------------------------------------------------------------------------------


def test_every_source_record_is_in_the_answer_key(small: tuple[Path, dict]) -> None:
    out, _ = small
    people = defaultdict(set)
    for row in read_rows(out / "ground_truth/person_identities.csv"):
        people[row["source"]].add(row["source_record_id"])
    companies = defaultdict(set)
    for row in read_rows(out / "ground_truth/company_identities.csv"):
        companies[row["source"]].add(row["source_record_id"])
    crm_people = read_rows(out / "raw/crm_people.csv")
    assert {r["crm_person_id"] for r in crm_people} == people["crm"]
    backfill = read_rows(out / "raw/backfill_people.csv")
    assert {r["legacy_person_id"] for r in backfill} == people["backfill"]
    assert {r["legacy_company_id"] for r in backfill} == companies["backfill"]
    assert {r["crm_company_id"] for r in read_rows(out / "raw/crm_companies.csv")} == companies[
        "crm"
    ]
    partner = read_rows(out / "raw/partner_opportunities.csv")
    assert {r["partner_opportunity_id"] for r in partner} == companies["partner"]
    vendor = [
        r for p in sorted((out / "raw/vendor_people_snapshots").iterdir()) for r in read_rows(p)
    ]
    assert {r["vendor_person_id"] for r in vendor} == people["vendor"]
    assert {r["company_name"] for r in vendor} == companies["vendor"]


def test_duplicates_share_a_true_id(small: tuple[Path, dict]) -> None:
    out, _ = small
    truth = read_rows(out / "ground_truth/person_identities.csv")
    crm_records = Counter(r["true_person_id"] for r in truth if r["source"] == "crm")
    contacts = len(crm_records)
    assert 0.01 < sum(n > 1 for n in crm_records.values()) / contacts < 0.03
    companies = Counter(
        r["true_company_id"]
        for r in read_rows(out / "ground_truth/company_identities.csv")
        if r["source"] == "crm"
    )
    assert 0.01 < sum(n > 1 for n in companies.values()) / len(companies) < 0.035


# --- realism ------------------------------------------------------------------------------------


def test_events_have_replays_invalid_rows_and_realistic_rates(small: tuple[Path, dict]) -> None:
    out, _ = small
    events = [r for p in sorted((out / "raw/engagement_events").iterdir()) for r in read_rows(p)]
    contacts = len(read_rows(out / "raw/crm_people.csv"))
    assert 0.6 < len(events) / contacts / SMALL.months < 1.1  # ~10 per contact per year
    by_id = defaultdict(set)
    for row in events:
        by_id[row["event_id"]].add(tuple(row.values()))
    assert all(len(versions) == 1 for versions in by_id.values())  # replays are exact
    assert 0.003 < (len(events) - len(by_id)) / len(events) < 0.008
    types = Counter(r["event_type"] for r in events)
    sent = types["email_sent"]
    assert 0.3 < types["email_open"] / sent < 0.4
    assert 0.1 < types["email_click"] / types["email_open"] < 0.2
    assert 0.02 < types["email_reply"] / sent < 0.04
    assert types["email_reply"] > types["meeting_booked"] > types["meeting_held"] > 0
    unknown = set(types) - set(EVENT_TYPES)
    assert unknown and sum(types[t] for t in unknown) < 0.01 * len(events)
    first, end = SMALL.start_month, add_months(SMALL.start_month, SMALL.months)
    stamps = [r["occurred_at"] for r in events if ISO_UTC.match(r["occurred_at"])]
    assert 0.99 * len(events) < len(stamps) < len(events)
    assert all(first.isoformat() <= s[:10] < end.isoformat() for s in stamps)
    assert any(not r["crm_person_id"] and r["person_email"] for r in events)  # web forms
    assert {r["reply_sentiment"] for r in events if r["event_type"] == "email_reply"} == {
        "positive",
        "neutral",
        "negative",
    }
    assert {r["reply_sentiment"] for r in events if r["event_type"] in EVENT_TYPES[:3]} == {""}


def test_vendor_covers_most_crm_people_and_movements_are_consistent(
    small: tuple[Path, dict],
) -> None:
    out, _ = small
    truth = read_rows(out / "ground_truth/person_identities.csv")
    crm_people = {r["true_person_id"] for r in truth if r["source"] == "crm"}
    vendor_people = {r["true_person_id"] for r in truth if r["source"] == "vendor"}
    assert 0.75 < len(crm_people & vendor_people) / len(crm_people) < 0.85
    assert len(vendor_people - crm_people) > 0.1 * len(crm_people)
    movements = read_rows(out / "ground_truth/movements.csv")
    later_snapshots = {add_months(SMALL.start_month, m).isoformat() for m in range(1, SMALL.months)}
    assert {m["snapshot_date"] for m in movements} == later_snapshots
    assert {m["movement_type"] for m in movements} == {"hire", "exit", "promotion", "transfer"}
    per_month = Counter((m["true_person_id"], m["snapshot_date"]) for m in movements)
    pairs = {k for k, n in per_month.items() if n == 2}
    assert max(per_month.values()) <= 2  # one change a month; a move is an exit plus a hire
    for m in movements:
        if (m["true_person_id"], m["snapshot_date"]) in pairs:
            assert m["movement_type"] in {"exit", "hire"} and m["to_true_company_id"]
        elif m["movement_type"] in {"promotion", "transfer"}:
            assert m["from_true_company_id"] == m["to_true_company_id"]
            assert m["from_title"] != m["to_title"]


def test_partner_deals_mirror_crm_deals_within_tolerance(small: tuple[Path, dict]) -> None:
    out, _ = small
    crm = {r["crm_opportunity_id"]: r for r in read_rows(out / "raw/crm_opportunities.csv")}
    partner = {
        r["partner_opportunity_id"]: r for r in read_rows(out / "raw/partner_opportunities.csv")
    }
    pairs = read_rows(out / "ground_truth/opportunity_pairs.csv")
    assert 0.2 < len(pairs) / len(crm) < 0.4
    assert 0.1 < (len(partner) - len(pairs)) / len(crm) < 0.3
    checked = 0
    for pair in pairs:
        ours, theirs = crm[pair["crm_opportunity_id"]], partner[pair["partner_opportunity_id"]]
        try:
            ratio = float(theirs["amount"]) / float(ours["amount"])
            shift = date.fromisoformat(theirs["expected_close_date"]) - date.fromisoformat(
                ours["close_date"]
            )
        except ValueError:
            continue  # one side is an invalid row
        if ratio <= 0:
            continue  # a negative amount: an invalid row
        checked += 1
        assert 0.95 <= ratio <= 1.05 and abs(shift.days) <= 21
    assert checked > 0.9 * len(pairs)


def test_backfill_size_and_reference_sample(small: tuple[Path, dict]) -> None:
    out, _ = small
    backfill = read_rows(out / "raw/backfill_people.csv")
    assert 600 <= len({r["legacy_company_id"] for r in backfill}) <= 700
    assert 1100 <= len({r["legacy_person_id"] for r in backfill}) <= 1400
    baselines: Counter[str] = Counter()
    reference = {tuple(r.values()): r for r in backfill if r["legacy_company_id"] <= "LC-00005"}
    for row in reference.values():  # exact replays deduplicated, as staging will
        opens, replies, meetings = (int(row[c]) for c in ("opens", "replies", "meetings"))
        baselines[row["company_name"]] += opens * 5 + replies * 30 + meetings * 50
    assert baselines == {
        "ACME CORPORATION, INC.": 240,
        "TECHCORP INC": 130,
        "Global Industries": 55,
        "INNOVATE SOLUTIONS LTD": 350,
        "Datatech": 50,
    }
    john = backfill[0]
    assert (john["full_name"], john["email"], john["replies"]) == (
        "Mr. JOHN SMITH, Jr.",
        "John.Smith@acme.com; jsmith@gmail.com",
        "3",
    )
    promotion = read_rows(out / "ground_truth/movements.csv")[0]
    assert (promotion["movement_type"], promotion["from_title"], promotion["to_title"]) == (
        "promotion",
        "Sales Manager",
        "VP Sales",
    )
    assert promotion["snapshot_date"] == add_months(SMALL.start_month, 1).isoformat()


def test_crm_timestamps_are_iso_8601_with_a_few_offsets(small: tuple[Path, dict]) -> None:
    out, _ = small
    stamps = [r["created_at"] for r in read_rows(out / "raw/crm_people.csv")]
    parsed = 0
    for stamp in stamps:
        try:
            moment = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
        except ValueError:
            continue
        parsed += 1
        assert moment.tzinfo is not None
    assert 0.97 * len(stamps) < parsed < len(stamps)
    assert 0.02 < sum(not s.endswith("Z") and "T" in s for s in stamps) / len(stamps) < 0.1


# --- variant makers (properties) ----------------------------------------------------------------

words = st.text(alphabet=st.characters(whitelist_categories=("Lu", "Ll")), min_size=4, max_size=20)


@given(words, st.integers(min_value=0, max_value=2**32 - 1))
def test_a_typo_is_one_small_edit_that_keeps_the_first_letter(text: str, seed: int) -> None:
    dice = Dice(np.random.Generator(np.random.PCG64(seed)))
    changed = names.typo(text, dice)
    assert changed[0] == text[0]
    assert abs(len(changed) - len(text)) <= 1
    assert sorted(changed) == sorted(text) or len(changed) != len(text)


@given(st.integers(min_value=0, max_value=2**32 - 1))
def test_website_variants_still_name_the_domain(seed: int) -> None:
    dice = Dice(np.random.Generator(np.random.PCG64(seed)))
    assert "acme-data.co.uk" in names.website_variant("acme-data.co.uk", dice).lower()


@given(st.integers(min_value=0, max_value=2**31 - 1), st.integers(min_value=0, max_value=2**31 - 1))
def test_scrambled_ids_differ_for_different_numbers(a: int, b: int) -> None:
    assert (scramble32(a, 99) == scramble32(b, 99)) == (a == b)


# --- CLI ----------------------------------------------------------------------------------------


@pytest.fixture
def cli() -> typer.Typer:
    app = typer.Typer()
    app.command("generate")(generate_command)
    return app


def test_cli_generates(cli: typer.Typer, tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli, ["--companies", "20", "--months", "2", "--out", str(tmp_path), "-q"]
    )
    assert result.exit_code == 0, result.output
    assert (tmp_path / "manifest.json").is_file()
    assert (tmp_path / "raw/vendor_people_snapshots/2025-12-01.csv").is_file()


@pytest.mark.parametrize(
    "args",
    [
        ["--companies", "0"],
        ["--months", "0"],
        ["--seed", "-1"],
        ["--start-month", "2025-11-15"],
        ["--start-month", "November"],
    ],
)
def test_cli_rejects_bad_options_in_one_line(
    cli: typer.Typer, tmp_path: Path, args: list[str]
) -> None:
    result = CliRunner().invoke(cli, [*args, "--out", str(tmp_path)])
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_cli_rejects_an_out_path_that_is_a_file(cli: typer.Typer, tmp_path: Path) -> None:
    target = tmp_path / "taken"
    target.write_text("not a folder")
    result = CliRunner().invoke(cli, ["--companies", "5", "--out", str(target)])
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_cli_reports_an_unwritable_out_dir_in_one_line(cli: typer.Typer, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = CliRunner().invoke(cli, ["--companies", "5", "--out", str(blocker / "sub")])
    assert result.exit_code == 2
    assert result.output.count("\n") <= 2 and "Traceback" not in result.output


def test_advance_month_adds_one_month_and_keeps_every_earlier_file(tmp_path: Path) -> None:
    from python_jobs.generate.service import advance_month

    before = generate(GenerateParams(companies=20, months=2), tmp_path)
    after = advance_month(tmp_path)
    assert after["params"]["months"] == 3
    old, new = hashes(before), hashes(after)
    assert all(new[path] == sha for path, sha in old.items() if path.startswith("raw/"))
    assert {p for p in new if p.startswith("raw/")} - set(old) == {
        "raw/engagement_events/2026-01-01.csv",
        "raw/vendor_people_snapshots/2026-01-01.csv",
    }
