{#
    Whether a query run while this model compiles (run_query) can read what it needs: not at
    parse time (nothing runs then), and not inside a unit test, where `this` and every ref are
    the test's fixtures, which only the model's own query can read. Macros that decide a branch
    or write a literal from such a query fall back to plain SQL when this is false.
#}
{% macro can_query_at_compile_time() -%}
    {{ return(execute and this is not string) }}
{%- endmacro %}
