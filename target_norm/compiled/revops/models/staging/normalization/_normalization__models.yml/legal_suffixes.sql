
-- Fixture for legal_suffixes
select cast(null as text) as "legal_suffix", cast(null as text) as "legal_form", cast(null as text) as "region"
    limit 0