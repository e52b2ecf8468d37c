{#
    Vars are data, never SQL: every var a model or macro writes into SQL is read through
    revops_var(), which checks its value against its kind when the node compiles and fails
    with one line naming the var. The values and their documentation live in dbt_project.yml
    (a var missing there is an error here, not a silent default); this table holds only each
    var's kind:
      date        YYYY-MM-DD, a real calendar day, or null when the var may be unset
      integer     a whole number >= 0
      number      a finite number >= 0
      share       a number from 0 to 1
      name        letters, digits, '_' or '-' (written into SQL as a literal)
      identifier  a letter, then letters, digits or '_' (written into a schema name)
      calling_code  1 to 3 digits, not starting with 0
      name_list   a list of names (letters, digits, '_' or '-'), maybe empty
    A kind ending in '?' may also be null.
#}
{% macro revops_var_kinds() -%}
    {{ return({
        'workspace_id': 'name',
        'as_of': 'date?',
        'schema_suffix': 'identifier?',
        'max_key_length': 'integer',
        'bit_dedup_window_hours': 'number',
        'bit_daily_cap_points': 'number',
        'bit_unknown_signal_weight': 'number',
        'bit_trigger_cooldown_days': 'integer',
        'bit_trigger_freshness_days': 'integer',
        'bit_top_explanations': 'integer',
        'bit_aged_standing_signal_types': 'name_list',
        'bit_max_escalated_share': 'share',
        'analyze_growth_share': 'share',
        'analyze_raw_growth_share': 'share',
        'talent_flow_snapshot_date': 'date?',
        'talent_flow_min_input_share': 'share',
        'talent_flow_cooldown_hours': 'number',
        'talent_flow_monthly_movement_cap': 'integer',
        'talent_flow_reversal_window_days': 'number',
        'normalize_phone_default_country_code': 'calling_code?',
    }) }}
{%- endmacro %}

{% macro revops_var(name) -%}
    {%- set kinds = revops_var_kinds() -%}
    {%- if name not in kinds -%}
        {{ exceptions.raise_compiler_error("var " ~ name ~ " has no kind in revops_var_kinds()") }}
    {%- endif -%}
    {%- set problem = revops_var_problem(name, kinds[name]) -%}
    {%- if problem -%}
        {{ exceptions.raise_compiler_error(problem) }}
    {%- endif -%}
    {{ return(revops_var_value(name)) }}
{%- endmacro %}

{# The var's value with every spelling of "unset" read as none. #}
{% macro revops_var_value(name) -%}
    {%- set value = var(name, none) -%}
    {%- if value is none or value | string | trim | lower in ['', 'none', 'null'] -%}
        {{ return(none) }}
    {%- endif -%}
    {{ return(value) }}
{%- endmacro %}

{#
    What is wrong with the var's value, in one line naming it (the value quoted at most 40
    characters, control characters dropped), or '' when it is fine.
#}
{% macro revops_var_problem(name, kind) -%}
    {%- set re = modules.re -%}
    {%- if var(name, '__undeclared__') == '__undeclared__' -%}
        {{ return("var " ~ name ~ " is not declared in dbt_project.yml") }}
    {%- endif -%}
    {%- set value = revops_var_value(name) -%}
    {%- set optional = kind.endswith('?') -%}
    {%- set base_kind = kind.rstrip('?') -%}
    {%- set text = value | string | trim -%}
    {%- set shown = re.sub('[\\x00-\\x1f\\x7f]', '', text)[:40] -%}
    {%- set wanted = {
        'date': 'a date (YYYY-MM-DD)',
        'integer': 'a whole number >= 0',
        'number': 'a number >= 0',
        'share': 'a number from 0 to 1',
        'name': "letters, digits, '_' or '-'",
        'identifier': "a letter, then letters, digits or '_'",
        'calling_code': 'a country calling code (1 to 3 digits, not starting with 0)',
        'name_list': "a list of names (letters, digits, '_' or '-')",
    }[base_kind] -%}
    {%- set fails = "var " ~ name ~ " must be " ~ wanted ~ ", got '" ~ shown ~ "'" -%}
    {%- if value is none -%}
        {{ return('' if optional else "var " ~ name ~ " must be set: " ~ wanted) }}
    {%- endif -%}
    {%- if base_kind == 'name_list' -%}
        {%- if value is string or value is mapping or value is not iterable -%}
            {{ return(fails) }}
        {%- endif -%}
        {%- for item in value -%}
            {%- if not re.fullmatch('[A-Za-z0-9_-]{1,63}', item | string) -%}
                {{ return(fails) }}
            {%- endif -%}
        {%- endfor -%}
    {%- elif base_kind == 'date' -%}
        {%- if not re.fullmatch('[0-9]{4}-(0[1-9]|1[0-2])-[0-9]{2}', text) -%}
            {{ return(fails) }}
        {%- endif -%}
        {%- set year, month, day = text.split('-') | map('int') | list -%}
        {%- if year < 1 -%}
            {{ return(fails) }}
        {%- endif -%}
        {%- set next_month = modules.datetime.date(year + (month // 12), month % 12 + 1, 1) -%}
        {%- set month_days = (next_month - modules.datetime.timedelta(days=1)).day -%}
        {%- if day < 1 or day > month_days -%}
            {{ return(fails) }}
        {%- endif -%}
    {%- elif base_kind in ('integer', 'number', 'share') -%}
        {%- set pattern = '[0-9]+' if base_kind == 'integer' else '[0-9]+([.][0-9]+)?' -%}
        {%- if value is sameas true or value is sameas false or not re.fullmatch(pattern, text) -%}
            {{ return(fails) }}
        {%- endif -%}
        {%- if base_kind == 'share' and text | float > 1 -%}
            {{ return(fails) }}
        {%- endif -%}
    {%- elif base_kind == 'name' -%}
        {%- if not re.fullmatch('[A-Za-z0-9_-]{1,63}', text) -%}
            {{ return(fails) }}
        {%- endif -%}
    {%- elif base_kind == 'identifier' -%}
        {%- if not re.fullmatch('[A-Za-z][A-Za-z0-9_]{0,39}', text) -%}
            {{ return(fails) }}
        {%- endif -%}
    {%- elif base_kind == 'calling_code' -%}
        {%- if not re.fullmatch('[1-9][0-9]{0,2}', text) -%}
            {{ return(fails) }}
        {%- endif -%}
    {%- endif -%}
    {{ return('') }}
{%- endmacro %}

{#
    An on-run-start hook: every var checked before anything runs, the problems of all of them in
    one line, so a bad --vars fails the whole command at once rather than at the first model
    that reads it. Renders no SQL.
#}
{% macro validate_revops_vars() -%}
    {%- set problems = [] -%}
    {%- for name, kind in revops_var_kinds().items() -%}
        {%- set problem = revops_var_problem(name, kind) -%}
        {%- if problem -%}
            {%- do problems.append(problem) -%}
        {%- endif -%}
    {%- endfor -%}
    {%- if problems -%}
        {{ exceptions.raise_compiler_error(problems | join('; ')) }}
    {%- endif -%}
    {{ return('') }}
{%- endmacro %}
