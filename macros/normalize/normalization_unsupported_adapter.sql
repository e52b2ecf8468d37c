{#-
    Raises a clear compile error where a macro has no implementation for the current adapter
    (the default__ branch of a macro that needs POSIX regular expressions).
-#}
{% macro normalization_unsupported_adapter(macro_name) -%}
    {{ exceptions.raise_compiler_error(
        macro_name ~ " has no implementation for adapter '" ~ adapter.type()
        ~ "': it needs POSIX regular expressions, which have no portable SQL form. "
        ~ "Add a " ~ adapter.type() ~ "__" ~ macro_name ~ " macro (see macros/normalize/)."
    ) }}
{%- endmacro %}
