
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  

    select *
    from "revops_norm"."config"."title_terms"
    where not coalesce((replacement ~ '^[[:alnum:]]+$' and (term_type <> 'small_word' or replacement = term)), false)


  
  
      
    ) dbt_internal_test