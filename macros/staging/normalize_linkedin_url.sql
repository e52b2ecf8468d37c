{#
    A LinkedIn profile URL in one spelling: `linkedin.com/in/<slug>` (lower case; no scheme,
    `www.` or country subdomain, query, fragment or trailing slash), or null when the value is
    not a profile URL. Exact person matching compares this form.
#}
{% macro normalize_linkedin_url(expr) -%}
    {{ return(adapter.dispatch('normalize_linkedin_url', 'revops')(expr)) }}
{%- endmacro %}

{% macro postgres__normalize_linkedin_url(expr) -%}
    'linkedin.com/in/' || nullif(
        substring(
            lower(trim({{ expr }}))
            from '^(?:https?://)?(?:[a-z]{2,3}\.|www\.)?linkedin\.com/in/([^/?#\s]+)'
        ),
        ''
    )
{%- endmacro %}
