
-- Fixture for phone_international_prefixes
select cast(null as text) as "dialing_prefix", cast(null as text) as "description"
    limit 0