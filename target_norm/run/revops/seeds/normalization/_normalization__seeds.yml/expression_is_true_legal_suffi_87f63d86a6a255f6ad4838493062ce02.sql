
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  

    select *
    from "revops_norm"."config"."legal_suffixes"
    where not coalesce((legal_suffix = lower(btrim(legal_suffix)) and legal_suffix !~ '[.]' and legal_suffix !~ '  ' and legal_suffix ~ '[[:alnum:]]'), false)


  
  
      
    ) dbt_internal_test