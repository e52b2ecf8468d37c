
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    

select
    setting_name as unique_field,
    count(*) as n_records

from "revops_norm"."config"."normalization_settings"
where setting_name is not null
group by setting_name
having count(*) > 1



  
  
      
    ) dbt_internal_test