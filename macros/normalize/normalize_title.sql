{#
    Job title -> display form: "v.p. of hr operations" -> "VP of HR Operations".
    Whitespace collapsed, commas written ", ", leading/trailing blanks, commas and semicolons
    trimmed; then word by word (a word: letters and digits with dots, "v.p.", and inner
    apostrophes, "director's"): a term of seed title_terms (matched lower-case without dots)
    becomes its replacement (vp -> VP, sr -> Senior, revops -> RevOps); a small word (of, and, the, ...)
    is lower-cased unless it is the first word; any other word is title-cased. Everything
    between words (blanks, "-", "/", "&", ...) is kept. Null when no letter or digit is left.
#}
{% macro normalize_title(expr) -%}
    {{ return(adapter.dispatch('normalize_title')(expr)) }}
{%- endmacro %}

{% macro default__normalize_title(expr) -%}
    {{ normalization_unsupported_adapter('normalize_title') }}
{%- endmacro %}

{% macro postgres__normalize_title(expr) -%}
    (
        select
            substring(
                {{ dbt.listagg(
                    "case
                        when not title_tokens.is_word then title_tokens.token
                        when title_tokens.term_replacement is not null then title_tokens.term_replacement
                        when title_tokens.is_small_word and title_tokens.token_number > 2
                            then lower(title_tokens.token)
                        else regexp_replace(initcap(title_tokens.token), '([''’])S\\M', '\\1s', 'g')
                    end",
                    "''",
                    'order by title_tokens.token_number'
                ) }}
                from '^.*[[:alnum:]].*$'
            )
        from (
            select
                {# words and the runs between them alternate, so the first word is token 1 or 2 #}
                title_matches.token_number,
                title_matches.token_parts[1] as token,
                title_matches.token_parts[1] ~ '^[[:alnum:]]' as is_word,
                (
                    select jsonb_object_agg(terms.term, terms.replacement)
                    from {{ ref('title_terms') }} as terms
                    where terms.term_type <> 'small_word'
                ) ->> lower(replace(title_matches.token_parts[1], '.', '')) as term_replacement,
                lower(replace(title_matches.token_parts[1], '.', '')) = any(
                    array(
                        select terms.term
                        from {{ ref('title_terms') }} as terms
                        where terms.term_type = 'small_word'
                    )
                ) as is_small_word
            from regexp_matches(
                regexp_replace(
                    regexp_replace(
                        regexp_replace({{ dbt.cast(expr, dbt.type_string()) }}, '[[:space:]]+', ' ', 'g'),
                        '[[:space:]]*(?:,[[:space:]]*)+',
                        ', ',
                        'g'
                    ),
                    '^[[:space:],;]+|[[:space:],;]+$',
                    '',
                    'g'
                ),
                '[[:alnum:]][[:alnum:].]*(?:[''’][[:alnum:]][[:alnum:].]*)*|[^[:alnum:]]+',
                'g'
            ) with ordinality as title_matches (token_parts, token_number)
        ) as title_tokens
    )
{%- endmacro %}
