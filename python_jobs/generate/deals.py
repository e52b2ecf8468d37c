"""Deals: the CRM's opportunities and the partner network's registrations of them.

About 0.5 CRM opportunities per company (more at companies in the opportunity and customer
stages), lognormal amounts, and a description built from templates (product, industry, pain
point, a detail) that the semantic layer embeds. The partner network mirrors ~30% of them under
its own ids ('PN-...'), with the account spelled its own way, the amount within +-5%, the close
date within +-21 days and the text reworded; ~20% more of its deals have no CRM counterpart.
ground_truth/opportunity_pairs.csv lists the true pairs. For partner deals, company_identities
uses the partner_opportunity_id as source_record_id (the deal's account is the company record).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

import numpy as np

from python_jobs.generate import names
from python_jobs.generate.clock import DAY, epoch, iso_date, iso_utc, source_timestamp
from python_jobs.generate.crm import CrmIndex, id_block
from python_jobs.generate.noise import INVALID_AMOUNTS, INVALID_DATES, INVALID_SHARE, with_replays
from python_jobs.generate.rand import STATIC, Dice, Stream, cumulative, generator
from python_jobs.generate.rows import (
    CompanyIdentityRow,
    CrmOpportunityRow,
    OpportunityPairRow,
    PartnerOpportunityRow,
)
from python_jobs.generate.sinks import Outputs
from python_jobs.generate.world import ChunkWorld, Company

OPPORTUNITY_ID_BASE, OPPORTUNITY_ID_BLOCK = 300_000_000, 10_000
PARTNER_ID_BLOCK = 100_000
MIRROR_SHARE = 0.30  # CRM deals the partner network also registers
PARTNER_ONLY_SHARE = 0.20  # partner deals without a CRM counterpart, per CRM deal

# Expected deals per company by lifecycle stage: averages ~0.5 over the stage mix.
DEALS_PER_COMPANY = {
    "subscriber": 0.05,
    "lead": 0.15,
    "marketing_qualified_lead": 0.25,
    "sales_qualified_lead": 0.6,
    "opportunity": 1.6,
    "customer": 1.3,
    "evangelist": 1.0,
    "other": 0.1,
}
STAGES = ("prospecting", "qualification", "proposal", "negotiation", "closed_won", "closed_lost")
STAGE_WEIGHTS = cumulative((15, 15, 12, 8, 25, 25))
CLOSED = {"closed_won", "closed_lost"}

# fmt: off
PRODUCTS = (
    "Analytics Platform", "Data Pipeline", "Security Suite", "CRM Integration",
    "Customer Data Platform", "Marketing Automation", "Revenue Intelligence", "Observability",
    "Identity Management", "Billing Engine", "Workflow Automation", "Data Warehouse",
)
# fmt: on
DEAL_TYPES = ("New Business", "Expansion", "Renewal", "Pilot", "Upgrade")
PAIN_POINTS = (
    "reduce churn in their mid-market segment",
    "consolidate fragmented customer data across regions",
    "speed up the month-end close",
    "improve pipeline visibility for the sales team",
    "replace a legacy on-premise system before the support contract ends",
    "cut cloud infrastructure costs",
    "meet new compliance requirements for audit logging",
    "shorten onboarding time for new customers",
    "automate manual reporting in finance",
    "give marketing a single view of campaign performance",
    "detect security incidents faster",
    "scale order processing for the holiday season",
    "standardize data definitions across business units",
    "integrate two acquired companies' customer records",
    "forecast demand more accurately",
)
DETAILS = (
    "Champion is the {title}.",
    "Budget approved for {seats} seats.",
    "Competing against {competitor}.",
    "Security review in progress.",
    "Legal is reviewing the MSA.",
    "Decision expected in {quarter}.",
    "Procurement asked for a three-year term.",
    "Proof of concept completed successfully.",
    "Executive sponsor joined the last call.",
    "Needs SSO and SOC 2 report before signing.",
)
COMPETITORS = ("Salesforce", "HubSpot", "Snowflake", "Databricks", "an in-house build", "Oracle")
CHAMPIONS = ("VP Sales", "Director of Marketing", "CTO", "Head of Data", "CFO", "VP of Engineering")
# fmt: off
PARTNERS = (
    "Northstar Partners", "CloudBridge Consulting", "Apex Channel Group", "Summit Resellers",
    "BlueOcean Alliances", "Vertex Solutions Partners", "Keystone Integrators",
)
# fmt: on
# The partner's words for the same things: applied at random to names and descriptions.
REWORDINGS = (
    ("is evaluating our", "is assessing the"),
    (" to ", " in order to "),
    ("Expansion", "Upsell"),
    ("New Business", "New Logo"),
    ("Renewal", "Contract Renewal"),
    ("Pilot", "Proof of Concept"),
    ("Upgrade", "Tier Upgrade"),
    ("Platform", "Suite"),
    ("reduce", "lower"),
    ("improve", "boost"),
    ("consolidate", "unify"),
    ("Decision expected", "Close targeted"),
    ("Budget approved", "Funding"),
    ("Competing against", "Competition:"),
    ("Champion is", "Main contact is"),
)


@dataclass(frozen=True)
class Deal:
    """A true deal, before any system writes it down."""

    company: int
    name: str
    description: str
    amount: float
    currency: str
    stage: str
    created: int  # epoch seconds
    close: int


def _currency(company: Company, dice: Dice) -> str:
    if company.country.code == "GB":
        return "GBP" if dice.chance(0.8) else "USD"
    if company.country.code in {"DE", "FR", "NL", "ES"}:
        return "EUR" if dice.chance(0.8) else "USD"
    return "USD" if dice.chance(0.97) else dice.pick(("EUR", "CAD"))


def _new_deal(world: ChunkWorld, index: int, start: int, dice: Dice) -> Deal:
    company = world.companies[index]
    product, deal_type = dice.pick(PRODUCTS), dice.pick(DEAL_TYPES)
    detail = dice.pick(DETAILS).format(
        title=dice.pick(CHAMPIONS),
        seats=25 * dice.between(2, 80),
        competitor=dice.pick(COMPETITORS),
        quarter=f"Q{dice.between(1, 4)}",
    )
    stage = dice.pick_weighted(STAGES, STAGE_WEIGHTS)
    created = start - DAY * dice.between(10, 365) + dice.below(DAY)
    if stage in CLOSED:
        close = min(created + DAY * dice.between(20, 180), start - DAY)
    else:
        close = start + DAY * dice.between(5, 180)
    median = 8_000 + company.employees * 40
    amount = min(median * math.exp(dice.normal()), 5_000_000.0)  # lognormal, sigma 1
    return Deal(
        company=index,
        name=f"{company.name} - {product} {deal_type}",
        description=(
            f"{company.name} ({company.industry}) is evaluating our {product} to "
            f"{dice.pick(PAIN_POINTS)}. {detail}"
        ),
        amount=round(max(amount, 500.0), 2),
        currency=_currency(company, dice),
        stage=stage,
        created=created,
        close=close // DAY * DAY,
    )


def _crm_row(
    deal: Deal, record_id: str, company_id: str, owner: str, dice: Dice
) -> CrmOpportunityRow:
    row = CrmOpportunityRow(
        crm_opportunity_id=record_id,
        crm_company_id=company_id,
        opportunity_name=deal.name,
        description="" if dice.chance(0.03) else deal.description,
        amount=f"{deal.amount:.2f}",
        currency="" if dice.chance(0.02) else deal.currency,
        stage=deal.stage,
        close_date=iso_date(deal.close),
        owner=owner,
        created_at=source_timestamp(deal.created, dice),
        updated_at=source_timestamp(
            deal.created + dice.below(max(DAY, deal.close - deal.created)), dice
        ),
    )
    if dice.chance(INVALID_SHARE):
        if dice.chance(0.6):
            return row._replace(amount=dice.pick(INVALID_AMOUNTS))
        return row._replace(close_date=dice.pick(INVALID_DATES))
    return row


def _reword(text: str, dice: Dice) -> str:
    for old, new in REWORDINGS:
        if old in text and dice.chance(0.6):
            text = text.replace(old, new, 1)
    sentences = text.split(". ")
    if len(sentences) > 1 and dice.chance(0.3):
        sentences = sentences[1:] + sentences[:1]
        text = ". ".join(part.rstrip(".") for part in sentences) + "."
    return text


def _partner_stage(stage: str, dice: Dice) -> str:
    """Partners report a step behind now and then."""
    position = STAGES.index(stage)
    if stage not in CLOSED and position > 0 and dice.chance(0.2):
        return STAGES[position - 1]
    return stage


def _partner_domain(company: Company, dice: Dice) -> str:
    roll = dice.random()
    if roll < 0.2:
        return ""
    return company.domain if roll < 0.5 else names.website_variant(company.domain, dice)


def _partner_row(deal: Deal, company: Company, record_id: str, dice: Dice) -> PartnerOpportunityRow:
    amount = deal.amount * (0.96 + 0.08 * dice.random())
    rounded = round(amount / 100) * 100  # partners like round numbers...
    if abs(rounded / deal.amount - 1) <= 0.05 and dice.chance(0.5):  # ...within +-5% still
        amount = rounded
    close = deal.close + DAY * dice.between(-21, 21)
    account = (
        company.name
        if dice.chance(0.2)
        else names.company_name_variant(company.name, dice, typo_p=0.25)
    )
    row = PartnerOpportunityRow(
        partner_opportunity_id=record_id,
        partner_name=dice.pick(PARTNERS),
        account_name=account,
        account_domain=_partner_domain(company, dice),
        opportunity_name=_reword(deal.name.replace(company.name, account.strip(), 1), dice),
        description=_reword(deal.description, dice),
        amount=f"{amount:.2f}",
        currency=deal.currency,
        stage=_partner_stage(deal.stage, dice),
        expected_close_date=iso_date(close),
        registered_at=iso_utc(deal.created + dice.below(20 * DAY)),
    )
    if dice.chance(INVALID_SHARE):
        if dice.chance(0.6):
            return row._replace(amount=dice.pick(INVALID_AMOUNTS))
        return row._replace(expected_close_date=dice.pick(INVALID_DATES))
    return row


def _crm_deals(world: ChunkWorld, start: int, rng: np.random.Generator, dice: Dice) -> list[Deal]:
    rates = np.array([DEALS_PER_COMPANY[c.lifecycle_stage] for c in world.companies])
    counts = rng.poisson(rates).tolist()
    return [_new_deal(world, i, start, dice) for i, n in enumerate(counts) for _ in range(n)]


def write_deals(
    world: ChunkWorld, crm: CrmIndex, seed: int, start_month: date, outputs: Outputs
) -> None:
    """The chunk's CRM and partner opportunities, with pairs and partner company identities."""
    start = epoch(start_month)
    rng = generator(seed, world.chunk, STATIC, Stream.OPPORTUNITIES)
    dice = Dice(rng)
    deals = _crm_deals(world, start, rng, dice)
    crm_ids = id_block(rng, OPPORTUNITY_ID_BASE, OPPORTUNITY_ID_BLOCK, world.chunk, len(deals))
    crm_rows = []
    for deal, record_id in zip(deals, crm_ids, strict=True):
        duplicate = crm.company_duplicate_ids[deal.company]
        company_id = duplicate if duplicate and dice.chance(0.2) else crm.company_ids[deal.company]
        crm_rows.append(
            _crm_row(deal, record_id, company_id, crm.company_owners[deal.company], dice)
        )
    crm_rows.sort(key=lambda row: int(row.crm_opportunity_id))
    outputs.raw["crm_opportunities"].write(with_replays(crm_rows, dice))
    _write_partner(world, deals, crm_ids, seed, start, outputs)


