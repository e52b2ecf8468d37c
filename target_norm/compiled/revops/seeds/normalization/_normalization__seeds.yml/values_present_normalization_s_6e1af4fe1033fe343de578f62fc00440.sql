

    with

    required_values as (
        select 'phone_default_country_code' as required_value
        union all
        select 'phone_national_number_digits' as required_value
        union all
        select 'phone_min_digits' as required_value
        union all
        select 'phone_max_digits' as required_value
        union all
        select 'domain_max_length' as required_value
        union all
        select 'domain_label_max_length' as required_value
        union all
        select 'email_max_length' as required_value
        union all
        select 'email_local_part_max_length' as required_value
    ),

    present_values as (
        select distinct 
    cast(setting_name as TEXT)
 as present_value
        from "revops_norm"."config"."normalization_settings"
    )

    select required_values.required_value
    from required_values
    left join present_values
        on required_values.required_value = present_values.present_value
    where present_values.present_value is null

