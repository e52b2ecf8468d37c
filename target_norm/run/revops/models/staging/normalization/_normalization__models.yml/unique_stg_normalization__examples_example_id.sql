
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    

select
    example_id as unique_field,
    count(*) as n_records

from "revops_norm"."staging"."stg_normalization__examples"
where example_id is not null
group by example_id
having count(*) > 1



  
  
      
    ) dbt_internal_test