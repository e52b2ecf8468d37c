-- One row per account and contact among the contacts with the highest scores (workspace_id,
-- company_id, contact_rank), up to var bit_top_explanations: the structured form of
-- account_intent.top_contacts, for BI tools (a view of the contacts' intent).
{{ config(materialized='view') }}

with

int_contact_intent as (
    select
        workspace_id,
        company_id,
        person_id,
        full_name,
        title,
        tier,
        bit_score
    from {{ ref('int_contact_intent') }}
    where not is_withdrawn and company_id is not null and bit_score > 0
),

contacts_ranked as (
    select
        *,
        row_number() over (
            partition by workspace_id, company_id
            order by bit_score desc, full_name asc, person_id asc
        ) as contact_rank
    from int_contact_intent
),

top_contacts as (
    select
        workspace_id,
        company_id,
        cast(contact_rank as {{ dbt.type_int() }}) as contact_rank,
        person_id,
        {{ spreadsheet_safe('full_name') }} as full_name,
        {{ spreadsheet_safe('title') }} as title,
        tier,
        bit_score,
        {{ bit_as_of_date() }} as as_of_date
    from contacts_ranked
    where contact_rank <= {{ revops_var('bit_top_explanations') }}
)

select * from top_contacts
