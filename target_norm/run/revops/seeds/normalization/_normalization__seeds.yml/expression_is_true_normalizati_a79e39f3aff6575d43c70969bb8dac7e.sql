
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  

    select *
    from "revops_norm"."config"."normalization_settings"
    where not coalesce((max_value >= min_value and (max_value <= 255 or setting_name = 'phone_default_country_code')), false)


  
  
      
    ) dbt_internal_test