
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  

    select *
    from "revops_norm"."config"."phone_international_prefixes"
    where not coalesce((dialing_prefix ~ '^0[0-9]{1,3}$'), false)


  
  
      
    ) dbt_internal_test