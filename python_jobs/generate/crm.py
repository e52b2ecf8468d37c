"""The primary CRM's export of companies and people (contacts).

Every true company is in the CRM; ~2% twice, under another id with a different spelling (the
duplicate has the same domain half the time and no website otherwise). Every true person with
in_crm is a contact; ~2% twice; a few reference a company id that does not exist (orphans).
Ids are numeric strings, drawn without replacement from a block of ids reserved for the chunk.
The export is taken just before the first generated month and does not depend on `months`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import numpy as np

from python_jobs.generate import names, titles
from python_jobs.generate.clock import DAY, epoch, source_timestamp
from python_jobs.generate.noise import INVALID_DATES, INVALID_SHARE, with_replays
from python_jobs.generate.rand import STATIC, Dice, Stream, generator
from python_jobs.generate.rows import (
    CompanyIdentityRow,
    CrmCompanyRow,
    CrmPersonRow,
    PersonIdentityRow,
)
from python_jobs.generate.sinks import Outputs
from python_jobs.generate.world import (
    LIFECYCLE_STAGES,
    LIFECYCLE_WEIGHTS,
    ChunkWorld,
    Company,
    Person,
)

COMPANY_ID_BASE, COMPANY_ID_BLOCK = (
    100_000_000,
    10_000,
)  # chunk c owns base + c * block + [0, block)
PERSON_ID_BASE, PERSON_ID_BLOCK = 200_000_000, 100_000
DUPLICATE_SHARE = 0.02  # companies and people entered twice
DUPLICATE_PERSON_AT_DUPLICATE_COMPANY = 0.3  # contacts filed under the duplicate company record
ORPHAN_SHARE = 0.004  # contacts whose company id points nowhere


@dataclass
class CrmIndex:
    """The CRM ids that later feeds refer to, per true company and per true person."""

    company_ids: list[str]  # primary crm_company_id, by company index
    company_duplicate_ids: list[str]  # '' where the company has no duplicate
    company_owners: list[str]
    person_ids: dict[int, str] = field(default_factory=dict)  # person index -> crm_person_id
    person_duplicate_ids: dict[int, str] = field(default_factory=dict)
    person_company_ids: dict[int, str] = field(default_factory=dict)  # as on the primary record


def id_block(rng: np.random.Generator, base: int, block: int, chunk: int, n: int) -> list[str]:
    """n distinct ids from the chunk's block, in random order (CRM ids are sparse, not serial)."""
    picks = rng.choice(block, size=n, replace=False) + base + chunk * block
    return [str(value) for value in picks.tolist()]


def _created_updated(start: int, dice: Dice, max_age_days: int) -> tuple[int, int]:
    created = start - DAY * dice.between(30, max_age_days) + dice.below(DAY)
    updated = created + dice.below(start - created)
    return created, updated


def _invalidate_dates(
    row: CrmCompanyRow | CrmPersonRow, dice: Dice
) -> CrmCompanyRow | CrmPersonRow:
    column = dice.pick(("created_at", "updated_at"))
    return row._replace(**{column: dice.pick(INVALID_DATES)})


# --- companies ----------------------------------------------------------------------------------


def _website(company: Company, dice: Dice, duplicate: bool) -> str:
    if company.reference and not duplicate:
        return company.reference.website
    if dice.chance(0.5 if duplicate else 0.06):
        return ""
    return company.domain if dice.chance(0.45) else names.website_variant(company.domain, dice)


def _company_name(company: Company, dice: Dice, duplicate: bool) -> str:
    if company.reference and not duplicate:
        return company.reference.crm_name
    if duplicate:
        return names.company_name_variant(company.name, dice, typo_p=0.3)
    return names.company_name_variant(company.name, dice) if dice.chance(0.35) else company.name


def _company_phone(company: Company, dice: Dice) -> str:
    """The switchboard: a number in the company's country, in any format, or nothing."""
    if dice.chance(0.15):
        return ""
    return names.phone_variant(names.new_phone(company.country, dice), dice)


def _state(company: Company, dice: Dice) -> str:
    if not company.state or dice.chance(0.08):
        return ""
    return company.state if dice.chance(0.7) else names.US_STATE_NAMES[company.state]


