
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  

    select
        affix, affix_position,
        count(*) as occurrences
    from "revops_norm"."config"."person_name_affixes"
    group by affix, affix_position
    having count(*) > 1


  
  
      
    ) dbt_internal_test