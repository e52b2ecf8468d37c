"""Engagement events, one month of one chunk at a time, vectorized with numpy.

Events are the bulk of the data (~10 per CRM contact per year), so they are drawn as arrays:
  * an email funnel per send: open ~35% of sends, click ~15% of opens, reply ~3% of sends,
    bounce ~2%, unsubscribe ~0.5%; a reply has a sentiment, and positive replies book most of
    the meetings (~25% of replies), ~80% of which are held;
  * web, content, form and webinar events at a lower rate (~20% of all events).
Volumes scale with the account's intent propensity (lognormal: a few accounts run hot), a
monthly swing per account, and a per-contact activity factor. Each month draws from its own
(seed, chunk, month) stream, and event ids encode (month, chunk, position), so earlier months are
identical whatever the number of months generated.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields
from datetime import date

import numpy as np

from python_jobs.generate import names
from python_jobs.generate.clock import DAY, add_months, epoch, iso_utc_many
from python_jobs.generate.crm import CrmIndex
from python_jobs.generate.noise import (
    INVALID_DATES,
    INVALID_SHARE,
    UNKNOWN_EVENT_TYPES,
    expected_count,
    with_replays,
)
from python_jobs.generate.rand import STATIC, Dice, Stream, generator, scramble64
from python_jobs.generate.rows import EngagementEventRow
from python_jobs.generate.sinks import Outputs
from python_jobs.generate.world import ChunkWorld


@dataclass(frozen=True)
class EventKind:
    name: str
    source: str  # the system that reports it (email_sent also comes from CRM sequences)
    person_id_share: float  # events that carry the CRM person id
    email_share: float  # events that carry an email (always, when there is no person id)


# fmt: off
KINDS = (
    EventKind("email_sent", "marketing_automation", 0.99, 0.15),
    EventKind("email_open", "marketing_automation", 0.99, 0.15),
    EventKind("email_click", "marketing_automation", 0.99, 0.15),
    EventKind("email_reply", "marketing_automation", 0.99, 0.15),
    EventKind("email_bounce", "marketing_automation", 0.99, 0.15),
    EventKind("email_unsubscribe", "marketing_automation", 0.99, 0.15),
    EventKind("meeting_booked", "crm", 0.99, 0.15),
    EventKind("meeting_held", "crm", 0.99, 0.15),
    EventKind("demo_request", "marketing_automation", 0.45, 1.0),  # web forms: email first
    EventKind("pricing_page_view", "web_analytics", 0.7, 0.1),
    EventKind("web_visit", "web_analytics", 0.7, 0.1),
    EventKind("content_download", "marketing_automation", 0.45, 1.0),
    EventKind("form_fill", "marketing_automation", 0.45, 1.0),
    EventKind("webinar_attended", "webinar_platform", 0.2, 1.0),
)
(SENT, OPEN, CLICK, REPLY, BOUNCE, UNSUBSCRIBE, BOOKED, HELD,
 DEMO, PRICING, VISIT, CONTENT, FORM, WEBINAR) = range(len(KINDS))
# fmt: on
EVENT_TYPES = tuple(kind.name for kind in KINDS)
EMAIL_TYPES = (SENT, OPEN, CLICK, REPLY, BOUNCE, UNSUBSCRIBE)
DUPLICATE_RECORD_SHARE = 0.3  # events filed under a contact's duplicate record, when it has one

SENDS_PER_MONTH = 0.45  # per contact at average intent
BOUNCE_RATE, OPEN_RATE, CLICK_RATE, REPLY_RATE, UNSUBSCRIBE_RATE = 0.02, 0.35, 0.15, 0.03, 0.005
SENTIMENTS = ("positive", "neutral", "negative")
SENTIMENT_SHARES = (0.35, 0.45, 0.20)
BOOK_RATE_BY_SENTIMENT = np.array([0.6, 0.1, 0.0])  # ~25% of replies overall
HELD_RATE = 0.8
WEB_RATES = {VISIT: 0.10, PRICING: 0.025, CONTENT: 0.03, FORM: 0.015, DEMO: 0.005, WEBINAR: 0.012}
CAMPAIGNS_PER_MONTH = 12

SITE = "https://www.signalforge.io"  # the seller's own website
# fmt: off
PAGES = {
    VISIT: ("/", "/product", "/customers", "/blog/buyer-intent-101", "/integrations/salesforce",
            "/blog/revops-metrics", "/about", "/security"),
    PRICING: ("/pricing", "/pricing?plan=enterprise", "/pricing#compare"),
    CONTENT: ("/resources/state-of-revops-2025.pdf", "/resources/intent-data-playbook",
              "/resources/roi-calculator"),
    FORM: ("/contact", "/newsletter", "/resources/intent-data-playbook"),
    DEMO: ("/demo", "/book-a-demo"),
}
# fmt: on


@dataclass(frozen=True)
class Contacts:
    """Per CRM contact of the chunk, what its events carry; fixed before any month runs."""

    company: np.ndarray  # company index
    activity: np.ndarray  # company propensity x personal activity
    person_id: np.ndarray  # object arrays of str from here on
    duplicate_id: np.ndarray  # '' where the contact has no duplicate record
    company_id: np.ndarray
    email: np.ndarray  # work email
    typed_email: np.ndarray  # what the contact types into a form
    n_companies: int

    def __len__(self) -> int:
        return len(self.company)


def build_contacts(world: ChunkWorld, crm: CrmIndex, seed: int) -> Contacts:
    rng = generator(seed, world.chunk, STATIC, Stream.EVENTS)
    dice = Dice(rng)
    indices = sorted(crm.person_ids)
    people = [world.people[i] for i in indices]
    company = np.array([p.company for p in people], dtype=np.int64)
    propensity = np.array([c.propensity for c in world.companies])
    personal = rng.lognormal(-0.245, 0.7, len(people))  # mean 1
    return Contacts(
        company=company,
        activity=propensity[company] * personal if len(people) else np.zeros(0),
        person_id=_objects(crm.person_ids[i] for i in indices),
        duplicate_id=_objects(crm.person_duplicate_ids.get(i, "") for i in indices),
        company_id=_objects(crm.person_company_ids[i] for i in indices),
        email=_objects(p.email for p in people),
        typed_email=_objects(_typed_email(p.email, p.personal_email, dice) for p in people),
        n_companies=len(world.companies),
    )


def _objects(values: Iterable[str]) -> np.ndarray:
    """A 1-d object array of str (np.array would make fixed-width unicode, slow to index)."""
    items = list(values)
    array = np.empty(len(items), dtype=object)
    array[:] = items
    return array


def _typed_email(work: str, personal: str, dice: Dice) -> str:
    roll = dice.random()
    if roll < 0.7:
        return work
    if roll < 0.88:
        return personal
    return work.upper() if roll < 0.94 else f" {work} "


# --- drawing one month --------------------------------------------------------------------------


@dataclass
class _Draws:
    """Events of one month as parallel arrays, before they become rows."""

    contact: np.ndarray
    kind: np.ndarray
    time: np.ndarray
    campaign: np.ndarray  # -1 where none
    sentiment: np.ndarray  # -1 where none
    page: np.ndarray  # index into the type's pages, -1 where none


def _times(rng: np.random.Generator, n: int, start: int, end: int) -> np.ndarray:
    """Mostly business hours (13:00-22:00 UTC covers the US working day), some any time."""
    day = rng.integers(0, (end - start) // DAY, n)
    working = rng.random(n) < 0.8
    seconds = np.where(working, 13 * 3600 + rng.integers(0, 9 * 3600, n), rng.integers(0, DAY, n))
    return start + day * DAY + seconds


def _later(
    rng: np.random.Generator, times: np.ndarray, mean_seconds: float, end: int
) -> np.ndarray:
    """A follow-up some exponential delay later, kept inside the month."""
    delays = rng.exponential(mean_seconds, len(times)).astype(np.int64)
    return np.minimum(times + 1 + delays, end - 1)


def _email_funnel(rng: np.random.Generator, heat: np.ndarray, start: int, end: int) -> list[_Draws]:
    sends = rng.poisson(np.minimum(SENDS_PER_MONTH * heat, 30.0))
    contact = np.repeat(np.arange(len(heat)), sends)
    n = len(contact)
    sent_at = _times(rng, n, start, end)
    campaign = rng.integers(0, CAMPAIGNS_PER_MONTH, n)
    roll = rng.random((6, n))
    bounced = roll[0] < BOUNCE_RATE
    opened = ~bounced & (roll[1] < OPEN_RATE)
    clicked = opened & (roll[2] < CLICK_RATE)
    replied = ~bounced & (roll[3] < REPLY_RATE)
    unsubscribed = opened & ~replied & (roll[4] < UNSUBSCRIBE_RATE / OPEN_RATE)
    sentiment = rng.choice(len(SENTIMENTS), size=n, p=SENTIMENT_SHARES)
    booked = replied & (roll[5] < BOOK_RATE_BY_SENTIMENT[sentiment])
    held = booked & (rng.random(n) < HELD_RATE)
    opened_at = _later(rng, sent_at, 5 * 3600, end)
    replied_at = _later(rng, sent_at, 1.5 * DAY, end)
    booked_at = _later(rng, replied_at, 0.5 * DAY, end)
    stages = (
        (SENT, np.ones(n, dtype=bool), sent_at),
        (OPEN, opened, opened_at),
        (CLICK, clicked, _later(rng, opened_at, 600, end)),
        (REPLY, replied, replied_at),
        (BOUNCE, bounced, _later(rng, sent_at, 120, end)),
        (UNSUBSCRIBE, unsubscribed, _later(rng, opened_at, 3600, end)),
        (BOOKED, booked, booked_at),
        (HELD, held, _later(rng, booked_at, 5 * DAY, end)),
    )
    draws = []
    for kind, mask, times in stages:
        count = int(mask.sum())
        draws.append(
            _Draws(
                contact=contact[mask],
                kind=np.full(count, kind),
                time=times[mask],
                campaign=campaign[mask] if kind in EMAIL_TYPES else np.full(count, -1),
                sentiment=sentiment[mask] if kind == REPLY else np.full(count, -1),
                page=np.full(count, -1),
            )
        )
    return draws


def _web_events(rng: np.random.Generator, heat: np.ndarray, start: int, end: int) -> list[_Draws]:
    draws = []
    for kind, rate in WEB_RATES.items():
        contact = np.repeat(np.arange(len(heat)), rng.poisson(rate * heat))
        n = len(contact)
        pages = len(PAGES.get(kind, ()))
        draws.append(
            _Draws(
                contact=contact,
                kind=np.full(n, kind),
                time=_times(rng, n, start, end),
                campaign=rng.integers(0, CAMPAIGNS_PER_MONTH, n)
                if kind == WEBINAR
                else np.full(n, -1),
                sentiment=np.full(n, -1),
                page=rng.integers(0, pages, n) if pages else np.full(n, -1),
            )
        )
    return draws


def _concat(parts: list[_Draws]) -> _Draws:
    """All of the month's events, in time order."""
    columns = [field.name for field in fields(_Draws)]
    joined = _Draws(*(np.concatenate([getattr(part, name) for part in parts]) for name in columns))
    order = np.argsort(joined.time, kind="stable")
    return _Draws(*(getattr(joined, name)[order] for name in columns))


