
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