"""The true world, one chunk of companies at a time: companies and the people who work there.

Nothing here is messy: this is what the feeds describe, each in its own way, and what the
ground truth files identify. True company ids are 'tc_' + the company's global number; true
person ids are 'tp_' + chunk * PERSON_BLOCK + the person's index in the chunk, so hires made in
later months get ids without any global counter. Names and domains stay unique across chunks
through the run-wide Registry.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import count

import numpy as np

from python_jobs.generate import names, titles
from python_jobs.generate.names import Country, NonLatinName
from python_jobs.generate.rand import STATIC, Dice, Stream, cumulative, generator, scramble32
from python_jobs.generate.reference import (
    JOHN_SMITH,
    REFERENCE_COMPANIES,
    REFERENCE_MIN_CRM_PEOPLE,
    ReferenceCompany,
)

PERSON_BLOCK = 100_000  # person numbers of chunk c: c * PERSON_BLOCK + index in the chunk
JOHN_SMITH_NUMBER = 0  # planted first, at ACME, the first company of chunk 0
PERSONAL_EMAIL_SPACE = 10**8  # personal-email numbers: a bijection on [0, 10**8)

LIFECYCLE_STAGES = (
    "subscriber",
    "lead",
    "marketing_qualified_lead",
    "sales_qualified_lead",
    "opportunity",
    "customer",
    "evangelist",
    "other",
)
LIFECYCLE_WEIGHTS = cumulative((10, 30, 15, 10, 10, 15, 3, 7))

# How a company builds work emails: first.last, flast, first, firstl, first_last, lastf.
EMAIL_PATTERN_WEIGHTS = cumulative((50, 20, 8, 8, 8, 6))

MEAN_CRM_PEOPLE = 10  # CRM contacts per company, lognormal: most have a few, some hundreds
VENDOR_ONLY_SHARE = 0.15  # people the vendor knows beyond the CRM's, per CRM person
VENDOR_COVERAGE = 0.80  # share of CRM people the vendor also covers


@dataclass(slots=True)
class Company:
    number: int  # global index
    name: str
    domain: str
    industry: str
    country: Country
    state: str  # US state code, '' outside the US
    employees: int
    annual_revenue: int
    lifecycle_stage: str
    propensity: float  # account-level buying intent, lognormal with mean 1: a few run hot
    email_pattern: int
    reference: ReferenceCompany | None = None
    used_locals: set[str] = field(default_factory=set)  # email locals taken at this domain

    @property
    def true_id(self) -> str:
        return f"tc_{self.number:07d}"


@dataclass(slots=True)
class Person:
    number: int
    full_name: str
    first_ascii: str  # romanized, for email locals and LinkedIn slugs
    last_ascii: str
    gender: str
    latin: bool  # False for names in another script: no honorifics or typos applied
    company: int  # index into the chunk's companies; -1 once gone to an untracked company
    seniority: int
    department: int
    area: int
    title: str
    email: str  # work email at the current company
    personal_email: str
    phone: str  # E.164
    linkedin_slug: str
    country: Country
    in_crm: bool
    in_vendor: bool
    scripted: bool = False  # part of the reference sample: written clean, moved only by script

    @property
    def true_id(self) -> str:
        return f"tp_{self.number:09d}"

    @property
    def is_john_smith(self) -> bool:
        return self.number == JOHN_SMITH_NUMBER


@dataclass(frozen=True)
class Salts:
    """Per-seed salts for the id bijections, so different seeds give different-looking ids."""

    personal_email: int
    linkedin: int
    vendor_id: int
    event_id: int

    @classmethod
    def from_seed(cls, seed: int) -> Salts:
        words = np.random.SeedSequence([seed, STATIC, STATIC, STATIC]).generate_state(4)
        email, linkedin, vendor, event = (int(word) for word in words)
        return cls(email % PERSONAL_EMAIL_SPACE, linkedin, vendor, event)


class Registry:
    """Values already handed out in this run (case-insensitive): keeps names unique."""

    def __init__(self, reserved: tuple[str, ...] = ()) -> None:
        self._taken = {value.casefold() for value in reserved}

    def is_free(self, value: str) -> bool:
        return value.strip().casefold() not in self._taken

    def claim(self, candidates: Iterator[str]) -> str:
        """The first free candidate, now taken (the iterator must eventually offer one)."""
        for candidate in candidates:
            if self.is_free(candidate):
                self._taken.add(candidate.strip().casefold())
                return candidate
        raise RuntimeError("candidates exhausted")


@dataclass
class Registries:
    company_names: Registry
    domains: Registry
    vendor_company_names: Registry  # the vendor's spellings double as its company keys

    @classmethod
    def new(cls) -> Registries:
        return cls(
            Registry(tuple(ref.name for ref in REFERENCE_COMPANIES)),
            Registry(tuple(ref.domain for ref in REFERENCE_COMPANIES)),
            Registry(),
        )


@dataclass
class ChunkWorld:
    chunk: int
    companies: list[Company]
    people: list[Person]
    salts: Salts

    def next_person_number(self) -> int:
        if len(self.people) >= PERSON_BLOCK:
            raise RuntimeError(f"chunk {self.chunk} has more than {PERSON_BLOCK} people")
        return self.chunk * PERSON_BLOCK + len(self.people)


# --- companies ----------------------------------------------------------------------------------


def _core(dice: Dice) -> str:
    """A brand word: a plain word, or an invented one from two syllables."""
    if dice.chance(0.35):
        return dice.pick(names.CORE_WORDS)
    return dice.pick(names.CORE_HEADS) + dice.pick(names.CORE_TAILS)


def _long_name(dice: Dice) -> str:
    """'Pacific Zenova Analytics': the roomiest form, for when shorter names are taken."""
    prefix, sector = dice.pick(names.COMPANY_PREFIXES), dice.pick(names.COMPANY_SECTORS)
    return f"{prefix} {_core(dice)} {sector}"


def _random_company_name(dice: Dice) -> str:
    form = dice.random()
    if form < 0.55:
        return f"{_core(dice)} {dice.pick(names.COMPANY_SECTORS)}"
    if form < 0.72:
        return _core(dice)
    if form < 0.82:
        return f"{dice.pick(names.COMPANY_PREFIXES)} {dice.pick(names.COMPANY_SECTORS)}"
    return _long_name(dice)


def _company_name_candidates(dice: Dice) -> Iterator[str]:
    """A random name; if taken, long ones; then the last with a qualifier, then a number."""
    name = _random_company_name(dice)
    yield name
    for _ in range(3):
        name = _long_name(dice)
        yield name
    for qualifier in names.NAME_QUALIFIERS:
        yield f"{name} {qualifier}"
    for number in count(2):
        yield f"{name} {number}"


def _domain_candidates(name: str, country: Country, dice: Dice) -> Iterator[str]:
    words = [names.slug(word) for word in name.split()]
    joined = "".join(words)
    tld = ".com" if dice.chance(0.7) else dice.pick((*country.tlds, ".io", ".co", ".net", ".ai"))
    style = dice.random()
    if style < 0.12 and len(words) > 1:
        yield f"{words[0]}{tld}"
    elif style < 0.22 and len(words) > 1:
        yield f"{'-'.join(words)}{tld}"
    elif style < 0.3 and len(words) > 1:
        yield f"{''.join(word[0] for word in words[:-1])}{words[-1]}{tld}"
    yield f"{joined}{tld}"
    yield f"{joined}.com"
    for suffix in ("hq", "inc", "group", "global"):
        yield f"{joined}{suffix}.com"
    for number in count(2):
        yield f"{joined}{number}.com"


def _new_company(
    number: int, employees: int, propensity: float, dice: Dice, registries: Registries
) -> Company:
    reference = REFERENCE_COMPANIES[number] if number < len(REFERENCE_COMPANIES) else None
    country = (
        names.COUNTRIES[0]
        if reference
        else dice.pick_weighted(names.COUNTRIES, names.COUNTRY_WEIGHTS)
    )
    if reference:
        name, domain = reference.name, reference.domain
    else:
        name = registries.company_names.claim(_company_name_candidates(dice))
        domain = registries.domains.claim(_domain_candidates(name, country, dice))
    revenue_per_employee = 60_000 + dice.below(340_000)
    return Company(
        number=number,
        name=name,
        domain=domain,
        industry=dice.pick_weighted(names.INDUSTRIES, names.INDUSTRY_WEIGHTS),
        country=country,
        state=dice.pick_weighted(names.US_STATES, names.US_STATE_WEIGHTS)[0]
        if country.code == "US"
        else "",
        employees=employees,
        annual_revenue=employees * revenue_per_employee // 1000 * 1000,
        lifecycle_stage=dice.pick_weighted(LIFECYCLE_STAGES, LIFECYCLE_WEIGHTS),
        propensity=propensity,
        email_pattern=0 if reference else dice.pick_weighted(range(6), EMAIL_PATTERN_WEIGHTS),
        reference=reference,
    )


# --- people -------------------------------------------------------------------------------------


def _email_local(first_ascii: str, last_ascii: str, pattern: int) -> str:
    first, last = names.slug(first_ascii), names.slug(last_ascii)
    forms = (
        f"{first}.{last}",
        f"{first[:1]}{last}",
        first,
        f"{first}{last[:1]}",
        f"{first}_{last}",
        f"{last}{first[:1]}",
    )
    return forms[pattern]


def claim_work_email(company: Company, first_ascii: str, last_ascii: str) -> str:
    """The company's pattern applied to the name; a number added when a colleague has it."""
    base = _email_local(first_ascii, last_ascii, company.email_pattern)
    local = base
    for number in count(2):
        if local not in company.used_locals:
            break
        local = f"{base}{number}"
    company.used_locals.add(local)
    return f"{local}@{company.domain}"


