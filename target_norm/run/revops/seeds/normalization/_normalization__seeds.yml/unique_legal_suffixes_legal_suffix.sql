
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    

select
    legal_suffix as unique_field,
    count(*) as n_records

from "revops_norm"."config"."legal_suffixes"
where legal_suffix is not null
group by legal_suffix
having count(*) > 1



  
  
      
    ) dbt_internal_test