def _write_partner(
    world: ChunkWorld,
    deals: list[Deal],
    crm_ids: list[str],
    seed: int,
    start: int,
    outputs: Outputs,
) -> None:
    rng = generator(seed, world.chunk, STATIC, Stream.PARTNER)
    dice = Dice(rng)
    mirrored = [
        (deal, crm_id)
        for deal, crm_id in zip(deals, crm_ids, strict=True)
        if dice.chance(MIRROR_SHARE)
    ]
    weights = np.array([c.propensity for c in world.companies])
    extra_companies = rng.choice(
        len(world.companies),
        size=rng.poisson(PARTNER_ONLY_SHARE * len(deals)),
        p=weights / weights.sum(),
    )
    registered = mirrored + [(_new_deal(world, int(i), start, dice), "") for i in extra_companies]
    order = rng.permutation(len(registered)).tolist()  # the partner's numbering knows no CRM order
    rows, pairs, identities = [], [], []
    for number, position in enumerate(order):
        deal, crm_id = registered[position]
        record_id = f"PN-{world.chunk * PARTNER_ID_BLOCK + number + 1:08d}"
        company = world.companies[deal.company]
        rows.append(_partner_row(deal, company, record_id, dice))
        identities.append(CompanyIdentityRow("partner", record_id, company.true_id))
        if crm_id:
            pairs.append(OpportunityPairRow(record_id, crm_id))
    outputs.raw["partner_opportunities"].write(with_replays(rows, dice))
    outputs.truth["opportunity_pairs"].write(pairs)
    outputs.truth["company_identities"].write(identities)
