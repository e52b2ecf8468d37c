
-- Fixture for normalization_examples
select cast(null as text) as "example_id", 
    
    cast('company_name' as text)
 as "field", 
    
    cast('ACME CORPORATION, INC.' as text)
 as "input_value", cast(null as text) as "expected_value"
union all
select cast(null as text) as "example_id", 
    
    cast('person_name' as text)
 as "field", 
    
    cast('Mr. JOHN SMITH, Jr.' as text)
 as "input_value", cast(null as text) as "expected_value"
union all
select cast(null as text) as "example_id", 
    
    cast('title' as text)
 as "field", 
    
    cast('v.p. of hr operations' as text)
 as "input_value", cast(null as text) as "expected_value"
union all
select cast(null as text) as "example_id", 
    
    cast('email' as text)
 as "field", 
    
    cast('jsmith@gmail.com; John.Smith@acme.com' as text)
 as "input_value", cast(null as text) as "expected_value"
union all
select cast(null as text) as "example_id", 
    
    cast('phone' as text)
 as "field", 
    
    cast('0044 20 7946 0958' as text)
 as "input_value", cast(null as text) as "expected_value"
union all
select cast(null as text) as "example_id", 
    
    cast('phone' as text)
 as "field", 
    
    cast('(555) 123-4567' as text)
 as "input_value", cast(null as text) as "expected_value"