"""Vars are data, not SQL: every var the project writes into SQL is checked against its kind when
the project compiles, and a bad value (an injection payload among them) fails the command with
one line naming the var, before any SQL runs. The same for CLI options that become vars."""

from __future__ import annotations

import json
import re
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from conftest import revops

from python_jobs.settings import PROJECT_ROOT

KINDS_MACRO = PROJECT_ROOT / "macros" / "platform" / "revops_var.sql"

PAYLOADS = {
    "date": "2026-01-01') union select lo_import('/etc/passwd')--",
    "integer": "1; drop table raw.load_batches",
    "number": "1) or (1=1",
    "share": "0.5; select pg_sleep(10)",
    "name": "x'; drop schema marts cascade; --",
    "identifier": "marts; drop schema core",
    "calling_code": "1' || pg_read_file('/etc/passwd') || '",
    "name_list": ["backfill_baseline') or (1=1"],
}


def var_kinds() -> dict[str, str]:
    """The kinds table of revops_var_kinds(), read from the macro itself."""
    text = KINDS_MACRO.read_text()
    table = text[text.index("revops_var_kinds()") : text.index("endmacro")]
    return dict(re.findall(r"'(\w+)': '(\w+)\??'", table))


def declared_vars() -> set[str]:
    import yaml

    project = yaml.safe_load((PROJECT_ROOT / "dbt_project.yml").read_text())
    return set(project["vars"])


def sql_var_uses() -> set[str]:
    """Every var name the SQL of models, macros, tests and snapshots reads."""
    names: set[str] = set()
    for folder in ("models", "macros", "tests", "snapshots"):
        for path in Path(PROJECT_ROOT, folder).rglob("*.sql"):
            names.update(re.findall(r"var\(\s*'(\w+)'", path.read_text()))
    return names


def test_every_var_has_a_kind_and_a_declaration():
    kinds = var_kinds()
    assert set(kinds) == declared_vars()
    assert sql_var_uses() <= set(kinds)


def test_sql_reads_vars_only_through_revops_var():
    for folder in ("models", "macros", "tests", "snapshots"):
        for path in Path(PROJECT_ROOT, folder).rglob("*.sql"):
            if path == KINDS_MACRO:
                continue
            code = re.sub(r"\{#.*?#\}", "", path.read_text(), flags=re.S)
            assert not re.search(r"(?<![\w.])var\(", code), f"{path}: a var read without a check"


def parse_with(name: str, value: object) -> tuple[str, int, str]:
    result = revops("dbt", "--", "parse", "--vars", json.dumps({name: value}), timeout=300)
    return name, result.returncode, result.stdout + result.stderr


def test_each_var_refuses_an_injection_payload_in_one_line():
    kinds = var_kinds()
    with ThreadPoolExecutor(2) as pool:
        outcomes = list(
            pool.map(lambda item: parse_with(item[0], PAYLOADS[item[1]]), kinds.items())
        )
    for name, returncode, output in outcomes:
        last = output.strip().splitlines()[-1]
        assert returncode == 2, f"{name}: exit {returncode}\n{output[-1500:]}"
        assert last.startswith(f"revops: dbt parse: var {name} must be "), f"{name}: {last}"


@pytest.mark.parametrize("value", ["2026-02-30", "0000-01-01", "yesterday"])
def test_as_of_must_be_a_calendar_day(value):
    result = revops("dbt", "--", "parse", "--vars", json.dumps({"as_of": value}), timeout=300)
    assert result.returncode == 2
    assert "var as_of must be a date (YYYY-MM-DD)" in result.stderr.splitlines()[-1]


def test_backtest_refuses_an_as_of_that_is_not_a_date():
    result = revops("backtest", "--vars", '{"bit_daily_cap_points": 200}', "--as-of", "1' or '1")
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert "--as-of" in result.stderr