def _company_row(
    company: Company, record_id: str, owner: str, start: int, dice: Dice, duplicate: bool
) -> CrmCompanyRow:
    created, updated = _created_updated(start, dice, 5 * 365)
    industry = "" if dice.chance(0.05) else company.industry
    row = CrmCompanyRow(
        crm_company_id=record_id,
        company_name=_company_name(company, dice, duplicate),
        website=_website(company, dice, duplicate),
        industry=industry.lower() if dice.chance(0.1) else industry,
        employee_count="" if dice.chance(0.08) else str(company.employees),
        annual_revenue="" if dice.chance(0.2) else str(company.annual_revenue),
        phone=_company_phone(company, dice),
        state=_state(company, dice),
        country="" if dice.chance(0.1) else names.country_spelling(company.country, dice),
        owner=owner,
        lifecycle_stage=dice.pick(("lead", "subscriber")) if duplicate else company.lifecycle_stage,
        created_at=source_timestamp(created, dice),
        updated_at=source_timestamp(updated, dice),
    )
    if company.reference is None and dice.chance(INVALID_SHARE):
        row = _invalid_company(row, dice)
    return row


def _invalid_company(row: CrmCompanyRow, dice: Dice) -> CrmCompanyRow:
    kind = dice.below(3)
    if kind == 0:
        return _invalidate_dates(row, dice)
    if kind == 1:
        return row._replace(annual_revenue=dice.pick(("-250000", "n/a", "1.2M", "approx. 5m")))
    return row._replace(employee_count=dice.pick(("-40", "fifty", "10-50")))


def write_companies(world: ChunkWorld, seed: int, start_month: date, outputs: Outputs) -> CrmIndex:
    """The chunk's CRM company records (sorted by id, like an export) and their answer key."""
    rng = generator(seed, world.chunk, STATIC, Stream.CRM_COMPANIES)
    dice = Dice(rng)
    n = len(world.companies)
    duplicated = [c.reference is None and dice.chance(DUPLICATE_SHARE) for c in world.companies]
    ids = id_block(rng, COMPANY_ID_BASE, COMPANY_ID_BLOCK, world.chunk, n + sum(duplicated))
    duplicate_ids = iter(ids[n:])
    index = CrmIndex(
        company_ids=ids[:n],
        company_duplicate_ids=[next(duplicate_ids) if dup else "" for dup in duplicated],
        company_owners=[dice.pick(names.OWNERS) for _ in range(n)],
    )
    start = epoch(start_month)
    rows, truth = [], []
    for i, company in enumerate(world.companies):
        owner = index.company_owners[i]
        rows.append(
            _company_row(company, index.company_ids[i], owner, start, dice, duplicate=False)
        )
        truth.append(CompanyIdentityRow("crm", index.company_ids[i], company.true_id))
        if duplicated[i]:
            duplicate_id = index.company_duplicate_ids[i]
            other_owner = "" if dice.chance(0.3) else dice.pick(names.OWNERS)
            rows.append(
                _company_row(company, duplicate_id, other_owner, start, dice, duplicate=True)
            )
            truth.append(CompanyIdentityRow("crm", duplicate_id, company.true_id))
    rows.sort(key=lambda row: int(row.crm_company_id))
    outputs.raw["crm_companies"].write(with_replays(rows, dice))
    outputs.truth["company_identities"].write(truth)
    return index


# --- people -------------------------------------------------------------------------------------


def _person_email(person: Person, dice: Dice, duplicate: bool) -> str:
    if person.scripted:
        return person.email
    roll = dice.random()
    if duplicate:
        if roll < 0.35:
            return person.email.upper() if dice.chance(0.3) else person.email
        return person.personal_email if roll < 0.7 else ""
    if roll < 0.78:
        return person.email
    if roll < 0.85:
        return names.email_variant(person.email, person.personal_email, dice)
    if roll < 0.9:
        return person.personal_email
    if roll < 0.91:
        return names.malformed_email(person.email, dice)
    return ""


def _person_name(person: Person, dice: Dice, duplicate: bool) -> str:
    if person.scripted:
        return person.full_name
    name = person.full_name
    if duplicate and person.latin and dice.chance(0.5):
        name = names.typo(name, dice)
    if dice.chance(0.2):
        return names.person_name_variant(name, person.gender, person.latin, dice)
    return "" if dice.chance(0.02) else name


