
-- Fixture for person_name_affixes
select cast(null as text) as "affix", cast(null as text) as "affix_position", cast(null as text) as "affix_type", cast(null as text) as "description"
    limit 0