"""One row type per output file, fields in the order of the file contract.

The contract lives in python_jobs/load/raw_tables.py (RAW_FEEDS, GROUND_TRUTH_TABLES); the
tests check that these field lists equal it. All values are strings; '' means missing.
"""

from __future__ import annotations

from typing import NamedTuple


class CrmCompanyRow(NamedTuple):
    crm_company_id: str
    company_name: str
    website: str
    industry: str
    employee_count: str
    annual_revenue: str
    phone: str
    state: str
    country: str
    owner: str
    lifecycle_stage: str
    created_at: str
    updated_at: str


class CrmPersonRow(NamedTuple):
    crm_person_id: str
    crm_company_id: str
    full_name: str
    email: str
    phone: str
    title: str
    linkedin_url: str
    country: str
    owner: str
    lifecycle_stage: str
    created_at: str
    updated_at: str


class CrmOpportunityRow(NamedTuple):
    crm_opportunity_id: str
    crm_company_id: str
    opportunity_name: str
    description: str
    amount: str
    currency: str
    stage: str
    close_date: str
    owner: str
    created_at: str
    updated_at: str


class PartnerOpportunityRow(NamedTuple):
    partner_opportunity_id: str
    partner_name: str
    account_name: str
    account_domain: str
    opportunity_name: str
    description: str
    amount: str
    currency: str
    stage: str
    expected_close_date: str
    registered_at: str


class EngagementEventRow(NamedTuple):
    event_id: str
    event_type: str
    occurred_at: str
    crm_person_id: str
    person_email: str
    crm_company_id: str
    source_system: str
    campaign_id: str
    page_url: str
    reply_sentiment: str


class VendorPersonRow(NamedTuple):
    vendor_person_id: str
    snapshot_date: str
    full_name: str
    email: str
    phone: str
    title: str
    seniority: str
    department: str
    company_name: str
    company_domain: str
    linkedin_url: str
    country: str


class BackfillPersonRow(NamedTuple):
    legacy_person_id: str
    legacy_company_id: str
    company_name: str
    company_domain: str
    full_name: str
    email: str
    phone: str
    title: str
    seniority: str
    linkedin_url: str
    opens: str
    replies: str
    meetings: str
    last_activity_date: str


class CompanyIdentityRow(NamedTuple):
    source: str
    source_record_id: str
    true_company_id: str


class PersonIdentityRow(NamedTuple):
    source: str
    source_record_id: str
    true_person_id: str


class MovementRow(NamedTuple):
    true_person_id: str
    movement_type: str
    snapshot_date: str
    from_true_company_id: str
    to_true_company_id: str
    from_title: str
    to_title: str


class OpportunityPairRow(NamedTuple):
    partner_opportunity_id: str
    crm_opportunity_id: str


RAW_ROW_TYPES: dict[str, type[tuple]] = {
    "crm_companies": CrmCompanyRow,
    "crm_people": CrmPersonRow,
    "crm_opportunities": CrmOpportunityRow,
    "partner_opportunities": PartnerOpportunityRow,
    "engagement_events": EngagementEventRow,
    "vendor_people_snapshots": VendorPersonRow,
    "backfill_people": BackfillPersonRow,
}
TRUTH_ROW_TYPES: dict[str, type[tuple]] = {
    "company_identities": CompanyIdentityRow,
    "person_identities": PersonIdentityRow,
    "movements": MovementRow,
    "opportunity_pairs": OpportunityPairRow,
}
