"""The raw feeds: one entry per table in the `raw` schema, the CSV header each file must carry.

This is the contract between whoever produces files (users, vendors, `revops generate`) and the
loader: a file of kind K must have exactly the columns of RAW_FEEDS[K].columns (order free, case
and surrounding blanks ignored). Every column lands as text; staging casts and rejects. The loader
adds the lineage columns below to every row.
"""

from __future__ import annotations

from dataclasses import dataclass

# Added by the loader to every raw row, never present in a file.
LINEAGE_COLUMNS: tuple[str, ...] = (
    "workspace_id",
    "load_batch_id",
    "source_row_number",
    "loaded_at",
)


@dataclass(frozen=True)
class RawFeed:
    kind: str  # the name users pass to `revops load --kind`
    table: str  # table in the raw schema
    columns: tuple[str, ...]  # CSV header, in the order the generator writes it
    description: str


RAW_FEEDS: dict[str, RawFeed] = {
    feed.kind: feed
    for feed in (
        RawFeed(
            kind="crm_companies",
            table="crm_companies",
            columns=(
                "crm_company_id",
                "company_name",
                "website",
                "industry",
                "employee_count",
                "annual_revenue",
                "phone",
                "state",
                "country",
                "owner",
                "lifecycle_stage",
                "created_at",
                "updated_at",
            ),
            description="Companies (accounts) exported from the primary CRM.",
        ),
        RawFeed(
            kind="crm_people",
            table="crm_people",
            columns=(
                "crm_person_id",
                "crm_company_id",
                "full_name",
                "email",
                "phone",
                "title",
                "linkedin_url",
                "country",
                "owner",
                "lifecycle_stage",
                "created_at",
                "updated_at",
            ),
            description="People (contacts) exported from the primary CRM.",
        ),
        RawFeed(
            kind="crm_opportunities",
            table="crm_opportunities",
            columns=(
                "crm_opportunity_id",
                "crm_company_id",
                "opportunity_name",
                "description",
                "amount",
                "currency",
                "stage",
                "close_date",
                "owner",
                "created_at",
                "updated_at",
            ),
            description="Opportunities (deals) from the primary CRM.",
        ),
        RawFeed(
            kind="partner_opportunities",
            table="partner_opportunities",
            columns=(
                "partner_opportunity_id",
                "partner_name",
                "account_name",
                "account_domain",
                "opportunity_name",
                "description",
                "amount",
                "currency",
                "stage",
                "expected_close_date",
                "registered_at",
            ),
            description=(
                "Deal registrations from the partner network: many of the CRM's deals under"
                " other ids, names and spellings."
            ),
        ),
        RawFeed(
            kind="engagement_events",
            table="engagement_events",
            columns=(
                "event_id",
                "event_type",
                "occurred_at",
                "crm_person_id",
                "person_email",
                "crm_company_id",
                "source_system",
                "campaign_id",
                "page_url",
                "reply_sentiment",
            ),
            description="Engagement events: email, meeting, web, content and form activity.",
        ),
        RawFeed(
            kind="vendor_people_snapshots",
            table="vendor_people_snapshots",
            columns=(
                "vendor_person_id",
                "snapshot_date",
                "full_name",
                "email",
                "phone",
                "title",
                "seniority",
                "department",
                "company_name",
                "company_domain",
                "linkedin_url",
                "country",
            ),
            description="People as an enrichment vendor sees them, one delivery per month.",
        ),
        RawFeed(
            kind="backfill_people",
            table="backfill_people",
            columns=(
                "legacy_person_id",
                "legacy_company_id",
                "company_name",
                "company_domain",
                "full_name",
                "email",
                "phone",
                "title",
                "seniority",
                "linkedin_url",
                "opens",
                "replies",
                "meetings",
                "last_activity_date",
            ),
            description=(
                "The one-time legacy backfill: people with their company and historical"
                " engagement counts (opens, replies, meetings)."
            ),
        ),
    )
}

# The generator's answer key, loaded into the `ground_truth` schema; models never read it.
GROUND_TRUTH_TABLES: dict[str, tuple[str, ...]] = {
    # which true company each source company record describes
    "company_identities": ("source", "source_record_id", "true_company_id"),
    # which true person each source person record describes
    "person_identities": ("source", "source_record_id", "true_person_id"),
    # the job changes the generator made happen, one row per person per movement
    "movements": (
        "true_person_id",
        "movement_type",
        "snapshot_date",
        "from_true_company_id",
        "to_true_company_id",
        "from_title",
        "to_title",
    ),
    # which partner-network deal describes which CRM deal
    "opportunity_pairs": ("partner_opportunity_id", "crm_opportunity_id"),
}
