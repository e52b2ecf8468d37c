"""The one-time legacy backfill: people with their company and historical engagement counts.

About 70% of companies with ~2 people each, capped at 700 companies and 1,400 people: a legacy
file does not grow with the warehouse, so the cap fills from the first chunk(s). Mostly people
who are also in the CRM (formatted the legacy system's way, under legacy ids 'L-.../LC-...'),
some who are not. One legacy company id per true company: company_identities uses it as
source_record_id; person_identities uses legacy_person_id.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

from python_jobs.generate import names, titles
from python_jobs.generate.clock import DAY, epoch, iso_date
from python_jobs.generate.noise import INVALID_DATES, INVALID_SHARE, with_replays
from python_jobs.generate.rand import STATIC, Dice, Stream, generator
from python_jobs.generate.reference import JOHN_SMITH
from python_jobs.generate.rows import BackfillPersonRow, CompanyIdentityRow, PersonIdentityRow
from python_jobs.generate.sinks import Outputs
from python_jobs.generate.world import ChunkWorld, Company, Person

COMPANY_SHARE = 0.7  # companies the legacy system knew
MAX_COMPANIES, MAX_PEOPLE = 700, 1400
IN_CRM_SHARE = 0.85  # legacy people who are CRM contacts too
MEAN_OPENS = 8.0


@dataclass
class BackfillBudget:
    """How much of the legacy file is written; carried from chunk to chunk."""

    companies: int = 0
    people: int = 0

    @property
    def exhausted(self) -> bool:
        return self.companies >= MAX_COMPANIES or self.people >= MAX_PEOPLE


@dataclass(frozen=True)
class _LegacyCompany:
    """One company as the legacy system wrote it, the same on each of its people's rows."""

    legacy_id: str
    name: str
    domain: str


def _counts(dice: Dice) -> tuple[int, int, int]:
    """Historical (opens, replies, meetings): skewed, replies and meetings rarer."""
    mean = MEAN_OPENS * math.exp(0.8 * dice.normal() - 0.32)
    opens = int(-mean * math.log(1.0 - dice.random()))
    replies = sum(dice.chance(0.08) for _ in range(opens))
    meetings = sum(dice.chance(0.3) for _ in range(replies))
    return opens, replies, meetings


def _legacy_company_name(company: Company, dice: Dice) -> str:
    if company.reference:
        return company.reference.legacy_name
    roll = dice.random()
    if roll < 0.4:
        return company.name.upper()
    return names.company_name_variant(company.name, dice) if roll < 0.8 else company.name


def _legacy_domain(company: Company, dice: Dice) -> str:
    if company.reference:
        return company.domain
    if dice.chance(0.1):
        return ""
    return company.domain if dice.chance(0.5) else names.website_variant(company.domain, dice)


def _person_fields(person: Person, dice: Dice) -> tuple[str, str, str, str]:
    """(full_name, email, phone, title) the legacy way; John Smith as in the spec's examples."""
    if person.scripted:
        if person.is_john_smith:
            return (
                JOHN_SMITH.backfill_name,
                JOHN_SMITH.backfill_email,
                JOHN_SMITH.backfill_phone,
                person.title,
            )
        return person.full_name, person.email, names.phone_variant(person.phone, dice), person.title
    name = person.full_name
    if dice.chance(0.35):
        name = names.person_name_variant(name, person.gender, person.latin, dice)
    roll = dice.random()
    if roll < 0.75:
        email = person.email
    elif roll < 0.85:
        email = names.email_variant(person.email, person.personal_email, dice)
    else:
        email = person.personal_email if roll < 0.93 else ""
    phone = "" if dice.chance(0.4) else names.phone_variant(person.phone, dice)
    title = person.title if dice.chance(0.6) else titles.title_variant(person.title, dice)
    return name, email, phone, "" if dice.chance(0.1) else title


