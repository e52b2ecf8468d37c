-- One row per golden id a merge retired (workspace_id, entity_type, retired_entity_id), with
-- the id it lives on as today. A survivor can itself be retired by a later merge, so the
-- aliases are followed to the end of their chain. Models that keep ids from an earlier run
-- (the talent-flow snapshot) read their people and employers through this.
with recursive

stg_matching__entity_aliases as (
    select
        workspace_id,
        entity_type,
        retired_entity_id,
        surviving_entity_id
    from {{ ref('stg_matching__entity_aliases') }}
),

-- a retired id is never assigned again, so the chains end
alias_chains as (
    select
        workspace_id,
        entity_type,
        retired_entity_id,
        surviving_entity_id,
        1 as chain_length
    from stg_matching__entity_aliases
    union all
    select
        chains.workspace_id,
        chains.entity_type,
        chains.retired_entity_id,
        aliases.surviving_entity_id,
        chains.chain_length + 1 as chain_length
    from alias_chains as chains
    inner join stg_matching__entity_aliases as aliases
        on
            chains.workspace_id = aliases.workspace_id
            and chains.entity_type = aliases.entity_type
            and chains.surviving_entity_id = aliases.retired_entity_id
),

chain_ends as (
    select
        workspace_id,
        entity_type,
        retired_entity_id,
        surviving_entity_id as current_entity_id,
        row_number() over (
            partition by workspace_id, entity_type, retired_entity_id
            order by chain_length desc
        ) as end_rank
    from alias_chains
)

select
    workspace_id,
    entity_type,
    retired_entity_id,
    current_entity_id
from chain_ends
where end_rank = 1
