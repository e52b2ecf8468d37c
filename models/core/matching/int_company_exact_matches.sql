-- One row per company record that shares its normalized domain with another record: an exact
-- ("perfect") match, as an edge from the record to its domain group's anchor (the most trusted,
-- then oldest record). Star edges carry the same connectivity as all pairs at linear size.
-- Free-mail domains identify no company and never match.
with

int_company_records as (
    select
        workspace_id,
        company_record_id,
        company_domain,
        trust_rank,
        first_loaded_at
    from {{ ref('int_company_records') }}
    where company_domain is not null
),

free_mail_domains as (
    select free_mail_domain from {{ ref('free_mail_domains') }}
),

corporate_domain_records as (
    select int_company_records.*
    from int_company_records
    left join free_mail_domains
        on int_company_records.company_domain = free_mail_domains.free_mail_domain
    where free_mail_domains.free_mail_domain is null
),

domain_groups as (
    select
        *,
        first_value(company_record_id) over (
            partition by workspace_id, company_domain
            order by trust_rank, first_loaded_at, company_record_id
        ) as anchor_record_id
    from corporate_domain_records
),

edges as (
    select
        workspace_id,
        company_record_id,
        anchor_record_id,
        'exact_domain' as match_method,
        company_domain as matched_value
    from domain_groups
    where company_record_id <> anchor_record_id
)

select * from edges
