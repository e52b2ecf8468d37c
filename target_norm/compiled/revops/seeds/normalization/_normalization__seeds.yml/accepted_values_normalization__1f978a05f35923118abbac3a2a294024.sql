
    
    

with all_values as (

    select
        setting_name as value_field,
        count(*) as n_records

    from "revops_norm"."config"."normalization_settings"
    group by setting_name

)

select *
from all_values
where value_field not in (
    'phone_default_country_code','phone_national_number_digits','phone_min_digits','phone_max_digits','domain_max_length','domain_label_max_length','email_max_length','email_local_part_max_length'
)


