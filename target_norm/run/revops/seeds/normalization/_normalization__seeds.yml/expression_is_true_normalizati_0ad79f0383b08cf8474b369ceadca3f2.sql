
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  

    select *
    from "revops_norm"."config"."normalization_settings"
    where not coalesce((setting_value between min_value and max_value), false)


  
  
      
    ) dbt_internal_test