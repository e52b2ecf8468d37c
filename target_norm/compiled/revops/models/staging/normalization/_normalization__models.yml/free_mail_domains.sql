
-- Fixture for free_mail_domains
select cast(null as text) as "free_mail_domain", cast(null as text) as "provider"
    limit 0