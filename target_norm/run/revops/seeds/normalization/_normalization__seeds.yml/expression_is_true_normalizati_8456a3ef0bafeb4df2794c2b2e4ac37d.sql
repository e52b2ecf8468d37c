
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  

    select *
    from "revops_norm"."config"."normalization_settings"
    where not coalesce((max_value between min_value and 255), false)


  
  
      
    ) dbt_internal_test