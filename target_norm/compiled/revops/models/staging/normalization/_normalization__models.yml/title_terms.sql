
-- Fixture for title_terms
select cast(null as text) as "term", cast(null as text) as "replacement", cast(null as text) as "term_type"
    limit 0