def _row(
    person: Person,
    legacy_id: str,
    company: _LegacyCompany,
    counts: tuple[int, int, int],
    start: int,
    dice: Dice,
) -> BackfillPersonRow:
    full_name, email, phone, title = _person_fields(person, dice)
    opens, replies, meetings = (str(value) for value in counts)
    row = BackfillPersonRow(
        legacy_person_id=legacy_id,
        legacy_company_id=company.legacy_id,
        company_name=company.name,
        company_domain=company.domain,
        full_name=full_name,
        email=email,
        phone=phone,
        title=title,
        seniority="" if dice.chance(0.08) else dice.pick(titles.SENIORITY_LABELS[person.seniority]),
        linkedin_url="" if dice.chance(0.5) else names.linkedin_url(person.linkedin_slug, dice),
        opens=opens,
        replies=replies,
        meetings=meetings,
        last_activity_date=iso_date(start - DAY * dice.between(20, 900)),
    )
    if not person.scripted and dice.chance(INVALID_SHARE):
        column = dice.pick(("opens", "replies", "meetings", "last_activity_date"))
        bad = (
            INVALID_DATES if column == "last_activity_date" else ("-3", "-1", "n/a", "3.5", "seven")
        )
        row = row._replace(**{column: dice.pick(bad)})
    return row


def _pick_people(staff: list[int], world: ChunkWorld, wanted: int, dice: Dice) -> list[int]:
    """Mostly CRM contacts, some people only the legacy system (and the vendor) knew."""
    in_crm = [i for i in staff if world.people[i].in_crm]
    others = [i for i in staff if not world.people[i].in_crm]
    chosen = []
    for _ in range(min(wanted, len(staff))):
        pool = in_crm if (in_crm and (dice.chance(IN_CRM_SHARE) or not others)) else others
        chosen.append(pool.pop(dice.below(len(pool))))
    return chosen


def _people_and_counts(
    company: Company, staff: list[int], world: ChunkWorld, room: int, dice: Dice
) -> list[tuple[int, tuple[int, int, int]]]:
    """(person index, engagement counts) of the company's legacy rows: ~2 people, or the script."""
    if company.reference:
        scripted = company.reference.backfill_counts
        return list(zip(staff, scripted, strict=False))
    extra = int(-math.log(1.0 - dice.random()) / math.log(2))  # geometric, mean 1
    chosen = _pick_people(staff, world, min(1 + extra, room), dice)
    return [(index, _counts(dice)) for index in chosen]


def write_backfill(
    world: ChunkWorld, seed: int, start_month: date, budget: BackfillBudget, outputs: Outputs
) -> None:
    """The chunk's share of the legacy file, while the file's caps leave room."""
    if budget.exhausted:
        return
    dice = Dice(generator(seed, world.chunk, STATIC, Stream.BACKFILL))
    staff: list[list[int]] = [[] for _ in world.companies]
    for i, person in enumerate(world.people):
        staff[person.company].append(i)
    start = epoch(start_month)
    rows, companies, people = [], [], []
    for index, company in enumerate(world.companies):
        if budget.exhausted:
            break
        if company.reference is None and not dice.chance(COMPANY_SHARE):
            continue
        budget.companies += 1
        legacy = _LegacyCompany(
            f"LC-{budget.companies:05d}",
            _legacy_company_name(company, dice),
            _legacy_domain(company, dice),
        )
        companies.append(CompanyIdentityRow("backfill", legacy.legacy_id, company.true_id))
        room = MAX_PEOPLE - budget.people
        for person_index, counts in _people_and_counts(company, staff[index], world, room, dice):
            person = world.people[person_index]
            budget.people += 1
            legacy_id = f"L-{budget.people:06d}"
            rows.append(_row(person, legacy_id, legacy, counts, start, dice))
            people.append(PersonIdentityRow("backfill", legacy_id, person.true_id))
    outputs.raw["backfill_people"].write(with_replays(rows, dice))
    outputs.truth["company_identities"].write(companies)
    outputs.truth["person_identities"].write(people)
