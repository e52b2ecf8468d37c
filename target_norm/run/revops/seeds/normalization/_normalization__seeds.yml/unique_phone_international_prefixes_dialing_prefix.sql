
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    

select
    dialing_prefix as unique_field,
    count(*) as n_records

from "revops_norm"."config"."phone_international_prefixes"
where dialing_prefix is not null
group by dialing_prefix
having count(*) > 1



  
  
      
    ) dbt_internal_test