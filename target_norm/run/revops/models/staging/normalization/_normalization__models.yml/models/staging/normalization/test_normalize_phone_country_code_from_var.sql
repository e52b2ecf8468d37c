
    -- Build actual result given inputs
with dbt_internal_unit_test_actual as (
  select
    "input_value","normalized_value", 'actual' as "actual_or_expected"
  from (
    with

 __dbt__cte__normalization_examples as (

-- Fixture for normalization_examples
select cast(null as text) as "example_id", 
    
    cast('phone' as text)
 as "field", 
    
    cast('20 7946 0958' as text)
 as "input_value", cast(null as text) as "expected_value"
union all
select cast(null as text) as "example_id", 
    
    cast('phone' as text)
 as "field", 
    
    cast('+1 555 123 4567' as text)
 as "input_value", cast(null as text) as "expected_value"
),  __dbt__cte__legal_suffixes as (

-- Fixture for legal_suffixes
select 
    
    cast('inc' as text)
 as "legal_suffix", 
    
    cast('Incorporated' as text)
 as "legal_form", 
    
    cast('US' as text)
 as "region"
union all
select 
    
    cast('incorporated' as text)
 as "legal_suffix", 
    
    cast('Incorporated' as text)
 as "legal_form", 
    
    cast('US' as text)
 as "region"
union all
select 
    
    cast('corp' as text)
 as "legal_suffix", 
    
    cast('Corporation' as text)
 as "legal_form", 
    
    cast('US' as text)
 as "region"
union all
select 
    
    cast('corporation' as text)
 as "legal_suffix", 
    
    cast('Corporation' as text)
 as "legal_form", 
    
    cast('US' as text)
 as "region"
union all
select 
    
    cast('co' as text)
 as "legal_suffix", 
    
    cast('Company' as text)
 as "legal_form", 
    
    cast('Global' as text)
 as "region"
union all
select 
    
    cast('company' as text)
 as "legal_suffix", 
    
    cast('Company' as text)
 as "legal_form", 
    
    cast('Global' as text)
 as "region"
union all
select 
    
    cast('and co' as text)
 as "legal_suffix", 
    
    cast('and Company' as text)
 as "legal_form", 
    
    cast('Global' as text)
 as "region"
union all
select 
    
    cast('llc' as text)
 as "legal_suffix", 
    
    cast('Limited liability company' as text)
 as "legal_form", 
    
    cast('US' as text)
 as "region"
union all
select 
    
    cast('limited liability company' as text)
 as "legal_suffix", 
    
    cast('Limited liability company' as text)
 as "legal_form", 
    
    cast('US' as text)
 as "region"
union all
select 
    
    cast('pllc' as text)
 as "legal_suffix", 
    
    cast('Professional limited liability company' as text)
 as "legal_form", 
    
    cast('US' as text)
 as "region"
union all
select 
    
    cast('llp' as text)
 as "legal_suffix", 
    
    cast('Limited liability partnership' as text)
 as "legal_form", 
    
    cast('US/UK' as text)
 as "region"
union all
select 
    
    cast('lp' as text)
 as "legal_suffix", 
    
    cast('Limited partnership' as text)
 as "legal_form", 
    
    cast('US/UK' as text)
 as "region"
union all
select 
    
    cast('ltd' as text)
 as "legal_suffix", 
    
    cast('Limited' as text)
 as "legal_form", 
    
    cast('UK/Commonwealth' as text)
 as "region"
union all
select 
    
    cast('limited' as text)
 as "legal_suffix", 
    
    cast('Limited' as text)
 as "legal_form", 
    
    cast('UK/Commonwealth' as text)
 as "region"
union all
select 
    
    cast('plc' as text)
 as "legal_suffix", 
    
    cast('Public limited company' as text)
 as "legal_form", 
    
    cast('UK/IE' as text)
 as "region"
union all
select 
    
    cast('pty' as text)
 as "legal_suffix", 
    
    cast('Proprietary (company)' as text)
 as "legal_form", 
    
    cast('AU/ZA' as text)
 as "region"
union all
select 
    
    cast('pte' as text)
 as "legal_suffix", 
    
    cast('Private (company)' as text)
 as "legal_form", 
    
    cast('SG' as text)
 as "region"
union all
select 
    
    cast('pvt' as text)
 as "legal_suffix", 
    
    cast('Private (company)' as text)
 as "legal_form", 
    
    cast('IN' as text)
 as "region"
union all
select 
    
    cast('bhd' as text)
 as "legal_suffix", 
    
    cast('Berhad (public company)' as text)
 as "legal_form", 
    
    cast('MY' as text)
 as "region"
union all
select 
    
    cast('sdn bhd' as text)
 as "legal_suffix", 
    
    cast('Sendirian Berhad (private company)' as text)
 as "legal_form", 
    
    cast('MY' as text)
 as "region"
union all
select 
    
    cast('gmbh' as text)
 as "legal_suffix", 
    
    cast('Gesellschaft mit beschraenkter Haftung' as text)
 as "legal_form", 
    
    cast('DE/AT/CH' as text)
 as "region"
union all
select 
    
    cast('ag' as text)
 as "legal_suffix", 
    
    cast('Aktiengesellschaft' as text)
 as "legal_form", 
    
    cast('DE/AT/CH' as text)
 as "region"
union all
select 
    
    cast('kg' as text)
 as "legal_suffix", 
    
    cast('Kommanditgesellschaft' as text)
 as "legal_form", 
    
    cast('DE/AT' as text)
 as "region"
union all
select 
    
    cast('kgaa' as text)
 as "legal_suffix", 
    
    cast('Kommanditgesellschaft auf Aktien' as text)
 as "legal_form", 
    
    cast('DE' as text)
 as "region"
union all
select 
    
    cast('ug' as text)
 as "legal_suffix", 
    
    cast('Unternehmergesellschaft' as text)
 as "legal_form", 
    
    cast('DE' as text)
 as "region"
union all
select 
    
    cast('se' as text)
 as "legal_suffix", 
    
    cast('Societas Europaea' as text)
 as "legal_form", 
    
    cast('EU' as text)
 as "region"
union all
select 
    
    cast('sa' as text)
 as "legal_suffix", 
    
    cast('Societe anonyme / Sociedad anonima' as text)
 as "legal_form", 
    
    cast('FR/ES/LatAm' as text)
 as "region"
union all
select 
    
    cast('sas' as text)
 as "legal_suffix", 
    
    cast('Societe par actions simplifiee' as text)
 as "legal_form", 
    
    cast('FR' as text)
 as "region"
union all
select 
    
    cast('sarl' as text)
 as "legal_suffix", 
    
    cast('Societe a responsabilite limitee' as text)
 as "legal_form", 
    
    cast('FR/LU' as text)
 as "region"
union all
select 
    
    cast('srl' as text)
 as "legal_suffix", 
    
    cast('Societa a responsabilita limitata' as text)
 as "legal_form", 
    
    cast('IT/RO' as text)
 as "region"
union all
select 
    
    cast('sl' as text)
 as "legal_suffix", 
    
    cast('Sociedad limitada' as text)
 as "legal_form", 
    
    cast('ES' as text)
 as "region"
union all
select 
    
    cast('sa de cv' as text)
 as "legal_suffix", 
    
    cast('Sociedad anonima de capital variable' as text)
 as "legal_form", 
    
    cast('MX' as text)
 as "region"
union all
select 
    
    cast('ltda' as text)
 as "legal_suffix", 
    
    cast('Limitada' as text)
 as "legal_form", 
    
    cast('BR/PT' as text)
 as "region"
union all
select 
    
    cast('bv' as text)
 as "legal_suffix", 
    
    cast('Besloten vennootschap' as text)
 as "legal_form", 
    
    cast('NL/BE' as text)
 as "region"
union all
select 
    
    cast('nv' as text)
 as "legal_suffix", 
    
    cast('Naamloze vennootschap' as text)
 as "legal_form", 
    
    cast('NL/BE' as text)
 as "region"
union all
select 
    
    cast('ab' as text)
 as "legal_suffix", 
    
    cast('Aktiebolag' as text)
 as "legal_form", 
    
    cast('SE/FI' as text)
 as "region"
union all
select 
    
    cast('oy' as text)
 as "legal_suffix", 
    
    cast('Osakeyhtio' as text)
 as "legal_form", 
    
    cast('FI' as text)
 as "region"
union all
select 
    
    cast('oyj' as text)
 as "legal_suffix", 
    
    cast('Julkinen osakeyhtio' as text)
 as "legal_form", 
    
    cast('FI' as text)
 as "region"
union all
select 
    
    cast('asa' as text)
 as "legal_suffix", 
    
    cast('Allmennaksjeselskap' as text)
 as "legal_form", 
    
    cast('NO' as text)
 as "region"
union all
select 
    
    cast('aps' as text)
 as "legal_suffix", 
    
    cast('Anpartsselskab' as text)
 as "legal_form", 
    
    cast('DK' as text)
 as "region"
union all
select 
    
    cast('sp z oo' as text)
 as "legal_suffix", 
    
    cast('Spolka z ograniczona odpowiedzialnoscia' as text)
 as "legal_form", 
    
    cast('PL' as text)
 as "region"
union all
select 
    
    cast('kk' as text)
 as "legal_suffix", 
    
    cast('Kabushiki kaisha' as text)
 as "legal_form", 
    
    cast('JP' as text)
 as "region"
),  __dbt__cte__normalization_settings as (

-- Fixture for normalization_settings
select 
    
    cast('phone_default_country_code' as text)
 as "setting_name", 
    
    cast('1' as integer)
 as "setting_value", 
    
    cast('1' as integer)
 as "min_value", 
    
    cast('999' as integer)
 as "max_value", 
    
    cast('E.164 country calling code' as text)
 as "unit", 
    
    cast('Country code given to a national number (one with phone_national_number_digits digits and no international prefix); 1 = North America' as text)
 as "description"
union all
select 
    
    cast('phone_national_number_digits' as text)
 as "setting_name", 
    
    cast('10' as integer)
 as "setting_value", 
    
    cast('4' as integer)
 as "min_value", 
    
    cast('14' as integer)
 as "max_value", 
    
    cast('digits' as text)
 as "unit", 
    
    cast('Length of a national number in the default country (10 in North America)' as text)
 as "description"
union all
select 
    
    cast('phone_min_digits' as text)
 as "setting_name", 
    
    cast('8' as integer)
 as "setting_value", 
    
    cast('7' as integer)
 as "min_value", 
    
    cast('15' as integer)
 as "max_value", 
    
    cast('digits' as text)
 as "unit", 
    
    cast('Fewest digits (country code included) of a number kept as E.164; shorter numbers become null' as text)
 as "description"
union all
select 
    
    cast('phone_max_digits' as text)
 as "setting_name", 
    
    cast('15' as integer)
 as "setting_value", 
    
    cast('8' as integer)
 as "min_value", 
    
    cast('15' as integer)
 as "max_value", 
    
    cast('digits' as text)
 as "unit", 
    
    cast('Most digits (country code included) of a number kept as E.164 (ITU-T E.164 allows 15); longer numbers become null' as text)
 as "description"
union all
select 
    
    cast('domain_max_length' as text)
 as "setting_name", 
    
    cast('253' as integer)
 as "setting_value", 
    
    cast('4' as integer)
 as "min_value", 
    
    cast('253' as integer)
 as "max_value", 
    
    cast('characters' as text)
 as "unit", 
    
    cast('Longest host name accepted (RFC 1035)' as text)
 as "description"
union all
select 
    
    cast('domain_label_max_length' as text)
 as "setting_name", 
    
    cast('63' as integer)
 as "setting_value", 
    
    cast('5' as integer)
 as "min_value", 
    
    cast('63' as integer)
 as "max_value", 
    
    cast('characters' as text)
 as "unit", 
    
    cast('Longest label (part between dots) of a host name (RFC 1035)' as text)
 as "description"
union all
select 
    
    cast('email_max_length' as text)
 as "setting_name", 
    
    cast('254' as integer)
 as "setting_value", 
    
    cast('6' as integer)
 as "min_value", 
    
    cast('254' as integer)
 as "max_value", 
    
    cast('characters' as text)
 as "unit", 
    
    cast('Longest email address accepted (RFC 5321 path limit)' as text)
 as "description"
union all
select 
    
    cast('email_local_part_max_length' as text)
 as "setting_name", 
    
    cast('64' as integer)
 as "setting_value", 
    
    cast('1' as integer)
 as "min_value", 
    
    cast('64' as integer)
 as "max_value", 
    
    cast('characters' as text)
 as "unit", 
    
    cast('Longest part before the @ of an email address (RFC 5321)' as text)
 as "description"
),  __dbt__cte__person_name_affixes as (

-- Fixture for person_name_affixes
select 
    
    cast('mr' as text)
 as "affix", 
    
    cast('prefix' as text)
 as "affix_position", 
    
    cast('honorific' as text)
 as "affix_type", 
    
    cast('Mister' as text)
 as "description"
union all
select 
    
    cast('mrs' as text)
 as "affix", 
    
    cast('prefix' as text)
 as "affix_position", 
    
    cast('honorific' as text)
 as "affix_type", 
    
    cast('Missus' as text)
 as "description"
union all
select 
    
    cast('ms' as text)
 as "affix", 
    
    cast('prefix' as text)
 as "affix_position", 
    
    cast('honorific' as text)
 as "affix_type", 
    
    cast('Ms' as text)
 as "description"
union all
select 
    
    cast('miss' as text)
 as "affix", 
    
    cast('prefix' as text)
 as "affix_position", 
    
    cast('honorific' as text)
 as "affix_type", 
    
    cast('Miss' as text)
 as "description"
union all
select 
    
    cast('mx' as text)
 as "affix", 
    
    cast('prefix' as text)
 as "affix_position", 
    
    cast('honorific' as text)
 as "affix_type", 
    
    cast('Gender-neutral honorific' as text)
 as "description"
union all
select 
    
    cast('dr' as text)
 as "affix", 
    
    cast('prefix' as text)
 as "affix_position", 
    
    cast('honorific' as text)
 as "affix_type", 
    
    cast('Doctor' as text)
 as "description"
union all
select 
    
    cast('prof' as text)
 as "affix", 
    
    cast('prefix' as text)
 as "affix_position", 
    
    cast('honorific' as text)
 as "affix_type", 
    
    cast('Professor' as text)
 as "description"
union all
select 
    
    cast('sir' as text)
 as "affix", 
    
    cast('prefix' as text)
 as "affix_position", 
    
    cast('honorific' as text)
 as "affix_type", 
    
    cast('Knighthood' as text)
 as "description"
union all
select 
    
    cast('dame' as text)
 as "affix", 
    
    cast('prefix' as text)
 as "affix_position", 
    
    cast('honorific' as text)
 as "affix_type", 
    
    cast('Damehood' as text)
 as "description"
union all
select 
    
    cast('madam' as text)
 as "affix", 
    
    cast('prefix' as text)
 as "affix_position", 
    
    cast('honorific' as text)
 as "affix_type", 
    
    cast('Madam' as text)
 as "description"
union all
select 
    
    cast('mme' as text)
 as "affix", 
    
    cast('prefix' as text)
 as "affix_position", 
    
    cast('honorific' as text)
 as "affix_type", 
    
    cast('Madame (FR)' as text)
 as "description"
union all
select 
    
    cast('mlle' as text)
 as "affix", 
    
    cast('prefix' as text)
 as "affix_position", 
    
    cast('honorific' as text)
 as "affix_type", 
    
    cast('Mademoiselle (FR)' as text)
 as "description"
union all
select 
    
    cast('herr' as text)
 as "affix", 
    
    cast('prefix' as text)
 as "affix_position", 
    
    cast('honorific' as text)
 as "affix_type", 
    
    cast('Herr (DE)' as text)
 as "description"
union all
select 
    
    cast('frau' as text)
 as "affix", 
    
    cast('prefix' as text)
 as "affix_position", 
    
    cast('honorific' as text)
 as "affix_type", 
    
    cast('Frau (DE)' as text)
 as "description"
union all
select 
    
    cast('sr' as text)
 as "affix", 
    
    cast('prefix' as text)
 as "affix_position", 
    
    cast('honorific' as text)
 as "affix_type", 
    
    cast('Senor (ES)' as text)
 as "description"
union all
select 
    
    cast('sra' as text)
 as "affix", 
    
    cast('prefix' as text)
 as "affix_position", 
    
    cast('honorific' as text)
 as "affix_type", 
    
    cast('Senora (ES)' as text)
 as "description"
union all
select 
    
    cast('srta' as text)
 as "affix", 
    
    cast('prefix' as text)
 as "affix_position", 
    
    cast('honorific' as text)
 as "affix_type", 
    
    cast('Senorita (ES)' as text)
 as "description"
union all
select 
    
    cast('rev' as text)
 as "affix", 
    
    cast('prefix' as text)
 as "affix_position", 
    
    cast('honorific' as text)
 as "affix_type", 
    
    cast('Reverend' as text)
 as "description"
union all
select 
    
    cast('hon' as text)
 as "affix", 
    
    cast('prefix' as text)
 as "affix_position", 
    
    cast('honorific' as text)
 as "affix_type", 
    
    cast('The Honourable' as text)
 as "description"
union all
select 
    
    cast('jr' as text)
 as "affix", 
    
    cast('suffix' as text)
 as "affix_position", 
    
    cast('generational' as text)
 as "affix_type", 
    
    cast('Junior' as text)
 as "description"
union all
select 
    
    cast('sr' as text)
 as "affix", 
    
    cast('suffix' as text)
 as "affix_position", 
    
    cast('generational' as text)
 as "affix_type", 
    
    cast('Senior' as text)
 as "description"
union all
select 
    
    cast('ii' as text)
 as "affix", 
    
    cast('suffix' as text)
 as "affix_position", 
    
    cast('generational' as text)
 as "affix_type", 
    
    cast('The second' as text)
 as "description"
union all
select 
    
    cast('iii' as text)
 as "affix", 
    
    cast('suffix' as text)
 as "affix_position", 
    
    cast('generational' as text)
 as "affix_type", 
    
    cast('The third' as text)
 as "description"
union all
select 
    
    cast('iv' as text)
 as "affix", 
    
    cast('suffix' as text)
 as "affix_position", 
    
    cast('generational' as text)
 as "affix_type", 
    
    cast('The fourth' as text)
 as "description"
union all
select 
    
    cast('phd' as text)
 as "affix", 
    
    cast('suffix' as text)
 as "affix_position", 
    
    cast('academic' as text)
 as "affix_type", 
    
    cast('Doctor of Philosophy' as text)
 as "description"
union all
select 
    
    cast('md' as text)
 as "affix", 
    
    cast('suffix' as text)
 as "affix_position", 
    
    cast('professional' as text)
 as "affix_type", 
    
    cast('Doctor of Medicine' as text)
 as "description"
union all
select 
    
    cast('dds' as text)
 as "affix", 
    
    cast('suffix' as text)
 as "affix_position", 
    
    cast('professional' as text)
 as "affix_type", 
    
    cast('Doctor of Dental Surgery' as text)
 as "description"
union all
select 
    
    cast('dvm' as text)
 as "affix", 
    
    cast('suffix' as text)
 as "affix_position", 
    
    cast('professional' as text)
 as "affix_type", 
    
    cast('Doctor of Veterinary Medicine' as text)
 as "description"
union all
select 
    
    cast('jd' as text)
 as "affix", 
    
    cast('suffix' as text)
 as "affix_position", 
    
    cast('academic' as text)
 as "affix_type", 
    
    cast('Juris Doctor' as text)
 as "description"
union all
select 
    
    cast('esq' as text)
 as "affix", 
    
    cast('suffix' as text)
 as "affix_position", 
    
    cast('professional' as text)
 as "affix_type", 
    
    cast('Esquire' as text)
 as "description"
union all
select 
    
    cast('mba' as text)
 as "affix", 
    
    cast('suffix' as text)
 as "affix_position", 
    
    cast('academic' as text)
 as "affix_type", 
    
    cast('Master of Business Administration' as text)
 as "description"
union all
select 
    
    cast('msc' as text)
 as "affix", 
    
    cast('suffix' as text)
 as "affix_position", 
    
    cast('academic' as text)
 as "affix_type", 
    
    cast('Master of Science' as text)
 as "description"
union all
select 
    
    cast('ms' as text)
 as "affix", 
    
    cast('suffix' as text)
 as "affix_position", 
    
    cast('academic' as text)
 as "affix_type", 
    
    cast('Master of Science' as text)
 as "description"
union all
select 
    
    cast('bsc' as text)
 as "affix", 
    
    cast('suffix' as text)
 as "affix_position", 
    
    cast('academic' as text)
 as "affix_type", 
    
    cast('Bachelor of Science' as text)
 as "description"
union all
select 
    
    cast('cpa' as text)
 as "affix", 
    
    cast('suffix' as text)
 as "affix_position", 
    
    cast('professional' as text)
 as "affix_type", 
    
    cast('Certified Public Accountant' as text)
 as "description"
union all
select 
    
    cast('cfa' as text)
 as "affix", 
    
    cast('suffix' as text)
 as "affix_position", 
    
    cast('professional' as text)
 as "affix_type", 
    
    cast('Chartered Financial Analyst' as text)
 as "description"
union all
select 
    
    cast('pmp' as text)
 as "affix", 
    
    cast('suffix' as text)
 as "affix_position", 
    
    cast('professional' as text)
 as "affix_type", 
    
    cast('Project Management Professional' as text)
 as "description"
union all
select 
    
    cast('rn' as text)
 as "affix", 
    
    cast('suffix' as text)
 as "affix_position", 
    
    cast('professional' as text)
 as "affix_type", 
    
    cast('Registered Nurse' as text)
 as "description"
union all
select 
    
    cast('obe' as text)
 as "affix", 
    
    cast('suffix' as text)
 as "affix_position", 
    
    cast('honour' as text)
 as "affix_type", 
    
    cast('Officer of the Order of the British Empire' as text)
 as "description"
union all
select 
    
    cast('mbe' as text)
 as "affix", 
    
    cast('suffix' as text)
 as "affix_position", 
    
    cast('honour' as text)
 as "affix_type", 
    
    cast('Member of the Order of the British Empire' as text)
 as "description"
),  __dbt__cte__free_mail_domains as (

-- Fixture for free_mail_domains
select 
    
    cast('gmail.com' as text)
 as "free_mail_domain", 
    
    cast('Google' as text)
 as "provider"
union all
select 
    
    cast('googlemail.com' as text)
 as "free_mail_domain", 
    
    cast('Google' as text)
 as "provider"
union all
select 
    
    cast('yahoo.com' as text)
 as "free_mail_domain", 
    
    cast('Yahoo' as text)
 as "provider"
union all
select 
    
    cast('yahoo.co.uk' as text)
 as "free_mail_domain", 
    
    cast('Yahoo' as text)
 as "provider"
union all
select 
    
    cast('yahoo.fr' as text)
 as "free_mail_domain", 
    
    cast('Yahoo' as text)
 as "provider"
union all
select 
    
    cast('yahoo.de' as text)
 as "free_mail_domain", 
    
    cast('Yahoo' as text)
 as "provider"
union all
select 
    
    cast('yahoo.co.jp' as text)
 as "free_mail_domain", 
    
    cast('Yahoo' as text)
 as "provider"
union all
select 
    
    cast('ymail.com' as text)
 as "free_mail_domain", 
    
    cast('Yahoo' as text)
 as "provider"
union all
select 
    
    cast('rocketmail.com' as text)
 as "free_mail_domain", 
    
    cast('Yahoo' as text)
 as "provider"
union all
select 
    
    cast('hotmail.com' as text)
 as "free_mail_domain", 
    
    cast('Microsoft' as text)
 as "provider"
union all
select 
    
    cast('hotmail.co.uk' as text)
 as "free_mail_domain", 
    
    cast('Microsoft' as text)
 as "provider"
union all
select 
    
    cast('hotmail.fr' as text)
 as "free_mail_domain", 
    
    cast('Microsoft' as text)
 as "provider"
union all
select 
    
    cast('hotmail.de' as text)
 as "free_mail_domain", 
    
    cast('Microsoft' as text)
 as "provider"
union all
select 
    
    cast('hotmail.it' as text)
 as "free_mail_domain", 
    
    cast('Microsoft' as text)
 as "provider"
union all
select 
    
    cast('outlook.com' as text)
 as "free_mail_domain", 
    
    cast('Microsoft' as text)
 as "provider"
union all
select 
    
    cast('outlook.de' as text)
 as "free_mail_domain", 
    
    cast('Microsoft' as text)
 as "provider"
union all
select 
    
    cast('live.com' as text)
 as "free_mail_domain", 
    
    cast('Microsoft' as text)
 as "provider"
union all
select 
    
    cast('live.co.uk' as text)
 as "free_mail_domain", 
    
    cast('Microsoft' as text)
 as "provider"
union all
select 
    
    cast('msn.com' as text)
 as "free_mail_domain", 
    
    cast('Microsoft' as text)
 as "provider"
union all
select 
    
    cast('aol.com' as text)
 as "free_mail_domain", 
    
    cast('AOL' as text)
 as "provider"
union all
select 
    
    cast('aim.com' as text)
 as "free_mail_domain", 
    
    cast('AOL' as text)
 as "provider"
union all
select 
    
    cast('icloud.com' as text)
 as "free_mail_domain", 
    
    cast('Apple' as text)
 as "provider"
union all
select 
    
    cast('me.com' as text)
 as "free_mail_domain", 
    
    cast('Apple' as text)
 as "provider"
union all
select 
    
    cast('mac.com' as text)
 as "free_mail_domain", 
    
    cast('Apple' as text)
 as "provider"
union all
select 
    
    cast('proton.me' as text)
 as "free_mail_domain", 
    
    cast('Proton' as text)
 as "provider"
union all
select 
    
    cast('protonmail.com' as text)
 as "free_mail_domain", 
    
    cast('Proton' as text)
 as "provider"
union all
select 
    
    cast('pm.me' as text)
 as "free_mail_domain", 
    
    cast('Proton' as text)
 as "provider"
union all
select 
    
    cast('gmx.de' as text)
 as "free_mail_domain", 
    
    cast('GMX' as text)
 as "provider"
union all
select 
    
    cast('gmx.net' as text)
 as "free_mail_domain", 
    
    cast('GMX' as text)
 as "provider"
union all
select 
    
    cast('gmx.com' as text)
 as "free_mail_domain", 
    
    cast('GMX' as text)
 as "provider"
union all
select 
    
    cast('web.de' as text)
 as "free_mail_domain", 
    
    cast('WEB.DE' as text)
 as "provider"
union all
select 
    
    cast('t-online.de' as text)
 as "free_mail_domain", 
    
    cast('Telekom' as text)
 as "provider"
union all
select 
    
    cast('freenet.de' as text)
 as "free_mail_domain", 
    
    cast('freenet' as text)
 as "provider"
union all
select 
    
    cast('mail.ru' as text)
 as "free_mail_domain", 
    
    cast('VK' as text)
 as "provider"
union all
select 
    
    cast('inbox.ru' as text)
 as "free_mail_domain", 
    
    cast('VK' as text)
 as "provider"
union all
select 
    
    cast('list.ru' as text)
 as "free_mail_domain", 
    
    cast('VK' as text)
 as "provider"
union all
select 
    
    cast('bk.ru' as text)
 as "free_mail_domain", 
    
    cast('VK' as text)
 as "provider"
union all
select 
    
    cast('yandex.ru' as text)
 as "free_mail_domain", 
    
    cast('Yandex' as text)
 as "provider"
union all
select 
    
    cast('yandex.com' as text)
 as "free_mail_domain", 
    
    cast('Yandex' as text)
 as "provider"
union all
select 
    
    cast('qq.com' as text)
 as "free_mail_domain", 
    
    cast('Tencent' as text)
 as "provider"
union all
select 
    
    cast('163.com' as text)
 as "free_mail_domain", 
    
    cast('NetEase' as text)
 as "provider"
union all
select 
    
    cast('126.com' as text)
 as "free_mail_domain", 
    
    cast('NetEase' as text)
 as "provider"
union all
select 
    
    cast('sina.com' as text)
 as "free_mail_domain", 
    
    cast('Sina' as text)
 as "provider"
union all
select 
    
    cast('naver.com' as text)
 as "free_mail_domain", 
    
    cast('Naver' as text)
 as "provider"
union all
select 
    
    cast('daum.net' as text)
 as "free_mail_domain", 
    
    cast('Kakao' as text)
 as "provider"
union all
select 
    
    cast('rediffmail.com' as text)
 as "free_mail_domain", 
    
    cast('Rediff' as text)
 as "provider"
union all
select 
    
    cast('zoho.com' as text)
 as "free_mail_domain", 
    
    cast('Zoho' as text)
 as "provider"
union all
select 
    
    cast('mail.com' as text)
 as "free_mail_domain", 
    
    cast('mail.com' as text)
 as "provider"
union all
select 
    
    cast('fastmail.com' as text)
 as "free_mail_domain", 
    
    cast('Fastmail' as text)
 as "provider"
union all
select 
    
    cast('tutanota.com' as text)
 as "free_mail_domain", 
    
    cast('Tuta' as text)
 as "provider"
union all
select 
    
    cast('hey.com' as text)
 as "free_mail_domain", 
    
    cast('HEY' as text)
 as "provider"
union all
select 
    
    cast('comcast.net' as text)
 as "free_mail_domain", 
    
    cast('Comcast' as text)
 as "provider"
union all
select 
    
    cast('verizon.net' as text)
 as "free_mail_domain", 
    
    cast('Verizon' as text)
 as "provider"
union all
select 
    
    cast('att.net' as text)
 as "free_mail_domain", 
    
    cast('AT&T' as text)
 as "provider"
union all
select 
    
    cast('sbcglobal.net' as text)
 as "free_mail_domain", 
    
    cast('AT&T' as text)
 as "provider"
union all
select 
    
    cast('btinternet.com' as text)
 as "free_mail_domain", 
    
    cast('BT' as text)
 as "provider"
union all
select 
    
    cast('sky.com' as text)
 as "free_mail_domain", 
    
    cast('Sky' as text)
 as "provider"
union all
select 
    
    cast('virginmedia.com' as text)
 as "free_mail_domain", 
    
    cast('Virgin Media' as text)
 as "provider"
union all
select 
    
    cast('orange.fr' as text)
 as "free_mail_domain", 
    
    cast('Orange' as text)
 as "provider"
union all
select 
    
    cast('free.fr' as text)
 as "free_mail_domain", 
    
    cast('Free' as text)
 as "provider"
union all
select 
    
    cast('laposte.net' as text)
 as "free_mail_domain", 
    
    cast('La Poste' as text)
 as "provider"
union all
select 
    
    cast('libero.it' as text)
 as "free_mail_domain", 
    
    cast('Libero' as text)
 as "provider"
union all
select 
    
    cast('seznam.cz' as text)
 as "free_mail_domain", 
    
    cast('Seznam' as text)
 as "provider"
union all
select 
    
    cast('wp.pl' as text)
 as "free_mail_domain", 
    
    cast('Wirtualna Polska' as text)
 as "provider"
union all
select 
    
    cast('o2.pl' as text)
 as "free_mail_domain", 
    
    cast('Wirtualna Polska' as text)
 as "provider"
union all
select 
    
    cast('interia.pl' as text)
 as "free_mail_domain", 
    
    cast('Interia' as text)
 as "provider"
),  __dbt__cte__phone_international_prefixes as (

-- Fixture for phone_international_prefixes
select 
    
    cast('00' as text)
 as "dialing_prefix", 
    
    cast('ITU-T recommended international call prefix (most of the world)' as text)
 as "description"
union all
select 
    
    cast('011' as text)
 as "dialing_prefix", 
    
    cast('International call prefix of the North American Numbering Plan' as text)
 as "description"
),  __dbt__cte__title_terms as (

-- Fixture for title_terms
select 
    
    cast('vp' as text)
 as "term", 
    
    cast('VP' as text)
 as "replacement", 
    
    cast('acronym' as text)
 as "term_type"
union all
select 
    
    cast('svp' as text)
 as "term", 
    
    cast('SVP' as text)
 as "replacement", 
    
    cast('acronym' as text)
 as "term_type"
union all
select 
    
    cast('evp' as text)
 as "term", 
    
    cast('EVP' as text)
 as "replacement", 
    
    cast('acronym' as text)
 as "term_type"
union all
select 
    
    cast('avp' as text)
 as "term", 
    
    cast('AVP' as text)
 as "replacement", 
    
    cast('acronym' as text)
 as "term_type"
union all
select 
    
    cast('sr' as text)
 as "term", 
    
    cast('Senior' as text)
 as "replacement", 
    
    cast('abbreviation' as text)
 as "term_type"
union all
select 
    
    cast('jr' as text)
 as "term", 
    
    cast('Junior' as text)
 as "replacement", 
    
    cast('abbreviation' as text)
 as "term_type"
union all
select 
    
    cast('mgr' as text)
 as "term", 
    
    cast('Manager' as text)
 as "replacement", 
    
    cast('abbreviation' as text)
 as "term_type"
union all
select 
    
    cast('dir' as text)
 as "term", 
    
    cast('Director' as text)
 as "replacement", 
    
    cast('abbreviation' as text)
 as "term_type"
union all
select 
    
    cast('engr' as text)
 as "term", 
    
    cast('Engineer' as text)
 as "replacement", 
    
    cast('abbreviation' as text)
 as "term_type"
union all
select 
    
    cast('mktg' as text)
 as "term", 
    
    cast('Marketing' as text)
 as "replacement", 
    
    cast('abbreviation' as text)
 as "term_type"
union all
select 
    
    cast('acct' as text)
 as "term", 
    
    cast('Account' as text)
 as "replacement", 
    
    cast('abbreviation' as text)
 as "term_type"
union all
select 
    
    cast('exec' as text)
 as "term", 
    
    cast('Executive' as text)
 as "replacement", 
    
    cast('abbreviation' as text)
 as "term_type"
union all
select 
    
    cast('asst' as text)
 as "term", 
    
    cast('Assistant' as text)
 as "replacement", 
    
    cast('abbreviation' as text)
 as "term_type"
union all
select 
    
    cast('assoc' as text)
 as "term", 
    
    cast('Associate' as text)
 as "replacement", 
    
    cast('abbreviation' as text)
 as "term_type"
union all
select 
    
    cast('coord' as text)
 as "term", 
    
    cast('Coordinator' as text)
 as "replacement", 
    
    cast('abbreviation' as text)
 as "term_type"
union all
select 
    
    cast('dept' as text)
 as "term", 
    
    cast('Department' as text)
 as "replacement", 
    
    cast('abbreviation' as text)
 as "term_type"
union all
select 
    
    cast('mgmt' as text)
 as "term", 
    
    cast('Management' as text)
 as "replacement", 
    
    cast('abbreviation' as text)
 as "term_type"
union all
select 
    
    cast('intl' as text)
 as "term", 
    
    cast('International' as text)
 as "replacement", 
    
    cast('abbreviation' as text)
 as "term_type"
union all
select 
    
    cast('natl' as text)
 as "term", 
    
    cast('National' as text)
 as "replacement", 
    
    cast('abbreviation' as text)
 as "term_type"
union all
select 
    
    cast('pres' as text)
 as "term", 
    
    cast('President' as text)
 as "replacement", 
    
    cast('abbreviation' as text)
 as "term_type"
union all
select 
    
    cast('rep' as text)
 as "term", 
    
    cast('Representative' as text)
 as "replacement", 
    
    cast('abbreviation' as text)
 as "term_type"
union all
select 
    
    cast('hr' as text)
 as "term", 
    
    cast('HR' as text)
 as "replacement", 
    
    cast('acronym' as text)
 as "term_type"
union all
select 
    
    cast('it' as text)
 as "term", 
    
    cast('IT' as text)
 as "replacement", 
    
    cast('acronym' as text)
 as "term_type"
union all
select 
    
    cast('ceo' as text)
 as "term", 
    
    cast('CEO' as text)
 as "replacement", 
    
    cast('acronym' as text)
 as "term_type"
union all
select 
    
    cast('cfo' as text)
 as "term", 
    
    cast('CFO' as text)
 as "replacement", 
    
    cast('acronym' as text)
 as "term_type"
union all
select 
    
    cast('cto' as text)
 as "term", 
    
    cast('CTO' as text)
 as "replacement", 
    
    cast('acronym' as text)
 as "term_type"
union all
select 
    
    cast('coo' as text)
 as "term", 
    
    cast('COO' as text)
 as "replacement", 
    
    cast('acronym' as text)
 as "term_type"
union all
select 
    
    cast('cmo' as text)
 as "term", 
    
    cast('CMO' as text)
 as "replacement", 
    
    cast('acronym' as text)
 as "term_type"
union all
select 
    
    cast('cro' as text)
 as "term", 
    
    cast('CRO' as text)
 as "replacement", 
    
    cast('acronym' as text)
 as "term_type"
union all
select 
    
    cast('cio' as text)
 as "term", 
    
    cast('CIO' as text)
 as "replacement", 
    
    cast('acronym' as text)
 as "term_type"
union all
select 
    
    cast('ciso' as text)
 as "term", 
    
    cast('CISO' as text)
 as "replacement", 
    
    cast('acronym' as text)
 as "term_type"
union all
select 
    
    cast('cpo' as text)
 as "term", 
    
    cast('CPO' as text)
 as "replacement", 
    
    cast('acronym' as text)
 as "term_type"
union all
select 
    
    cast('cdo' as text)
 as "term", 
    
    cast('CDO' as text)
 as "replacement", 
    
    cast('acronym' as text)
 as "term_type"
union all
select 
    
    cast('cso' as text)
 as "term", 
    
    cast('CSO' as text)
 as "replacement", 
    
    cast('acronym' as text)
 as "term_type"
union all
select 
    
    cast('cco' as text)
 as "term", 
    
    cast('CCO' as text)
 as "replacement", 
    
    cast('acronym' as text)
 as "term_type"
union all
select 
    
    cast('cxo' as text)
 as "term", 
    
    cast('CXO' as text)
 as "replacement", 
    
    cast('acronym' as text)
 as "term_type"
union all
select 
    
    cast('gm' as text)
 as "term", 
    
    cast('GM' as text)
 as "replacement", 
    
    cast('acronym' as text)
 as "term_type"
union all
select 
    
    cast('md' as text)
 as "term", 
    
    cast('MD' as text)
 as "replacement", 
    
    cast('acronym' as text)
 as "term_type"
union all
select 
    
    cast('sdr' as text)
 as "term", 
    
    cast('SDR' as text)
 as "replacement", 
    
    cast('acronym' as text)
 as "term_type"
union all
select 
    
    cast('bdr' as text)
 as "term", 
    
    cast('BDR' as text)
 as "replacement", 
    
    cast('acronym' as text)
 as "term_type"
union all
select 
    
    cast('ae' as text)
 as "term", 
    
    cast('AE' as text)
 as "replacement", 
    
    cast('acronym' as text)
 as "term_type"
union all
select 
    
    cast('csm' as text)
 as "term", 
    
    cast('CSM' as text)
 as "replacement", 
    
    cast('acronym' as text)
 as "term_type"
union all
select 
    
    cast('sre' as text)
 as "term", 
    
    cast('SRE' as text)
 as "replacement", 
    
    cast('acronym' as text)
 as "term_type"
union all
select 
    
    cast('qa' as text)
 as "term", 
    
    cast('QA' as text)
 as "replacement", 
    
    cast('acronym' as text)
 as "term_type"
union all
select 
    
    cast('ui' as text)
 as "term", 
    
    cast('UI' as text)
 as "replacement", 
    
    cast('acronym' as text)
 as "term_type"
union all
select 
    
    cast('ux' as text)
 as "term", 
    
    cast('UX' as text)
 as "replacement", 
    
    cast('acronym' as text)
 as "term_type"
union all
select 
    
    cast('ai' as text)
 as "term", 
    
    cast('AI' as text)
 as "replacement", 
    
    cast('acronym' as text)
 as "term_type"
union all
select 
    
    cast('ml' as text)
 as "term", 
    
    cast('ML' as text)
 as "replacement", 
    
    cast('acronym' as text)
 as "term_type"
union all
select 
    
    cast('pr' as text)
 as "term", 
    
    cast('PR' as text)
 as "replacement", 
    
    cast('acronym' as text)
 as "term_type"
union all
select 
    
    cast('bi' as text)
 as "term", 
    
    cast('BI' as text)
 as "replacement", 
    
    cast('acronym' as text)
 as "term_type"
union all
select 
    
    cast('api' as text)
 as "term", 
    
    cast('API' as text)
 as "replacement", 
    
    cast('acronym' as text)
 as "term_type"
union all
select 
    
    cast('crm' as text)
 as "term", 
    
    cast('CRM' as text)
 as "replacement", 
    
    cast('acronym' as text)
 as "term_type"
union all
select 
    
    cast('erp' as text)
 as "term", 
    
    cast('ERP' as text)
 as "replacement", 
    
    cast('acronym' as text)
 as "term_type"
union all
select 
    
    cast('hris' as text)
 as "term", 
    
    cast('HRIS' as text)
 as "replacement", 
    
    cast('acronym' as text)
 as "term_type"
union all
select 
    
    cast('hrbp' as text)
 as "term", 
    
    cast('HRBP' as text)
 as "replacement", 
    
    cast('acronym' as text)
 as "term_type"
union all
select 
    
    cast('kpi' as text)
 as "term", 
    
    cast('KPI' as text)
 as "replacement", 
    
    cast('acronym' as text)
 as "term_type"
union all
select 
    
    cast('pmo' as text)
 as "term", 
    
    cast('PMO' as text)
 as "replacement", 
    
    cast('acronym' as text)
 as "term_type"
union all
select 
    
    cast('seo' as text)
 as "term", 
    
    cast('SEO' as text)
 as "replacement", 
    
    cast('acronym' as text)
 as "term_type"
union all
select 
    
    cast('gtm' as text)
 as "term", 
    
    cast('GTM' as text)
 as "replacement", 
    
    cast('acronym' as text)
 as "term_type"
union all
select 
    
    cast('smb' as text)
 as "term", 
    
    cast('SMB' as text)
 as "replacement", 
    
    cast('acronym' as text)
 as "term_type"
union all
select 
    
    cast('b2b' as text)
 as "term", 
    
    cast('B2B' as text)
 as "replacement", 
    
    cast('acronym' as text)
 as "term_type"
union all
select 
    
    cast('b2c' as text)
 as "term", 
    
    cast('B2C' as text)
 as "replacement", 
    
    cast('acronym' as text)
 as "term_type"
union all
select 
    
    cast('emea' as text)
 as "term", 
    
    cast('EMEA' as text)
 as "replacement", 
    
    cast('acronym' as text)
 as "term_type"
union all
select 
    
    cast('apac' as text)
 as "term", 
    
    cast('APAC' as text)
 as "replacement", 
    
    cast('acronym' as text)
 as "term_type"
union all
select 
    
    cast('amer' as text)
 as "term", 
    
    cast('AMER' as text)
 as "replacement", 
    
    cast('acronym' as text)
 as "term_type"
union all
select 
    
    cast('latam' as text)
 as "term", 
    
    cast('LATAM' as text)
 as "replacement", 
    
    cast('acronym' as text)
 as "term_type"
union all
select 
    
    cast('dach' as text)
 as "term", 
    
    cast('DACH' as text)
 as "replacement", 
    
    cast('acronym' as text)
 as "term_type"
union all
select 
    
    cast('us' as text)
 as "term", 
    
    cast('US' as text)
 as "replacement", 
    
    cast('acronym' as text)
 as "term_type"
union all
select 
    
    cast('uk' as text)
 as "term", 
    
    cast('UK' as text)
 as "replacement", 
    
    cast('acronym' as text)
 as "term_type"
union all
select 
    
    cast('eu' as text)
 as "term", 
    
    cast('EU' as text)
 as "replacement", 
    
    cast('acronym' as text)
 as "term_type"
union all
select 
    
    cast('revops' as text)
 as "term", 
    
    cast('RevOps' as text)
 as "replacement", 
    
    cast('casing_exception' as text)
 as "term_type"
union all
select 
    
    cast('salesops' as text)
 as "term", 
    
    cast('SalesOps' as text)
 as "replacement", 
    
    cast('casing_exception' as text)
 as "term_type"
union all
select 
    
    cast('devops' as text)
 as "term", 
    
    cast('DevOps' as text)
 as "replacement", 
    
    cast('casing_exception' as text)
 as "term_type"
union all
select 
    
    cast('devsecops' as text)
 as "term", 
    
    cast('DevSecOps' as text)
 as "replacement", 
    
    cast('casing_exception' as text)
 as "term_type"
union all
select 
    
    cast('secops' as text)
 as "term", 
    
    cast('SecOps' as text)
 as "replacement", 
    
    cast('casing_exception' as text)
 as "term_type"
union all
select 
    
    cast('finops' as text)
 as "term", 
    
    cast('FinOps' as text)
 as "replacement", 
    
    cast('casing_exception' as text)
 as "term_type"
union all
select 
    
    cast('mlops' as text)
 as "term", 
    
    cast('MLOps' as text)
 as "replacement", 
    
    cast('casing_exception' as text)
 as "term_type"
union all
select 
    
    cast('bizops' as text)
 as "term", 
    
    cast('BizOps' as text)
 as "replacement", 
    
    cast('casing_exception' as text)
 as "term_type"
union all
select 
    
    cast('devrel' as text)
 as "term", 
    
    cast('DevRel' as text)
 as "replacement", 
    
    cast('casing_exception' as text)
 as "term_type"
union all
select 
    
    cast('saas' as text)
 as "term", 
    
    cast('SaaS' as text)
 as "replacement", 
    
    cast('casing_exception' as text)
 as "term_type"
union all
select 
    
    cast('iot' as text)
 as "term", 
    
    cast('IoT' as text)
 as "replacement", 
    
    cast('casing_exception' as text)
 as "term_type"
union all
select 
    
    cast('phd' as text)
 as "term", 
    
    cast('PhD' as text)
 as "replacement", 
    
    cast('casing_exception' as text)
 as "term_type"
union all
select 
    
    cast('of' as text)
 as "term", 
    
    cast('of' as text)
 as "replacement", 
    
    cast('small_word' as text)
 as "term_type"
union all
select 
    
    cast('and' as text)
 as "term", 
    
    cast('and' as text)
 as "replacement", 
    
    cast('small_word' as text)
 as "term_type"
union all
select 
    
    cast('the' as text)
 as "term", 
    
    cast('the' as text)
 as "replacement", 
    
    cast('small_word' as text)
 as "term_type"
union all
select 
    
    cast('for' as text)
 as "term", 
    
    cast('for' as text)
 as "replacement", 
    
    cast('small_word' as text)
 as "term_type"
union all
select 
    
    cast('to' as text)
 as "term", 
    
    cast('to' as text)
 as "replacement", 
    
    cast('small_word' as text)
 as "term_type"
union all
select 
    
    cast('in' as text)
 as "term", 
    
    cast('in' as text)
 as "replacement", 
    
    cast('small_word' as text)
 as "term_type"
union all
select 
    
    cast('at' as text)
 as "term", 
    
    cast('at' as text)
 as "replacement", 
    
    cast('small_word' as text)
 as "term_type"
union all
select 
    
    cast('a' as text)
 as "term", 
    
    cast('a' as text)
 as "replacement", 
    
    cast('small_word' as text)
 as "term_type"
union all
select 
    
    cast('an' as text)
 as "term", 
    
    cast('an' as text)
 as "replacement", 
    
    cast('small_word' as text)
 as "term_type"
union all
select 
    
    cast('on' as text)
 as "term", 
    
    cast('on' as text)
 as "replacement", 
    
    cast('small_word' as text)
 as "term_type"
union all
select 
    
    cast('by' as text)
 as "term", 
    
    cast('by' as text)
 as "replacement", 
    
    cast('small_word' as text)
 as "term_type"
union all
select 
    
    cast('with' as text)
 as "term", 
    
    cast('with' as text)
 as "replacement", 
    
    cast('small_word' as text)
 as "term_type"
union all
select 
    
    cast('or' as text)
 as "term", 
    
    cast('or' as text)
 as "replacement", 
    
    cast('small_word' as text)
 as "term_type"
union all
select 
    
    cast('nor' as text)
 as "term", 
    
    cast('nor' as text)
 as "replacement", 
    
    cast('small_word' as text)
 as "term_type"
union all
select 
    
    cast('but' as text)
 as "term", 
    
    cast('but' as text)
 as "replacement", 
    
    cast('small_word' as text)
 as "term_type"
union all
select 
    
    cast('as' as text)
 as "term", 
    
    cast('as' as text)
 as "replacement", 
    
    cast('small_word' as text)
 as "term_type"
union all
select 
    
    cast('per' as text)
 as "term", 
    
    cast('per' as text)
 as "replacement", 
    
    cast('small_word' as text)
 as "term_type"
union all
select 
    
    cast('via' as text)
 as "term", 
    
    cast('via' as text)
 as "replacement", 
    
    cast('small_word' as text)
 as "term_type"
union all
select 
    
    cast('vs' as text)
 as "term", 
    
    cast('vs' as text)
 as "replacement", 
    
    cast('small_word' as text)
 as "term_type"
), normalization_examples as (

    select
        example_id,
        field,
        input_value,
        expected_value
    from __dbt__cte__normalization_examples

),

examples_normalized as (

    select
        example_id,
        field,
        input_value,
        expected_value,
        case field
            when 'company_name' then substring(
        regexp_replace(
            regexp_replace(
                initcap(btrim(regexp_replace(
    cast(input_value as TEXT)
, '[[:space:]]+', ' ', 'g'))),
                '([''’])S\M',
                '\1s',
                'g'
            ),
            '^[[:space:],;.&]+|(?:[[:space:],;.&]+'
            || coalesce(
        (
            select
                '(?:' || 
    string_agg(
        affixes.affix_regex,
        '|'
        order by 

    length(
        affixes.affix_regex
    ) desc, affixes.affix_regex
        ) || ')'
            from (
                select
                    replace(
                        regexp_replace(
                            regexp_replace(btrim(regexp_replace(lower(replace(legal_suffix, '.', '')), '[[:space:]]+', ' ', 'g')), '([^[:alnum:][:space:]])', '\\\1', 'g'),
                            '([[:alnum:]])(?=[[:alnum:]])',
                            '\1\\.?',
                            'g'
                        ),
                        ' ',
                        '\.?[[:space:]]+'
                    ) as affix_regex
                from __dbt__cte__legal_suffixes
            ) as affixes
            where affixes.affix_regex <> ''
        ),
        'a^'
    )
            || ')*[[:space:],;.&]*$',
            '',
            'gi'
        )
        from '^.*[[:alnum:]].*$'
    )
            when 'domain' then substring(
        regexp_replace(
            regexp_replace(
                regexp_replace(
                    regexp_replace(
                        regexp_replace(
                            regexp_replace(
                                regexp_replace(lower(
    cast(input_value as TEXT)
), '^[[:space:]]+|[[:space:]]+$', '', 'g'),
                                '^(?:[a-z][a-z0-9+.-]*://|//|mailto:)',
                                ''
                            ),
                            '[/?#].*$',
                            ''
                        ),
                        '^.*@',
                        ''
                    ),
                    ':[0-9]*$',
                    ''
                ),
                '^(?:www\.)+',
                ''
            ),
            '\.+$',
            ''
        )
        from '^' || (
        '(?=.{1,' || (
        select settings.setting_value
        from __dbt__cte__normalization_settings as settings
        where settings.setting_name = 'domain_max_length'
    ) || '}$)'
        || '(?:[[:alnum:]](?:[[:alnum:]-]{0,'
        || ((
        select settings.setting_value
        from __dbt__cte__normalization_settings as settings
        where settings.setting_name = 'domain_label_max_length'
    ) - 2)
        || '}[[:alnum:]])?\.)+'
        || '(?:[[:alpha:]]{2,' || (
        select settings.setting_value
        from __dbt__cte__normalization_settings as settings
        where settings.setting_name = 'domain_label_max_length'
    ) || '}'
        || '|xn--[a-z0-9-]{1,' || ((
        select settings.setting_value
        from __dbt__cte__normalization_settings as settings
        where settings.setting_name = 'domain_label_max_length'
    ) - 4) || '})'
    ) || '$'
    )
            when 'person_name' then substring(
        regexp_replace(
            regexp_replace(
                initcap(btrim(regexp_replace(
    cast(input_value as TEXT)
, '[[:space:]]+', ' ', 'g'))),
                '^[[:space:],.]*(?:'
                || coalesce(
        (
            select
                '(?:' || 
    string_agg(
        affixes.affix_regex,
        '|'
        order by 

    length(
        affixes.affix_regex
    ) desc, affixes.affix_regex
        ) || ')'
            from (
                select
                    replace(
                        regexp_replace(
                            regexp_replace(btrim(regexp_replace(lower(replace(affix, '.', '')), '[[:space:]]+', ' ', 'g')), '([^[:alnum:][:space:]])', '\\\1', 'g'),
                            '([[:alnum:]])(?=[[:alnum:]])',
                            '\1\\.?',
                            'g'
                        ),
                        ' ',
                        '\.?[[:space:]]+'
                    ) as affix_regex
                from __dbt__cte__person_name_affixes
                where affix_position = 'prefix'
            ) as affixes
            where affixes.affix_regex <> ''
        ),
        'a^'
    )
                || '(?:[[:space:],.]+|$))*',
                '',
                'i'
            ),
            '(?:[[:space:],.]+'
            || coalesce(
        (
            select
                '(?:' || 
    string_agg(
        affixes.affix_regex,
        '|'
        order by 

    length(
        affixes.affix_regex
    ) desc, affixes.affix_regex
        ) || ')'
            from (
                select
                    replace(
                        regexp_replace(
                            regexp_replace(btrim(regexp_replace(lower(replace(affix, '.', '')), '[[:space:]]+', ' ', 'g')), '([^[:alnum:][:space:]])', '\\\1', 'g'),
                            '([[:alnum:]])(?=[[:alnum:]])',
                            '\1\\.?',
                            'g'
                        ),
                        ' ',
                        '\.?[[:space:]]+'
                    ) as affix_regex
                from __dbt__cte__person_name_affixes
                where affix_position = 'suffix'
            ) as affixes
            where affixes.affix_regex <> ''
        ),
        'a^'
    )
            || ')*[[:space:],.]*$',
            '',
            'i'
        )
        from '^.*[[:alpha:]].*$'
    )
            when 'email' then (
        select email_candidates.email_address
        from
            regexp_split_to_table(
                lower(
    cast(input_value as TEXT)
), '[;,[:space:]]+'
            ) with ordinality as email_tokens (email_token, token_number)
        cross join lateral (
            select
                regexp_replace(
                    regexp_replace(email_tokens.email_token, '^[[<("'']*(?:mailto:)?[[<("'']*', ''),
                    '[]>)"''.]*$',
                    ''
                ) as email_address
        ) as email_candidates
        where email_candidates.email_address ~ (
        '^(?=.{1,' || (
        select settings.setting_value
        from __dbt__cte__normalization_settings as settings
        where settings.setting_name = 'email_max_length'
    ) || '}$)'
        || '(?=[^@]{1,' || (
        select settings.setting_value
        from __dbt__cte__normalization_settings as settings
        where settings.setting_name = 'email_local_part_max_length'
    ) || '}@)'
        || '[a-z0-9!#$%&''*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&''*+/=?^_`{|}~-]+)*'
        || '@' || (
        '(?=.{1,' || (
        select settings.setting_value
        from __dbt__cte__normalization_settings as settings
        where settings.setting_name = 'domain_max_length'
    ) || '}$)'
        || '(?:[[:alnum:]](?:[[:alnum:]-]{0,'
        || ((
        select settings.setting_value
        from __dbt__cte__normalization_settings as settings
        where settings.setting_name = 'domain_label_max_length'
    ) - 2)
        || '}[[:alnum:]])?\.)+'
        || '(?:[[:alpha:]]{2,' || (
        select settings.setting_value
        from __dbt__cte__normalization_settings as settings
        where settings.setting_name = 'domain_label_max_length'
    ) || '}'
        || '|xn--[a-z0-9-]{1,' || ((
        select settings.setting_value
        from __dbt__cte__normalization_settings as settings
        where settings.setting_name = 'domain_label_max_length'
    ) - 4) || '})'
    ) || '$'
    )
        order by
            (lower(

  
    

    split_part(
        email_candidates.email_address,
        '@',
        2
        )


  

) = any(array(select free_mail_domain from __dbt__cte__free_mail_domains))),
            email_tokens.token_number
        limit 1
    )
            when 'phone' then substring(
        regexp_replace(
            regexp_replace(
                regexp_replace(
                    regexp_replace(
                        regexp_replace(
                            substring(
    cast(input_value as TEXT)
 from '^[^0-9]*[0-9][^[:alpha:]#]*'),
                            '^[^0-9+]*(\+?)[^0-9]*',
                            '\1'
                        ),
                        '([0-9])[^0-9]+',
                        '\1',
                        'g'
                    ),
                    '^' || (
                        select
                            coalesce(
                                '(?:' || 
    string_agg(
        regexp_replace(prefixes.dialing_prefix, '([^[:alnum:][:space:]])', '\\\1', 'g'),
        '|'
        order by 

    length(
        prefixes.dialing_prefix
    ) desc
        ) || ')',
                                'a^'
                            )
                        from __dbt__cte__phone_international_prefixes as prefixes
                    ),
                    '+'
                ),
                '^([0-9]{' || (
        select settings.setting_value
        from __dbt__cte__normalization_settings as settings
        where settings.setting_name = 'phone_national_number_digits'
    ) || '})$',
                coalesce('+' || 
    cast('44' as TEXT)
 || '\1', 'unresolved')
            ),
            '^([0-9])',
            '+\1'
        )
        from '^\+[1-9][0-9]{'
        || ((
        select settings.setting_value
        from __dbt__cte__normalization_settings as settings
        where settings.setting_name = 'phone_min_digits'
    ) - 1)
        || ','
        || ((
        select settings.setting_value
        from __dbt__cte__normalization_settings as settings
        where settings.setting_name = 'phone_max_digits'
    ) - 1)
        || '}$'
    )
            when 'title' then (
        select
            substring(
                
    string_agg(
        case
                        when not title_tokens.is_word then title_tokens.token
                        when title_tokens.term_replacement is not null then title_tokens.term_replacement
                        when title_tokens.is_small_word and title_tokens.token_number > 2
                            then lower(title_tokens.token)
                        else regexp_replace(initcap(title_tokens.token), '([''’])S\M', '\1s', 'g')
                    end,
        ''
        order by title_tokens.token_number
        )
                from '^.*[[:alnum:]].*$'
            )
        from (
            select
                title_matches.token_number,
                title_matches.token_parts[1] as token,
                title_matches.token_parts[1] ~ '^[[:alnum:]]' as is_word,
                (
                    select jsonb_object_agg(terms.term, terms.replacement)
                    from __dbt__cte__title_terms as terms
                    where terms.term_type <> 'small_word'
                ) ->> lower(replace(title_matches.token_parts[1], '.', '')) as term_replacement,
                lower(replace(title_matches.token_parts[1], '.', '')) = any(
                    array(
                        select terms.term
                        from __dbt__cte__title_terms as terms
                        where terms.term_type = 'small_word'
                    )
                ) as is_small_word
            from regexp_matches(
                regexp_replace(
                    regexp_replace(
                        regexp_replace(
    cast(input_value as TEXT)
, '[[:space:]]+', ' ', 'g'),
                        '[[:space:]]*(?:,[[:space:]]*)+',
                        ', ',
                        'g'
                    ),
                    '^[[:space:],;]+|[[:space:],;]+$',
                    '',
                    'g'
                ),
                '[[:alnum:]][[:alnum:].]*(?:[''’][[:alnum:]][[:alnum:].]*)*|[^[:alnum:]]+',
                'g'
            ) with ordinality as title_matches (token_parts, token_number)
        ) as title_tokens
    )
        end as normalized_value
    from normalization_examples

),

examples_renormalized as (

    select
        example_id,
        field,
        input_value,
        expected_value,
        normalized_value,
        case field
            when 'company_name' then substring(
        regexp_replace(
            regexp_replace(
                initcap(btrim(regexp_replace(
    cast(normalized_value as TEXT)
, '[[:space:]]+', ' ', 'g'))),
                '([''’])S\M',
                '\1s',
                'g'
            ),
            '^[[:space:],;.&]+|(?:[[:space:],;.&]+'
            || coalesce(
        (
            select
                '(?:' || 
    string_agg(
        affixes.affix_regex,
        '|'
        order by 

    length(
        affixes.affix_regex
    ) desc, affixes.affix_regex
        ) || ')'
            from (
                select
                    replace(
                        regexp_replace(
                            regexp_replace(btrim(regexp_replace(lower(replace(legal_suffix, '.', '')), '[[:space:]]+', ' ', 'g')), '([^[:alnum:][:space:]])', '\\\1', 'g'),
                            '([[:alnum:]])(?=[[:alnum:]])',
                            '\1\\.?',
                            'g'
                        ),
                        ' ',
                        '\.?[[:space:]]+'
                    ) as affix_regex
                from __dbt__cte__legal_suffixes
            ) as affixes
            where affixes.affix_regex <> ''
        ),
        'a^'
    )
            || ')*[[:space:],;.&]*$',
            '',
            'gi'
        )
        from '^.*[[:alnum:]].*$'
    )
            when 'domain' then substring(
        regexp_replace(
            regexp_replace(
                regexp_replace(
                    regexp_replace(
                        regexp_replace(
                            regexp_replace(
                                regexp_replace(lower(
    cast(normalized_value as TEXT)
), '^[[:space:]]+|[[:space:]]+$', '', 'g'),
                                '^(?:[a-z][a-z0-9+.-]*://|//|mailto:)',
                                ''
                            ),
                            '[/?#].*$',
                            ''
                        ),
                        '^.*@',
                        ''
                    ),
                    ':[0-9]*$',
                    ''
                ),
                '^(?:www\.)+',
                ''
            ),
            '\.+$',
            ''
        )
        from '^' || (
        '(?=.{1,' || (
        select settings.setting_value
        from __dbt__cte__normalization_settings as settings
        where settings.setting_name = 'domain_max_length'
    ) || '}$)'
        || '(?:[[:alnum:]](?:[[:alnum:]-]{0,'
        || ((
        select settings.setting_value
        from __dbt__cte__normalization_settings as settings
        where settings.setting_name = 'domain_label_max_length'
    ) - 2)
        || '}[[:alnum:]])?\.)+'
        || '(?:[[:alpha:]]{2,' || (
        select settings.setting_value
        from __dbt__cte__normalization_settings as settings
        where settings.setting_name = 'domain_label_max_length'
    ) || '}'
        || '|xn--[a-z0-9-]{1,' || ((
        select settings.setting_value
        from __dbt__cte__normalization_settings as settings
        where settings.setting_name = 'domain_label_max_length'
    ) - 4) || '})'
    ) || '$'
    )
            when 'person_name' then substring(
        regexp_replace(
            regexp_replace(
                initcap(btrim(regexp_replace(
    cast(normalized_value as TEXT)
, '[[:space:]]+', ' ', 'g'))),
                '^[[:space:],.]*(?:'
                || coalesce(
        (
            select
                '(?:' || 
    string_agg(
        affixes.affix_regex,
        '|'
        order by 

    length(
        affixes.affix_regex
    ) desc, affixes.affix_regex
        ) || ')'
            from (
                select
                    replace(
                        regexp_replace(
                            regexp_replace(btrim(regexp_replace(lower(replace(affix, '.', '')), '[[:space:]]+', ' ', 'g')), '([^[:alnum:][:space:]])', '\\\1', 'g'),
                            '([[:alnum:]])(?=[[:alnum:]])',
                            '\1\\.?',
                            'g'
                        ),
                        ' ',
                        '\.?[[:space:]]+'
                    ) as affix_regex
                from __dbt__cte__person_name_affixes
                where affix_position = 'prefix'
            ) as affixes
            where affixes.affix_regex <> ''
        ),
        'a^'
    )
                || '(?:[[:space:],.]+|$))*',
                '',
                'i'
            ),
            '(?:[[:space:],.]+'
            || coalesce(
        (
            select
                '(?:' || 
    string_agg(
        affixes.affix_regex,
        '|'
        order by 

    length(
        affixes.affix_regex
    ) desc, affixes.affix_regex
        ) || ')'
            from (
                select
                    replace(
                        regexp_replace(
                            regexp_replace(btrim(regexp_replace(lower(replace(affix, '.', '')), '[[:space:]]+', ' ', 'g')), '([^[:alnum:][:space:]])', '\\\1', 'g'),
                            '([[:alnum:]])(?=[[:alnum:]])',
                            '\1\\.?',
                            'g'
                        ),
                        ' ',
                        '\.?[[:space:]]+'
                    ) as affix_regex
                from __dbt__cte__person_name_affixes
                where affix_position = 'suffix'
            ) as affixes
            where affixes.affix_regex <> ''
        ),
        'a^'
    )
            || ')*[[:space:],.]*$',
            '',
            'i'
        )
        from '^.*[[:alpha:]].*$'
    )
            when 'email' then (
        select email_candidates.email_address
        from
            regexp_split_to_table(
                lower(
    cast(normalized_value as TEXT)
), '[;,[:space:]]+'
            ) with ordinality as email_tokens (email_token, token_number)
        cross join lateral (
            select
                regexp_replace(
                    regexp_replace(email_tokens.email_token, '^[[<("'']*(?:mailto:)?[[<("'']*', ''),
                    '[]>)"''.]*$',
                    ''
                ) as email_address
        ) as email_candidates
        where email_candidates.email_address ~ (
        '^(?=.{1,' || (
        select settings.setting_value
        from __dbt__cte__normalization_settings as settings
        where settings.setting_name = 'email_max_length'
    ) || '}$)'
        || '(?=[^@]{1,' || (
        select settings.setting_value
        from __dbt__cte__normalization_settings as settings
        where settings.setting_name = 'email_local_part_max_length'
    ) || '}@)'
        || '[a-z0-9!#$%&''*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&''*+/=?^_`{|}~-]+)*'
        || '@' || (
        '(?=.{1,' || (
        select settings.setting_value
        from __dbt__cte__normalization_settings as settings
        where settings.setting_name = 'domain_max_length'
    ) || '}$)'
        || '(?:[[:alnum:]](?:[[:alnum:]-]{0,'
        || ((
        select settings.setting_value
        from __dbt__cte__normalization_settings as settings
        where settings.setting_name = 'domain_label_max_length'
    ) - 2)
        || '}[[:alnum:]])?\.)+'
        || '(?:[[:alpha:]]{2,' || (
        select settings.setting_value
        from __dbt__cte__normalization_settings as settings
        where settings.setting_name = 'domain_label_max_length'
    ) || '}'
        || '|xn--[a-z0-9-]{1,' || ((
        select settings.setting_value
        from __dbt__cte__normalization_settings as settings
        where settings.setting_name = 'domain_label_max_length'
    ) - 4) || '})'
    ) || '$'
    )
        order by
            (lower(

  
    

    split_part(
        email_candidates.email_address,
        '@',
        2
        )


  

) = any(array(select free_mail_domain from __dbt__cte__free_mail_domains))),
            email_tokens.token_number
        limit 1
    )
            when 'phone' then substring(
        regexp_replace(
            regexp_replace(
                regexp_replace(
                    regexp_replace(
                        regexp_replace(
                            substring(
    cast(normalized_value as TEXT)
 from '^[^0-9]*[0-9][^[:alpha:]#]*'),
                            '^[^0-9+]*(\+?)[^0-9]*',
                            '\1'
                        ),
                        '([0-9])[^0-9]+',
                        '\1',
                        'g'
                    ),
                    '^' || (
                        select
                            coalesce(
                                '(?:' || 
    string_agg(
        regexp_replace(prefixes.dialing_prefix, '([^[:alnum:][:space:]])', '\\\1', 'g'),
        '|'
        order by 

    length(
        prefixes.dialing_prefix
    ) desc
        ) || ')',
                                'a^'
                            )
                        from __dbt__cte__phone_international_prefixes as prefixes
                    ),
                    '+'
                ),
                '^([0-9]{' || (
        select settings.setting_value
        from __dbt__cte__normalization_settings as settings
        where settings.setting_name = 'phone_national_number_digits'
    ) || '})$',
                coalesce('+' || 
    cast('44' as TEXT)
 || '\1', 'unresolved')
            ),
            '^([0-9])',
            '+\1'
        )
        from '^\+[1-9][0-9]{'
        || ((
        select settings.setting_value
        from __dbt__cte__normalization_settings as settings
        where settings.setting_name = 'phone_min_digits'
    ) - 1)
        || ','
        || ((
        select settings.setting_value
        from __dbt__cte__normalization_settings as settings
        where settings.setting_name = 'phone_max_digits'
    ) - 1)
        || '}$'
    )
            when 'title' then (
        select
            substring(
                
    string_agg(
        case
                        when not title_tokens.is_word then title_tokens.token
                        when title_tokens.term_replacement is not null then title_tokens.term_replacement
                        when title_tokens.is_small_word and title_tokens.token_number > 2
                            then lower(title_tokens.token)
                        else regexp_replace(initcap(title_tokens.token), '([''’])S\M', '\1s', 'g')
                    end,
        ''
        order by title_tokens.token_number
        )
                from '^.*[[:alnum:]].*$'
            )
        from (
            select
                title_matches.token_number,
                title_matches.token_parts[1] as token,
                title_matches.token_parts[1] ~ '^[[:alnum:]]' as is_word,
                (
                    select jsonb_object_agg(terms.term, terms.replacement)
                    from __dbt__cte__title_terms as terms
                    where terms.term_type <> 'small_word'
                ) ->> lower(replace(title_matches.token_parts[1], '.', '')) as term_replacement,
                lower(replace(title_matches.token_parts[1], '.', '')) = any(
                    array(
                        select terms.term
                        from __dbt__cte__title_terms as terms
                        where terms.term_type = 'small_word'
                    )
                ) as is_small_word
            from regexp_matches(
                regexp_replace(
                    regexp_replace(
                        regexp_replace(
    cast(normalized_value as TEXT)
, '[[:space:]]+', ' ', 'g'),
                        '[[:space:]]*(?:,[[:space:]]*)+',
                        ', ',
                        'g'
                    ),
                    '^[[:space:],;]+|[[:space:],;]+$',
                    '',
                    'g'
                ),
                '[[:alnum:]][[:alnum:].]*(?:[''’][[:alnum:]][[:alnum:].]*)*|[^[:alnum:]]+',
                'g'
            ) with ordinality as title_matches (token_parts, token_number)
        ) as title_tokens
    )
        end as renormalized_value
    from examples_normalized

)

select * from examples_renormalized
  ) _dbt_internal_unit_test_actual
),
-- Build expected result
dbt_internal_unit_test_expected as (
  select
    "input_value", "normalized_value", 'expected' as "actual_or_expected"
  from (
    select 
    
    cast('20 7946 0958' as text)
 as "input_value", 
    
    cast('+442079460958' as text)
 as "normalized_value"
union all
select 
    
    cast('+1 555 123 4567' as text)
 as "input_value", 
    
    cast('+15551234567' as text)
 as "normalized_value"
  ) _dbt_internal_unit_test_expected
)
-- Union actual and expected results
select * from dbt_internal_unit_test_actual
union all
select * from dbt_internal_unit_test_expected