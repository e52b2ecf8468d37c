
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  

    select *
    from "revops_norm"."config"."normalization_examples"
    where not coalesce((example_id like field || '\_\_%'), false)


  
  
      
    ) dbt_internal_test