Name = tuple[str, str, str, str, bool]  # full name, first ascii, last ascii, gender, latin


def _draw_name(dice: Dice) -> Name:
    if dice.chance(names.NON_LATIN_SHARE):
        other: NonLatinName = dice.pick(names.NON_LATIN_NAMES)
        return other.full, other.first_ascii, other.last_ascii, other.gender, False
    gender = "f" if dice.chance(0.5) else "m"
    first = dice.pick(names.FEMALE_FIRST if gender == "f" else names.MALE_FIRST)
    last = dice.pick(names.LAST_NAMES)
    return f"{first} {last}", names.fold_ascii(first), names.fold_ascii(last), gender, True


def new_person(
    world: ChunkWorld,
    company_index: int,
    dice: Dice,
    *,
    in_crm: bool,
    in_vendor: bool,
    name: Name | None = None,
) -> Person:
    """A true person at a company of the chunk (named `name`, else a random name), appended to
    the chunk's people."""
    company = world.companies[company_index]
    number = world.next_person_number()
    full_name, first_ascii, last_ascii, gender, latin = name or _draw_name(dice)
    seniority = dice.pick_weighted(range(len(titles.SENIORITIES)), titles.SENIORITY_WEIGHTS)
    department = dice.pick_weighted(range(len(titles.DEPARTMENTS)), titles.DEPARTMENT_WEIGHTS)
    area = dice.below(5)
    country = (
        company.country
        if dice.chance(0.92)
        else dice.pick_weighted(names.COUNTRIES, names.COUNTRY_WEIGHTS)
    )
    email_number = (number * 7919 + world.salts.personal_email) % PERSONAL_EMAIL_SPACE
    person = Person(
        number=number,
        full_name=full_name,
        first_ascii=first_ascii,
        last_ascii=last_ascii,
        gender=gender,
        latin=latin,
        company=company_index,
        seniority=seniority,
        department=department,
        area=area,
        title=titles.title_for(seniority, department, area, dice),
        email=claim_work_email(company, first_ascii, last_ascii),
        personal_email=names.personal_email(first_ascii, last_ascii, email_number, dice),
        phone=names.new_phone(country, dice),
        linkedin_slug=(
            f"{names.slug(first_ascii)}-{names.slug(last_ascii)}-"
            f"{scramble32(number, world.salts.linkedin):08x}"
        ),
        country=country,
        in_crm=in_crm,
        in_vendor=in_vendor,
    )
    world.people.append(person)
    return person


