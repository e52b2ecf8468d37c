"""The spec's reference sample, planted in every generated world.

The first five true companies are the spec's ACME, TechCorp, Global Industries, Innovate
Solutions and DataTech. Their legacy-backfill engagement counts are chosen so that the BIT
baselines (opens x 5 + replies x 30 + meetings x 50, summed over the company's people) are the
spec's 240, 130, 55, 350 and 50. ACME's first person is the worked example's John Smith: 3
historical replies (baseline 90), 'Sales Manager' in the first vendor snapshot and 'VP Sales'
(a promotion) in the second. These records are written without random mess, invalidity or
duplicates so that tests downstream can rely on them.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ReferenceCompany:
    name: str  # canonical (true) name
    domain: str
    crm_name: str  # as the CRM writes it
    website: str  # as the CRM writes it
    legacy_name: str  # as the legacy backfill writes it
    # (opens, replies, meetings) of the company's first backfill people, in order
    backfill_counts: tuple[tuple[int, int, int], ...]


REFERENCE_COMPANIES = (
    ReferenceCompany(
        "ACME",
        "acme.com",
        "Acme Corp.",
        "https://www.Acme.com/about",
        "ACME CORPORATION, INC.",
        ((0, 3, 0), (8, 2, 1)),  # 90 (John Smith) + 150 = 240
    ),
    ReferenceCompany(
        "TechCorp",
        "techcorp.com",
        "TechCorp, Inc.",
        "techcorp.com",
        "TECHCORP INC",
        ((4, 2, 1),),  # 130
    ),
    ReferenceCompany(
        "Global Industries",
        "globalindustries.com",
        "Global Industries LLC",
        "http://globalindustries.com",
        "Global Industries",
        ((5, 1, 0),),  # 55
    ),
    ReferenceCompany(
        "Innovate Solutions",
        "innovatesolutions.com",
        "Innovate Solutions",
        "www.innovatesolutions.com",
        "INNOVATE SOLUTIONS LTD",
        ((10, 5, 3),),  # 350
    ),
    ReferenceCompany(
        "DataTech",
        "datatech.io",
        "DataTech GmbH",
        "https://datatech.io",
        "Datatech",
        ((4, 1, 0),),  # 50
    ),
)


@dataclass(frozen=True)
class ReferencePerson:
    first: str
    last: str
    gender: str
    title: str
    phone: str  # E.164
    personal_email: str
    backfill_name: str  # as the legacy backfill writes it
    backfill_email: str
    backfill_phone: str


# The worked example: first person of ACME. His legacy row uses the spec's normalization inputs.
JOHN_SMITH = ReferencePerson(
    first="John",
    last="Smith",
    gender="m",
    title="Sales Manager",
    phone="+15551234567",
    personal_email="jsmith@gmail.com",
    backfill_name="Mr. JOHN SMITH, Jr.",
    backfill_email="John.Smith@acme.com; jsmith@gmail.com",
    backfill_phone="(555) 123-4567",
)
JOHN_SMITH_PROMOTION_MONTH = 1  # month index of the snapshot that first shows 'VP Sales'
JOHN_SMITH_PROMOTED_TITLE = "VP Sales"

# Reference companies need enough CRM people for their scripted backfill rows.
REFERENCE_MIN_CRM_PEOPLE = 3
