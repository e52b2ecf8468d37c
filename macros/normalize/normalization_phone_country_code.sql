{#-
    SQL expression (text) for the default country code of normalize_phone: the macro's
    argument if given (a SQL expression), else the var normalize_phone_default_country_code
    (checked here: 1 to 3 digits, not starting with 0), else the seed setting
    phone_default_country_code.
-#}
{% macro normalization_phone_country_code(default_country_code=none) -%}
    {%- set country_code_var = var('normalize_phone_default_country_code', none) -%}
    {%- set var_is_valid = modules.re.fullmatch('[1-9][0-9]?[0-9]?', country_code_var | string) -%}
    {%- if default_country_code is none and country_code_var is not none and not var_is_valid -%}
        {%- set message = "var normalize_phone_default_country_code must be a country calling code"
            ~ " (1 to 3 digits, not starting with 0), got: " ~ country_code_var -%}
        {{ exceptions.raise_compiler_error(message) }}
    {%- endif -%}
    {%- if default_country_code is not none -%}
        {{ return(dbt.cast(default_country_code, dbt.type_string())) }}
    {%- elif country_code_var is not none -%}
        {{ return("'" ~ country_code_var ~ "'") }}
    {%- endif -%}
    {{ return(dbt.cast(normalization_setting('phone_default_country_code'), dbt.type_string())) }}
{%- endmacro %}