# --- rows ---------------------------------------------------------------------------------------


def _lookup(labels: list[str], index: np.ndarray) -> np.ndarray:
    """labels[index] with '' for -1."""
    table = _objects([*labels, ""])
    return table[np.where(index < 0, len(labels), index)]


def _columns(
    draws: _Draws, contacts: Contacts, rng: np.random.Generator, month_label: str
) -> dict[str, np.ndarray]:
    n = len(draws.kind)
    who = draws.contact
    roll = rng.random((6, n))
    person_id_share = np.array([kind.person_id_share for kind in KINDS])
    email_share = np.array([kind.email_share for kind in KINDS])
    has_person = roll[0] < person_id_share[draws.kind]
    has_email = (roll[1] < email_share[draws.kind]) | ~has_person  # never neither
    use_duplicate = (contacts.duplicate_id[who] != "") & (roll[2] < DUPLICATE_RECORD_SHARE)
    person_id = np.where(use_duplicate, contacts.duplicate_id[who], contacts.person_id[who])
    email = np.where(roll[3] < 0.5, contacts.typed_email[who], contacts.email[who])
    has_company = np.where(has_person, roll[4] < 0.95, roll[4] < 0.1)
    source = _objects(kind.source for kind in KINDS)[draws.kind]
    source[(draws.kind == SENT) & (roll[5] < 0.25)] = "crm"  # sequences sent from the CRM
    email_campaigns = [f"cmp-{month_label}-{k:02d}" for k in range(CAMPAIGNS_PER_MONTH)]
    webinars = [f"web-{month_label}-{k:02d}" for k in range(CAMPAIGNS_PER_MONTH)]
    page = _objects([""] * n)
    for kind, paths in PAGES.items():
        mask = draws.kind == kind
        page[mask] = _lookup([SITE + path for path in paths], draws.page[mask])
    return {
        "event_type": _objects(EVENT_TYPES)[draws.kind],
        "occurred_at": _objects(iso_utc_many(draws.time)),
        "crm_person_id": np.where(has_person, person_id, ""),
        "person_email": np.where(has_email, email, ""),
        "crm_company_id": np.where(has_company, contacts.company_id[who], ""),
        "source_system": source,
        "campaign_id": np.where(
            draws.kind == WEBINAR,
            _lookup(webinars, draws.campaign),
            _lookup(email_campaigns, draws.campaign),
        ),
        "page_url": page,
        "reply_sentiment": _lookup(list(SENTIMENTS), draws.sentiment),
    }


