{#-
    The spec's normalization table as executable documentation: every example of the seed
    normalization_examples run through the macro of its field, then through it again (the
    second pass must change nothing).
-#}

with

normalization_examples as (

    select
        example_id,
        field,
        input_value,
        expected_value
    from {{ ref('normalization_examples') }}

),

examples_normalized as (

    select
        example_id,
        field,
        input_value,
        expected_value,
        case field
            when 'company_name' then {{ normalize_company_name('input_value') }}
            when 'domain' then {{ normalize_domain('input_value') }}
            when 'person_name' then {{ normalize_person_name('input_value') }}
            when 'email' then {{ normalize_email('input_value') }}
            when 'phone' then {{ normalize_phone('input_value') }}
            when 'title' then {{ normalize_title('input_value') }}
        end as normalized_value
    from normalization_examples

),

examples_renormalized as (

    select
        example_id,
        field,
        input_value,
        expected_value,
        normalized_value,
        case field
            when 'company_name' then {{ normalize_company_name('normalized_value') }}
            when 'domain' then {{ normalize_domain('normalized_value') }}
            when 'person_name' then {{ normalize_person_name('normalized_value') }}
            when 'email' then {{ normalize_email('normalized_value') }}
            when 'phone' then {{ normalize_phone('normalized_value') }}
            when 'title' then {{ normalize_title('normalized_value') }}
        end as renormalized_value
    from examples_normalized

)

select * from examples_renormalized
