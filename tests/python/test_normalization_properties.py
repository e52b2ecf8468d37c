"""Properties of the normalization macros (macros/normalize/) on the real database.

For every macro and any text (random unicode, messy field-like values, hostile strings, 10 kB
values): the generated SQL never raises, normalizing twice equals normalizing once, and a
non-null result has the field's shape (E.164 phone, lower-case email and host, no outer
blanks). The dictionaries are checked too: every legal suffix and person affix in the seeds is
really stripped, every title replacement and free-mail domain is already normalized.

The macros' SQL comes from dbt itself (in-process `dbt compile --inline`, once per module) and
runs over a temp table filled per batch, so one query checks a whole batch of examples. The
database is the project's: REVOPS_PG_HOST / REVOPS_PG_DATABASE (and REVOPS_PG_PORT / _USER /
_PASSWORD, as in profiles.example.yml); the module seeds the normalization seeds first.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import shutil
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

psycopg = pytest.importorskip("psycopg")

PROJECT_ROOT = Path(__file__).resolve().parents[2]
INPUT_TABLE = "normalization_property_inputs"
MACROS = (
    "normalize_company_name",
    "normalize_domain",
    "normalize_person_name",
    "normalize_email",
    "normalize_phone",
    "normalize_title",
)
# The spec's table: the contract of each macro (SPEC.md, "Normalization").
SPEC_EXAMPLES = {
    "normalize_company_name": ("ACME CORPORATION, INC.", "Acme"),
    "normalize_domain": ("https://www.Acme.com/about", "acme.com"),
    "normalize_person_name": ("Mr. JOHN SMITH, Jr.", "John Smith"),
    "normalize_email": ("John.Smith@acme.com; jsmith@gmail.com", "john.smith@acme.com"),
    "normalize_phone": ("(555) 123-4567", "+15551234567"),
    "normalize_title": ("v.p. of hr operations", "VP of HR Operations"),
}
# Unicode White_Space, what PostgreSQL's [[:space:]] matches (Python's str.strip() also strips
# the \x1c-\x1f separators, which PostgreSQL keeps).
WHITE_SPACE = (
    "\t\n\x0b\x0c\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008"
    "\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)


def trimmed_single_spaced(value: str) -> bool:
    return value == value.strip(WHITE_SPACE) and not any(
        char in WHITE_SPACE and (char != " " or next_char == " ")
        for char, next_char in zip(value, value[1:] + "x", strict=True)
    )


# What a non-null result must look like, per macro.
SHAPES: dict[str, Callable[[str], bool]] = {
    "normalize_company_name": trimmed_single_spaced,
    "normalize_domain": lambda v: (
        v == v.lower() and re.fullmatch(r"[^\s/@:?#]+\.[^\s/@:?#.]+", v) is not None
    ),
    "normalize_person_name": trimmed_single_spaced,
    "normalize_email": lambda v: v == v.lower() and re.fullmatch(r"[!-~]+@[^@\s]+", v) is not None,
    "normalize_phone": lambda v: re.fullmatch(r"\+[1-9][0-9]{7,14}", v) is not None,
    "normalize_title": trimmed_single_spaced,
}
HOSTILE = [
    "",
    " ",
    "\t\n\r\x0b\x0c",
    "\u00a0\u2003\u3000",
    "'",
    "''",
    '"',
    "\\",
    "\\\\'",
    ";",
    "'); drop table x; --",
    "Robert'); DROP TABLE students;--",
    "$$ select 1 $$",
    "%s %(x)s {{ var('x') }} {% if %}",
    ".*+?()[]{}|^$\\",
    "a^",
    "(?:",
    "[[:alpha:]",
    "\\1\\&",
    "\u200b\u200d\ufeff",
    "\U0001f600 \U0001f4bc",
    "e\u0301mile \u0130stanbul \u0131nc \u01c6 \u00df",
    "i\u0307stanbul i\u0307nc. m\u00fcnchen.de j\u030c \u212a",
    "李伟 株式会社",
    "\u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627",
    "@",
    "@@",
    "a@",
    "@a.com",
    "mailto:",
    "+",
    "+0",
    "00",
    "011",
    "x204",
    "www.",
    "https://",
    "...",
    ", , ,",
    "Inc.",
    "Mr. Jr.",
]
LONG_VALUES = [
    "a" * 10_000,
    "9" * 10_000,
    "." * 10_000,
    " " * 10_000,
    "Inc. " * 2_000,
    "Mr. " * 2_500,
    "a@b.co; " * 1_250,
    "www." * 2_500 + "acme.com",
    "v.p. of " * 1_250,
    "(555) 123-4567 x" * 625,
    "李" * 10_000,
    ("x" * 63 + ".") * 150 + "com",
]

# Field-like fragments, so that random examples reach the interesting branches.
COMPANY_PARTS = [
    "ACME",
    "Globex",
    "o'reilly",
    "société",
    "李伟",
    "Inc",
    "Inc.",
    "Corp",
    "L.L.C.",
    "GmbH",
    "& Co.",
    "KG",
    "S.A.",
    "Sp. z o.o.",
    "Corporation",
    "Co",
    "and co",
    ",",
]
DOMAIN_PARTS = [
    "https://",
    "http://",
    "//",
    "mailto:",
    "user:pw@",
    "www.",
    "WWW.",
    "acme",
    ".",
    ".com",
    ".co.uk",
    ":8080",
    "/about",
    "?q=1",
    "#top",
    "@",
    "münchen",
    "xn--",
    "-",
]
PERSON_PARTS = [
    "Mr.",
    "mrs",
    "Dr",
    "PROF.",
    "John",
    "JOSÉ",
    "o'brien",
    "mary-jane",
    "Zoë",
    "李",
    "Jr.",
    "Sr",
    "III",
    "Ph.D.",
    "MBA",
    "esq",
    ",",
    ".",
    "Drake",
]
EMAIL_PARTS = [
    "John.Smith@acme.com",
    "jsmith@gmail.com",
    "<a@b.co>",
    "mailto:X@Y.de",
    "a..b@c.com",
    "@acme.com",
    "john@",
    "o'brien+x@example.co.uk",
    ";",
    ",",
    " ",
    '"Smith, J"',
]
PHONE_PARTS = [
    "+",
    "00",
    "011",
    "1",
    "(555)",
    "123",
    "-",
    "4567",
    " ",
    ".",
    "x204",
    "ext.",
    "#",
    "44",
    "0",
    "tel:",
    "9999999999",
]
TITLE_PARTS = [
    "v.p.",
    "vp",
    "of",
    "hr",
    "OPERATIONS",
    "sr.",
    "dir",
    "ceo",
    "and",
    "co-founder",
    "revops",
    ",",
    " ",
    "b2b",
    "the",
    "directeur",
    "général",
    "it's",
    "r&d",
    "/",
    "(",
]
FRAGMENTS = {
    "normalize_company_name": COMPANY_PARTS,
    "normalize_domain": DOMAIN_PARTS,
    "normalize_person_name": PERSON_PARTS,
    "normalize_email": EMAIL_PARTS,
    "normalize_phone": PHONE_PARTS,
    "normalize_title": TITLE_PARTS,
}

# Any text PostgreSQL can store: everything but NUL and lone surrogates.
ANY_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=["Cs"], blacklist_characters="\x00"),
    max_size=80,
)


def messy_values(macro: str) -> st.SearchStrategy[str]:
    """Field-like values: fragments glued with random separators and case changes, mixed with
    arbitrary unicode and hostile strings."""
    fragment = st.sampled_from(FRAGMENTS[macro]) | st.sampled_from(HOSTILE) | ANY_TEXT
    glued = st.lists(
        st.tuples(fragment, st.sampled_from(["", " ", "  ", ",", ", ", ".", "\t"])),
        min_size=1,
        max_size=8,
    ).map(lambda parts: "".join(f + sep for f, sep in parts))
    cased = st.tuples(glued, st.sampled_from([str, str.upper, str.lower, str.title])).map(
        lambda pair: pair[1](pair[0])
    )
    return cased | ANY_TEXT | st.sampled_from(HOSTILE)


def connect_kwargs() -> dict[str, object]:
    host = os.environ.get("REVOPS_PG_HOST")
    if not host:
        pytest.skip(
            "REVOPS_PG_HOST is not set: the normalization property tests run against the "
            "project's PostgreSQL (the project's test runner sets REVOPS_PG_HOST)"
        )
    return {
        "host": host,
        "port": int(os.environ.get("REVOPS_PG_PORT", "5432")),
        "user": os.environ.get("REVOPS_PG_USER", "postgres"),
        "password": os.environ.get("REVOPS_PG_PASSWORD", ""),
        "dbname": os.environ.get("REVOPS_PG_DATABASE", "revops"),
    }


class Dbt:
    """dbt run in-process against the project, with scratch target and log folders."""

    def __init__(self, scratch: Path) -> None:
        from dbt.cli.main import dbtRunner

        self.runner = dbtRunner()
        self.scratch = scratch
        self.profiles_dir = self._profiles_dir()

    def _profiles_dir(self) -> Path:
        if os.environ.get("DBT_PROFILES_DIR"):
            return Path(os.environ["DBT_PROFILES_DIR"])
        shared = PROJECT_ROOT / ".revops" / "profiles"
        if (shared / "profiles.yml").exists():
            return shared
        # The example profile is the real one (it reads REVOPS_PG_* from the environment).
        own = self.scratch / "profiles"
        own.mkdir(exist_ok=True)
        shutil.copy(PROJECT_ROOT / "profiles.example.yml", own / "profiles.yml")
        return own

    def invoke(self, *args: str):
        argv = [
            *args,
            "--project-dir",
            str(PROJECT_ROOT),
            "--profiles-dir",
            str(self.profiles_dir),
            "--target-path",
            str(self.scratch / "target"),
            "--log-path",
            str(self.scratch / "logs"),
        ]
        with contextlib.redirect_stdout(io.StringIO()):
            result = self.runner.invoke(argv)
        if not result.success:
            raise AssertionError(
                f"dbt {' '.join(args[:3])} failed: {result.exception or result.result}"
            )
        return result


def compile_queries(dbt: Dbt) -> dict[str, str]:
    """One compiled query per check, from a single `dbt compile --inline` (one parse)."""
    parts = {}
    for macro in MACROS:
        parts[macro] = f"""
            select
                input_id,
                normalized_value,
                {{{{ {macro}('normalized_value') }}}} as renormalized_value
            from (
                select input_id, {{{{ {macro}('input_value') }}}} as normalized_value
                from pg_temp.{INPUT_TABLE}
            ) as normalized_once
            order by input_id"""
    # Dictionary checks: each query returns the seed rows that break their rule.
    parts["legal_suffixes_stripped"] = """
        select legal_suffix from {{ ref('legal_suffixes') }}
        where {{ normalize_company_name("'Acme ' || legal_suffix") }}
                is distinct from 'Acme'
           or {{ normalize_company_name("'ACME, ' || upper(legal_suffix)") }}
                is distinct from 'Acme'"""
    parts["person_affixes_stripped"] = """
        select affix from {{ ref('person_name_affixes') }}
        where case affix_position
            when 'prefix' then {{ normalize_person_name("affix || ' John Smith'") }}
            else {{ normalize_person_name("'John Smith, ' || upper(affix)") }}
        end is distinct from 'John Smith'"""
    parts["title_replacements_stable"] = """
        select replacement from {{ ref('title_terms') }}
        where term_type <> 'small_word'
          and {{ normalize_title('replacement') }} is distinct from replacement"""
    parts["free_mail_domains_normalized"] = """
        select free_mail_domain from {{ ref('free_mail_domains') }}
        where {{ normalize_domain('free_mail_domain') }} is distinct from free_mail_domain
           or not {{ is_free_mail_domain(
                normalize_domain("'https://www.' || upper(free_mail_domain) || '/'")
           ) }}"""
    marker = "-- @@query "
    inline = "\n".join(f"{marker}{name}\n{sql};" for name, sql in parts.items())
    compiled = dbt.invoke("compile", "--inline", inline).result.results[0].node.compiled_code
    queries = {}
    for chunk in compiled.split(marker)[1:]:
        name, _, sql = chunk.partition("\n")
        queries[name.strip()] = sql.strip().rstrip(";")
    assert set(queries) == set(parts), "could not split the compiled queries"
    return queries


class Normalization:
    """A connection with the input temp table, and the compiled queries by name."""

    def __init__(self, conn, queries: dict[str, str]) -> None:
        self.conn = conn
        self.queries = queries

    def __repr__(self) -> str:  # hypothesis prints the arguments of a failing example
        return "<normalization queries>"


@pytest.fixture(scope="module")
def normalization(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Normalization]:
    kwargs = connect_kwargs()
    dbt = Dbt(tmp_path_factory.mktemp("dbt_normalization"))
    dbt.invoke("seed", "--select", "normalization")
    queries = compile_queries(dbt)
    with psycopg.connect(autocommit=True, **kwargs) as conn:
        conn.execute(f"create temp table {INPUT_TABLE} (input_id integer, input_value text)")
        yield Normalization(conn, queries)


def normalize_batch(
    normalization: Normalization, macro: str, values: list[str | None]
) -> list[tuple]:
    """[(input, normalized, renormalized)] for `values`, in one query."""
    conn, queries = normalization.conn, normalization.queries
    conn.execute(f"truncate {INPUT_TABLE}")
    with conn.cursor().copy(f"copy {INPUT_TABLE} (input_id, input_value) from stdin") as copy:
        for input_id, value in enumerate(values):
            copy.write_row((input_id, value))
    rows = conn.execute(queries[macro]).fetchall()
    assert [row[0] for row in rows] == list(range(len(values)))
    return [(values[input_id], once, twice) for input_id, once, twice in rows]


def assert_properties(macro: str, results: list[tuple]) -> None:
    for value, once, twice in results:
        assert twice == once, f"{macro} is not idempotent: {value!r} -> {once!r} -> {twice!r}"
        if once is not None:
            assert SHAPES[macro](once), f"{macro}({value!r}) = {once!r} has not the field's shape"


@pytest.mark.parametrize("macro", MACROS)
def test_spec_example(normalization, macro: str) -> None:
    raw, expected = SPEC_EXAMPLES[macro]
    [(_, once, twice)] = normalize_batch(normalization, macro, [raw])
    assert once == expected
    assert twice == expected


@pytest.mark.parametrize("macro", MACROS)
def test_null_empty_and_blank_give_null(normalization, macro: str) -> None:
    results = normalize_batch(normalization, macro, [None, "", " ", "\t\n", "\u00a0\u3000"])
    assert [once for _, once, _ in results] == [None] * 5


@pytest.mark.parametrize("macro", MACROS)
def test_hostile_and_10_kb_values_are_handled_quickly(normalization, macro: str) -> None:
    started = time.perf_counter()
    results = normalize_batch(normalization, macro, HOSTILE + LONG_VALUES)
    elapsed = time.perf_counter() - started
    assert_properties(macro, results)
    assert elapsed < 10, f"{macro} took {elapsed:.1f}s on {len(results)} hostile/10 kB values"


@pytest.mark.parametrize(
    "check",
    [
        "legal_suffixes_stripped",
        "person_affixes_stripped",
        "title_replacements_stable",
        "free_mail_domains_normalized",
    ],
)
def test_dictionary_entries_behave(normalization, check: str) -> None:
    offenders = [row[0] for row in normalization.conn.execute(normalization.queries[check])]
    assert offenders == [], f"{check}: {offenders}"


def property_test(macro: str):
    @settings(
        max_examples=40,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(values=st.lists(messy_values(macro), min_size=1, max_size=40))
    def test(normalization, values: list[str]) -> None:
        assert_properties(macro, normalize_batch(normalization, macro, values))

    test.__name__ = f"test_{macro}_is_idempotent_and_never_raises"
    test.__doc__ = f"{macro}(x) never raises, and {macro}({macro}(x)) = {macro}(x), for any x."
    return test


test_normalize_company_name_is_idempotent_and_never_raises = property_test("normalize_company_name")
test_normalize_domain_is_idempotent_and_never_raises = property_test("normalize_domain")
test_normalize_person_name_is_idempotent_and_never_raises = property_test("normalize_person_name")
test_normalize_email_is_idempotent_and_never_raises = property_test("normalize_email")
test_normalize_phone_is_idempotent_and_never_raises = property_test("normalize_phone")
test_normalize_title_is_idempotent_and_never_raises = property_test("normalize_title")