def _event_ids(chunk: int, month: int, n: int, salt: int) -> list[str]:
    """Unique per (month, chunk, position) by construction; scrambled to look like real ids."""
    keys = (
        (np.uint64(month) << np.uint64(44))
        | (np.uint64(chunk) << np.uint64(24))
        | np.arange(n, dtype=np.uint64)
    )
    return [f"evt_{value:016x}" for value in scramble64(keys, salt).tolist()]


def _invalid(values: tuple[str, ...], dice: Dice) -> EngagementEventRow:
    """Rows staging must reject: bad date, unknown type, no identifier, or a broken only key."""
    row = EngagementEventRow._make(values)
    kind = dice.below(4)
    if kind == 0:
        return row._replace(occurred_at=dice.pick(INVALID_DATES))
    if kind == 1:
        return row._replace(event_type=dice.pick(UNKNOWN_EVENT_TYPES))
    if kind == 2:
        return row._replace(crm_person_id="", person_email="")
    email = row.person_email.strip().lower() or "john.smith@example.com"
    return row._replace(crm_person_id="", person_email=names.malformed_email(email, dice))


class EngagementFeed:
    """The events of one chunk's CRM contacts, written one month at a time."""

    def __init__(
        self, world: ChunkWorld, crm: CrmIndex, seed: int, event_rate: float = 1.0
    ) -> None:
        self.seed, self.chunk, self.id_salt = seed, world.chunk, world.salts.event_id
        self.contacts = build_contacts(world, crm, seed)
        self.event_rate = event_rate  # GenerateParams.event_rate

    def deliver(self, month: int, month_first: date, outputs: Outputs) -> None:
        """Month `month` (starting on month_first) appended to that month's events file."""
        contacts = self.contacts
        if len(contacts) == 0:
            return
        start, end = epoch(month_first), epoch(add_months(month_first, 1))
        rng = generator(self.seed, self.chunk, month, Stream.EVENTS)
        swing = rng.lognormal(-0.045, 0.3, contacts.n_companies)  # this month's mood per account
        heat = contacts.activity * swing[contacts.company] * self.event_rate
        draws = _concat(_email_funnel(rng, heat, start, end) + _web_events(rng, heat, start, end))
        columns = _columns(draws, contacts, rng, month_first.strftime("%Y%m"))
        columns["event_id"] = _objects(_event_ids(self.chunk, month, len(draws.kind), self.id_salt))
        rows: list[tuple[str, ...]] = list(
            zip(*(columns[name].tolist() for name in EngagementEventRow._fields), strict=True)
        )
        dice = Dice(rng)
        for _ in range(expected_count(len(rows), INVALID_SHARE, dice)):
            position = dice.below(len(rows))
            rows[position] = _invalid(rows[position], dice)
        outputs.events(month_first).write(with_replays(rows, dice))