def _plant_john_smith(world: ChunkWorld, company_index: int, dice: Dice) -> None:
    """The worked example's John Smith, first person of ACME: a sales manager, scripted."""
    ref = JOHN_SMITH
    name = (f"{ref.first} {ref.last}", ref.first, ref.last, ref.gender, True)
    person = new_person(world, company_index, dice, in_crm=True, in_vendor=True, name=name)
    person.seniority, person.department = titles.MANAGER, titles.DEPARTMENTS.index("sales")
    person.area = 0  # 'Sales', as in 'Sales Manager'
    person.title, person.phone, person.personal_email = ref.title, ref.phone, ref.personal_email
    person.country = world.companies[company_index].country
    person.scripted = True


def _people_counts(
    rng: np.random.Generator, n: int, first_number: int
) -> tuple[np.ndarray, np.ndarray]:
    """CRM people and vendor-only people per company: skewed, ~MEAN_CRM_PEOPLE on average."""
    sigma = 0.85
    mu = np.log(MEAN_CRM_PEOPLE) - sigma**2 / 2
    crm = np.clip(np.rint(rng.lognormal(mu, sigma, n)), 1, 250).astype(np.int64)
    reference = max(0, min(n, len(REFERENCE_COMPANIES) - first_number))
    crm[:reference] = np.maximum(crm[:reference], REFERENCE_MIN_CRM_PEOPLE)
    return crm, rng.binomial(crm, VENDOR_ONLY_SHARE)


