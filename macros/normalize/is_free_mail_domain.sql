{#
    True when a (normalized, lower-case) domain is a free-mail provider's (seed
    free_mail_domains: gmail.com, yahoo.com, ...), false when it is not, null for null.
#}
{% macro is_free_mail_domain(domain_expr) -%}
    {{ return(adapter.dispatch('is_free_mail_domain')(domain_expr)) }}
{%- endmacro %}

{% macro default__is_free_mail_domain(domain_expr) -%}
    (lower({{ domain_expr }}) in (select free_mail_domain from {{ ref('free_mail_domains') }}))
{%- endmacro %}

{% macro postgres__is_free_mail_domain(domain_expr) -%}
    {# array(select ...) is an InitPlan: the seed is read once per query, then a cheap scan. #}
    (lower({{ domain_expr }}) = any(array(select free_mail_domain from {{ ref('free_mail_domains') }})))
{%- endmacro %}
