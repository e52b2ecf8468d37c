{#-
    SQL expression (text) for the default country code of normalize_phone: the macro's
    argument if given (a SQL expression), else the var normalize_phone_default_country_code
    (checked by revops_var: 1 to 3 digits, not starting with 0), else the seed setting
    phone_default_country_code.
-#}
{% macro normalization_phone_country_code(default_country_code=none) -%}
    {%- set country_code_var = revops_var('normalize_phone_default_country_code') -%}
    {%- if default_country_code is not none -%}
        {{ return(dbt.cast(default_country_code, dbt.type_string())) }}
    {%- elif country_code_var is not none -%}
        {{ return("'" ~ country_code_var ~ "'") }}
    {%- endif -%}
    {{ return(dbt.cast(normalization_setting('phone_default_country_code'), dbt.type_string())) }}
{%- endmacro %}