def build_chunk(
    seed: int,
    chunk: int,
    first_company: int,
    n_companies: int,
    registries: Registries,
    salts: Salts,
) -> ChunkWorld:
    """The chunk's true companies and people, from the chunk's static streams only."""
    rng = generator(seed, chunk, STATIC, Stream.COMPANIES)
    crm_counts, extra_counts = _people_counts(rng, n_companies, first_company)
    headcount = crm_counts + extra_counts
    employees = np.maximum(headcount * 3, rng.lognormal(np.log(150), 1.4, n_companies)).astype(int)
    propensity = rng.lognormal(-0.5, 1.0, n_companies)  # mean 1
    dice = Dice(rng)
    companies = [
        _new_company(first_company + i, int(employees[i]), float(propensity[i]), dice, registries)
        for i in range(n_companies)
    ]
    world = ChunkWorld(chunk, companies, [], salts)
    people_dice = Dice(generator(seed, chunk, STATIC, Stream.PEOPLE))
    for index, company in enumerate(companies):
        first_person = len(world.people)
        crm_people = int(crm_counts[index])
        if company.number == 0:
            _plant_john_smith(world, index, people_dice)
            crm_people -= 1
        for _ in range(crm_people):
            in_vendor = people_dice.chance(VENDOR_COVERAGE)
            new_person(world, index, people_dice, in_crm=True, in_vendor=in_vendor)
        for _ in range(int(extra_counts[index])):
            new_person(world, index, people_dice, in_crm=False, in_vendor=True)
        if company.reference:
            _script_reference_people(world.people[first_person:], company.reference)
    return world


def _script_reference_people(people: list[Person], reference: ReferenceCompany) -> None:
    """The people behind the reference company's backfill rows: in the CRM and the vendor feed."""
    for person in people[: len(reference.backfill_counts)]:
        person.scripted = True
        person.in_vendor = True
