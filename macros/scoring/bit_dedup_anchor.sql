{#
    The 72-hour repeat window, anchored at the signal that counted (the spec's reading): a
    signal counts; a signal of the same type for the same contact is a repeat until the window
    after the counted one has passed; the first one after it counts again. Which signal counts
    depends on which counted before, so it cannot be a plain window function. Most signals are
    decided by their gap alone (a gap of a window or more starts a new burst and counts; a
    signal within a window of its burst's first signal repeats); only the signals of a burst
    longer than a window (a contact active every day) need the anchor carried from signal to
    signal, by the aggregate below, run as a window function over just those rows (FILTER).
    Postgres: a user-defined aggregate, created by the on-run-start hook
    (create_bit_dedup_aggregate). Its state is {anchor time (epoch s), 1 if this row counted};
    `known_repeat`, when not null, is a stored verdict (an incremental run's context rows):
    a counted one sets the anchor, a repeat leaves it.
#}
{% macro bit_dedup_anchor(occurred_at, window_hours, known_repeat) -%}
    {{ return(adapter.dispatch('bit_dedup_anchor', 'revops')(occurred_at, window_hours, known_repeat)) }}
{%- endmacro %}

{% macro postgres__bit_dedup_anchor(occurred_at, window_hours, known_repeat) -%}
    revops_udf.dedup_anchor({{ occurred_at }}, {{ window_hours }}, {{ known_repeat }})
{%- endmacro %}

{% macro default__bit_dedup_anchor(occurred_at, window_hours, known_repeat) -%}
    {{ exceptions.raise_compiler_error(
        "the anchored repeat window needs bit_dedup_anchor for adapter " ~ adapter.type()
    ) }}
{%- endmacro %}

{#
    An on-run-start hook: the aggregate behind bit_dedup_anchor, created once per database (a
    version in the function's comment says when to replace it). Renders nothing elsewhere.
#}
{% macro create_bit_dedup_aggregate() -%}
    {{ return(adapter.dispatch('create_bit_dedup_aggregate', 'revops')()) }}
{%- endmacro %}

{% macro postgres__create_bit_dedup_aggregate() -%}
    do $$
    begin
        if coalesce(obj_description(to_regprocedure(
            'revops_udf.dedup_anchor_step(float8[], timestamp, numeric, boolean)'
        ), 'pg_proc'), '') <> 'revops anchored dedup v1'
        then
            perform pg_advisory_xact_lock(hashtext('revops_udf.dedup_anchor'));
            create schema if not exists revops_udf;
            create or replace function revops_udf.dedup_anchor_step(
                state float8[], occurred_at timestamp, window_hours numeric, known_repeat boolean
            ) returns float8[] language plpgsql immutable as $body$
            declare
                at_epoch float8 := extract(epoch from occurred_at);
            begin
                if known_repeat is not null then
                    return case when known_repeat then state else array[at_epoch, 1] end;
                end if;
                if state is null or at_epoch >= state[1] + window_hours * 3600 then
                    return array[at_epoch, 1];
                end if;
                return array[state[1], 0];
            end
            $body$;
            create or replace aggregate revops_udf.dedup_anchor(timestamp, numeric, boolean) (
                sfunc = revops_udf.dedup_anchor_step, stype = float8[]
            );
            comment on function revops_udf.dedup_anchor_step(float8[], timestamp, numeric, boolean)
                is 'revops anchored dedup v1';
        end if;
    end
    $$
{%- endmacro %}

{% macro default__create_bit_dedup_aggregate() -%}
    select 1 as nothing_to_create
{%- endmacro %}
