{#
    How many runs of int_bit_signal_points wrote rows after `since` (a timestamp SQL
    expression). The per-contact scores run after every points run; more than one since their
    own last run means one was missed, and who changed is no longer known.
#}
{% macro bit_points_runs_since(since) -%}
    {{ return(runs_since(ref('int_bit_signal_points'), 'scored_at', since)) }}
{%- endmacro %}
