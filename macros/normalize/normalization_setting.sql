{#- A value of the normalization_settings seed, as an integer scalar subquery. -#}
{% macro normalization_setting(setting_name) -%}
    {%- if not modules.re.fullmatch('[a-z0-9_]+', setting_name) -%}
        {{ exceptions.raise_compiler_error("normalization_setting: invalid setting name: " ~ setting_name) }}
    {%- endif -%}
    (
        select settings.setting_value
        from {{ ref('normalization_settings') }} as settings
        where settings.setting_name = '{{ setting_name }}'
    )
{%- endmacro %}