def _person_title(person: Person, dice: Dice) -> str:
    if person.scripted:
        return person.title
    if dice.chance(0.08):
        return ""
    return titles.title_variant(person.title, dice) if dice.chance(0.25) else person.title


def _person_row(
    person: Person,
    record_id: str,
    company_id: str,
    owner: str,
    start: int,
    dice: Dice,
    duplicate: bool,
) -> CrmPersonRow:
    created, updated = _created_updated(start, dice, 4 * 365)
    clean = person.scripted
    linkedin = "" if dice.chance(0.45) else names.linkedin_url(person.linkedin_slug, dice)
    phone = "" if dice.chance(0.35) else names.phone_variant(person.phone, dice)
    if dice.chance(0.01):
        phone = dice.pick(names.INVALID_PHONES)
    row = CrmPersonRow(
        crm_person_id=record_id,
        crm_company_id=company_id,
        full_name=_person_name(person, dice, duplicate),
        email=_person_email(person, dice, duplicate),
        phone=names.phone_variant(person.phone, dice) if clean else phone,
        title=_person_title(person, dice),
        linkedin_url=f"https://www.linkedin.com/in/{person.linkedin_slug}" if clean else linkedin,
        country="" if dice.chance(0.25) else names.country_spelling(person.country, dice),
        owner=owner if dice.chance(0.9) else "",
        lifecycle_stage=dice.pick_weighted(LIFECYCLE_STAGES, LIFECYCLE_WEIGHTS),
        created_at=source_timestamp(created, dice),
        updated_at=source_timestamp(updated, dice),
    )
    if not clean and dice.chance(INVALID_SHARE):
        row = _invalidate_dates(row, dice)
    return row


def _person_company_id(
    person: Person, chunk: int, crm: CrmIndex, used_ids: set[str], dice: Dice
) -> str:
    """The company record a contact is filed under: mostly the primary, some duplicates, orphans."""
    if person.scripted:
        return crm.company_ids[person.company]
    if dice.chance(ORPHAN_SHARE):
        return _unused_id(COMPANY_ID_BASE, COMPANY_ID_BLOCK, chunk, used_ids, dice)
    duplicate = crm.company_duplicate_ids[person.company]
    if duplicate and dice.chance(DUPLICATE_PERSON_AT_DUPLICATE_COMPANY):
        return duplicate
    return crm.company_ids[person.company]


def _unused_id(base: int, block: int, chunk: int, used: set[str], dice: Dice) -> str:
    while True:
        candidate = str(base + chunk * block + dice.below(block))
        if candidate not in used:
            return candidate


def write_people(
    world: ChunkWorld, crm: CrmIndex, seed: int, start_month: date, outputs: Outputs
) -> None:
    """The chunk's CRM contacts (sorted by id) and their answer key; fills crm's person maps."""
    rng = generator(seed, world.chunk, STATIC, Stream.CRM_PEOPLE)
    dice = Dice(rng)
    contacts = [i for i, person in enumerate(world.people) if person.in_crm]
    duplicated = {
        i for i in contacts if not world.people[i].scripted and dice.chance(DUPLICATE_SHARE)
    }
    ids = iter(
        id_block(rng, PERSON_ID_BASE, PERSON_ID_BLOCK, world.chunk, len(contacts) + len(duplicated))
    )
    used_company_ids = set(crm.company_ids) | set(crm.company_duplicate_ids)
    start = epoch(start_month)
    rows, truth = [], []
    for i in contacts:
        person = world.people[i]
        owner = crm.company_owners[person.company]
        company_id = _person_company_id(person, world.chunk, crm, used_company_ids, dice)
        records = [next(ids)] + ([next(ids)] if i in duplicated else [])
        crm.person_ids[i], crm.person_company_ids[i] = records[0], company_id
        for n, record_id in enumerate(records):
            if n == 1:
                crm.person_duplicate_ids[i] = record_id
            rows.append(_person_row(person, record_id, company_id, owner, start, dice, n == 1))
            truth.append(PersonIdentityRow("crm", record_id, person.true_id))
    rows.sort(key=lambda row: int(row.crm_person_id))
    outputs.raw["crm_people"].write(with_replays(rows, dice))
    outputs.truth["person_identities"].write(truth)
