
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  

    select *
    from "revops_norm"."config"."person_name_affixes"
    where not coalesce((affix = lower(btrim(affix)) and affix !~ '[.]' and affix ~ '[[:alpha:]]'), false)


  
  
      
    ) dbt_internal_test