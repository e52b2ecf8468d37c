"""The enrichment vendor's monthly people snapshots, and the job changes they reveal.

The vendor covers ~80% of the CRM's contacts plus people the CRM lacks (Person.in_vendor), each
under its own stable vendor_person_id (a bijection of the true person number). It writes a
person the same way every month until the job changes; its spelling of a company is fixed too.

Month 0 is the baseline delivery. From month 1 on, each month ~3% of the covered people change
job, at most once per month: promotion (same company, higher seniority, matching title),
transfer (same company, other department or lateral title), exit (to another company of the
chunk: an exit there and a hire here, two movement rows; or out of the tracked world: the person
leaves the feed), and new people are hired. ground_truth/movements.csv dates each change with
the first snapshot that shows it. Month m draws only from (seed, chunk, m) streams and the state
after month m-1, so generating more months never changes earlier deliveries.

Answer key: person_identities maps every vendor_person_id (including those of the ~1% broken
rows, which have no name, email or LinkedIn) to its true person; company_identities uses the
company_name exactly as the vendor writes it as source_record_id: the generator keeps the
vendor's spellings unique per true company.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from python_jobs.generate import names, titles
from python_jobs.generate.noise import INVALID_SHARE, expected_count, with_replays
from python_jobs.generate.rand import STATIC, Dice, Stream, cumulative, generator, scramble32
from python_jobs.generate.reference import JOHN_SMITH_PROMOTED_TITLE, JOHN_SMITH_PROMOTION_MONTH
from python_jobs.generate.rows import (
    CompanyIdentityRow,
    MovementRow,
    PersonIdentityRow,
    VendorPersonRow,
)
from python_jobs.generate.sinks import Outputs
from python_jobs.generate.world import (
    ChunkWorld,
    Company,
    Person,
    Registries,
    claim_work_email,
    new_person,
)

MOVE_SHARE = 0.03  # covered people changing job each month
MOVE_KINDS = ("promotion", "transfer", "exit")
MOVE_KIND_WEIGHTS = cumulative((35, 25, 40))
EXIT_TO_TRACKED = 0.4  # exits that land at another tracked company
HIRE_SHARE = 0.012  # people new to the tracked world each month, per covered person
BROKEN_ID_BASE = 1 << 31  # broken rows' ids: above every person number, so never a clash
BROKEN_IDS_PER_MONTH = 1000


@dataclass(frozen=True, slots=True)
class _Style:
    """How the vendor writes one person, fixed for as long as it covers them."""

    vendor_person_id: str
    full_name: str
    phone: str
    linkedin_url: str
    country: str
    email_kind: int  # 0 work email, 1 personal email, 2 none
    messy_title: bool


class VendorFeed:
    """The vendor's view of one chunk, delivered one month at a time."""

    def __init__(self, world: ChunkWorld, seed: int, registries: Registries) -> None:
        self.world = world
        self.seed = seed
        dice = Dice(generator(seed, world.chunk, STATIC, Stream.VENDOR))
        registry = registries.vendor_company_names
        self.company_names = [
            registry.claim(_company_name_candidates(c, dice)) for c in world.companies
        ]
        self.company_domains = [_company_domain(c, dice) for c in world.companies]
        self.hire_weights = cumulative([c.employees for c in world.companies])
        self.styles = {i: self._style(p, dice) for i, p in enumerate(world.people) if p.in_vendor}
        self._tails: dict[int, tuple[str, ...]] = {}  # rendered row after id and date, per person
        self._announced: set[int] = set()  # people whose vendor id is in the answer key
        self._shown_companies: set[int] = set()

    # --- rendering ------------------------------------------------------------------------------

    def _style(self, person: Person, dice: Dice) -> _Style:
        name = person.full_name
        if person.latin and not person.scripted:
            if dice.chance(0.03):
                name = names.typo(name, dice)
            if dice.chance(0.08):
                name = names.recase(name, dice)
        phone = "" if dice.chance(0.45) else person.phone
        if phone and dice.chance(0.3):
            phone = names.phone_variant(phone, dice)
        linkedin = f"https://www.linkedin.com/in/{person.linkedin_slug}"
        if dice.chance(0.12):
            linkedin = f"linkedin.com/in/{person.linkedin_slug}"
        roll = dice.random()
        return _Style(
            vendor_person_id=f"vp_{scramble32(person.number, self.world.salts.vendor_id):08x}",
            full_name=name,
            phone=phone,
            linkedin_url="" if dice.chance(0.07) and not person.scripted else linkedin,
            country=names.country_spelling(person.country, dice),
            email_kind=0 if roll < 0.88 or person.scripted else (1 if roll < 0.93 else 2),
            messy_title=dice.chance(0.15) and not person.scripted,
        )

    def _tail(self, index: int, dice: Dice) -> tuple[str, ...]:
        """The row after vendor_person_id and snapshot_date, re-rendered only after a change."""
        if index not in self._tails:
            person, style = self.world.people[index], self.styles[index]
            email = (person.email, person.personal_email, "")[style.email_kind]
            title = titles.title_variant(person.title, dice) if style.messy_title else person.title
            self._tails[index] = (
                style.full_name,
                email,
                style.phone,
                title,
                titles.SENIORITY_LABELS[person.seniority][1],
                titles.DEPARTMENT_LABELS[person.department][1],
                self.company_names[person.company],
                self.company_domains[person.company],
                style.linkedin_url,
                style.country,
            )
        return self._tails[index]

    # --- one delivery ---------------------------------------------------------------------------

    def deliver(self, month: int, snapshot_date: date, outputs: Outputs) -> None:
        """Apply the month's job changes, then write its snapshot and answer-key rows."""
        chunk, day = self.world.chunk, snapshot_date.isoformat()
        moves = Dice(generator(self.seed, chunk, month, Stream.MOVES))
        movements = self._change_jobs(month, day, moves) if month > 0 else []
        dice = Dice(generator(self.seed, chunk, month, Stream.SNAPSHOT))
        shown = [i for i in self.styles if self.world.people[i].company >= 0]
        rows = [(self.styles[i].vendor_person_id, day, *self._tail(i, dice)) for i in shown]
        rows.sort(key=lambda row: row[0])
        identities = [
            PersonIdentityRow(
                "vendor", self.styles[i].vendor_person_id, self.world.people[i].true_id
            )
            for i in shown
            if i not in self._announced
        ]
        self._announced.update(shown)
        rows, broken = self._add_broken_rows(rows, shown, month, day, dice)
        outputs.snapshot(snapshot_date).write(with_replays(rows, dice))
        outputs.truth["person_identities"].write(identities + broken)
        outputs.truth["movements"].write(movements)
        outputs.truth["company_identities"].write(self._new_companies(shown))

    def _new_companies(self, shown: list[int]) -> list[CompanyIdentityRow]:
        companies = {self.world.people[i].company for i in shown} - self._shown_companies
        self._shown_companies |= companies
        return [
            CompanyIdentityRow("vendor", self.company_names[c], self.world.companies[c].true_id)
            for c in sorted(companies)
        ]

    def _add_broken_rows(
        self, rows: list[tuple[str, ...]], shown: list[int], month: int, day: str, dice: Dice
    ) -> tuple[list[tuple[str, ...]], list[PersonIdentityRow]]:
        """~1% rows with no usable identifier: no name, no LinkedIn, no or a malformed email."""
        count = min(expected_count(len(rows), INVALID_SHARE, dice), BROKEN_IDS_PER_MONTH)
        identities = []
        first_number = BROKEN_ID_BASE + (self.world.chunk * 100 + month) * BROKEN_IDS_PER_MONTH
        for k in range(count if shown else 0):
            index = dice.pick(shown)
            person = self.world.people[index]
            vendor_id = f"vp_{scramble32(first_number + k, self.world.salts.vendor_id):08x}"
            email = names.malformed_email(person.email, dice) if dice.chance(0.3) else ""
            row = VendorPersonRow(vendor_id, day, *self._tail(index, dice))
            row = row._replace(full_name="", email=email, linkedin_url="")
            rows.insert(dice.below(len(rows) + 1), row)
            identities.append(PersonIdentityRow("vendor", vendor_id, person.true_id))
        return rows, identities

    # --- job changes ----------------------------------------------------------------------------

    def _change_jobs(self, month: int, day: str, dice: Dice) -> list[MovementRow]:
        movements: list[MovementRow] = []
        covered = [i for i in self.styles if self.world.people[i].company >= 0]
        for index in covered:
            person = self.world.people[index]
            if person.scripted:
                if person.is_john_smith and month == JOHN_SMITH_PROMOTION_MONTH:
                    movements += self._promote_john_smith(index, day)
                continue
            if dice.chance(MOVE_SHARE):
                kind = dice.pick_weighted(MOVE_KINDS, MOVE_KIND_WEIGHTS)
                if kind == "promotion" and person.seniority == titles.C_LEVEL:
                    kind = "transfer"
                change = {
                    "promotion": self._promote,
                    "transfer": self._transfer,
                    "exit": self._exit,
                }[kind]
                movements += change(index, dice, day=day)
        for _ in range(dice.poisson(HIRE_SHARE * len(covered))):
            movements.append(self._hire(dice, day))
        return movements

    def _movement(self, index: int, kind: str, day: str, before: tuple[int, str]) -> MovementRow:
        """A movement row from the person's (company, title) before to their state now."""
        person = self.world.people[index]
        from_company, from_title = before
        self._tails.pop(index, None)
        return MovementRow(
            true_person_id=person.true_id,
            movement_type=kind,
            snapshot_date=day,
            from_true_company_id=self._true_company_id(from_company),
            to_true_company_id=self._true_company_id(person.company),
            from_title=from_title,
            to_title=person.title if person.company >= 0 else "",
        )

    def _true_company_id(self, index: int) -> str:
        return self.world.companies[index].true_id if index >= 0 else ""

    def _promote(self, index: int, dice: Dice, day: str) -> list[MovementRow]:
        person = self.world.people[index]
        before = (person.company, person.title)
        person.seniority = titles.promoted_seniority(person.seniority, dice)
        person.title = titles.title_for(person.seniority, person.department, person.area, dice)
        return [self._movement(index, "promotion", day, before)]

    def _promote_john_smith(self, index: int, day: str) -> list[MovementRow]:
        """The spec's worked example: Sales Manager -> VP Sales."""
        person = self.world.people[index]
        before = (person.company, person.title)
        person.seniority, person.title = titles.VP, JOHN_SMITH_PROMOTED_TITLE
        return [self._movement(index, "promotion", day, before)]

    def _transfer(self, index: int, dice: Dice, day: str) -> list[MovementRow]:
        person = self.world.people[index]
        before = (person.company, person.title)
        if dice.chance(0.6):
            person.department = _other_department(person.department, dice)
            person.area = dice.below(5)
            person.title = titles.title_for(person.seniority, person.department, person.area, dice)
        else:
            person.title = titles.lateral_title(
                person.seniority, person.department, person.title, dice
            )
        if person.title == before[1]:
            return []  # nothing the vendor could show
        return [self._movement(index, "transfer", day, before)]

    def _exit(self, index: int, dice: Dice, day: str) -> list[MovementRow]:
        person = self.world.people[index]
        before = (person.company, person.title)
        companies = self.world.companies
        if len(companies) > 1 and dice.chance(EXIT_TO_TRACKED):
            destination = (person.company + 1 + dice.below(len(companies) - 1)) % len(companies)
            person.company = destination
            person.email = claim_work_email(
                companies[destination], person.first_ascii, person.last_ascii
            )
            if dice.chance(0.3):
                person.seniority = titles.promoted_seniority(person.seniority, dice)
            if dice.chance(0.2):
                person.department = _other_department(person.department, dice)
            person.title = titles.title_for(person.seniority, person.department, person.area, dice)
            return [self._movement(index, kind, day, before) for kind in ("exit", "hire")]
        person.company = -1
        return [self._movement(index, "exit", day, before)]

    def _hire(self, dice: Dice, day: str) -> MovementRow:
        company = dice.pick_weighted(range(len(self.world.companies)), self.hire_weights)
        person = new_person(self.world, company, dice, in_crm=False, in_vendor=True)
        index = len(self.world.people) - 1
        self.styles[index] = self._style(person, dice)
        return self._movement(index, "hire", day, (-1, ""))


def _other_department(department: int, dice: Dice) -> int:
    return (department + 1 + dice.below(len(titles.DEPARTMENTS) - 1)) % len(titles.DEPARTMENTS)


def _company_name_candidates(company: Company, dice: Dice) -> Iterator[str]:
    """The vendor's spelling; if another company already has it, plainer ones."""
    roll = dice.random()
    if roll < 0.22:
        yield names.company_name_variant(company.name, dice, typo_p=0.1)
    elif roll < 0.25:
        yield names.typo(company.name, dice)
    yield company.name
    for suffix in names.LEGAL_SUFFIXES:
        yield company.name + suffix
    yield f"{company.name} ({company.domain})"


def _company_domain(company: Company, dice: Dice) -> str:
    roll = dice.random()
    if roll < 0.07:
        return ""
    return f"www.{company.domain}" if roll < 0.15 else company.domain
