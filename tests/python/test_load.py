"""The loader against a real database: header checks, encodings, idempotence, bad files,
concurrent and interrupted loads."""

from __future__ import annotations

import codecs
import time
from collections.abc import Callable
from pathlib import Path

import psycopg
import pytest
from conftest import assert_one_line_error, database_env, revops, start_revops

from python_jobs.errors import UserError
from python_jobs.load import service
from python_jobs.load.raw_tables import RAW_FEEDS
from python_jobs.load.service import (
    BATCH_LOCK_SPACE,
    abort_orphaned_batches,
    ensure_raw_schema,
    load_file,
)
from python_jobs.warehouse.connection import ConnectInfo

COMPANY_HEADER = ",".join(RAW_FEEDS["crm_companies"].columns)


def company_row(company_id: str, name: str) -> str:
    values = {column: "" for column in RAW_FEEDS["crm_companies"].columns}
    values.update(crm_company_id=company_id, company_name=name, website="acme.com")
    return ",".join(f'"{value}"' if "," in value else value for value in values.values())


@pytest.fixture()
def conn(scratch_database: ConnectInfo):
    with psycopg.connect(**scratch_database.kwargs()) as connection:  # type: ignore[arg-type]
        yield connection


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def raw_names(conn: psycopg.Connection, batch_id: str) -> list[str]:
    rows = conn.execute(
        "select company_name from raw.crm_companies where load_batch_id = %s order by raw_row_id",
        (batch_id,),
    ).fetchall()
    return [row[0] for row in rows]


def test_load_records_a_batch_and_a_second_load_adds_nothing(conn, tmp_path):
    path = write(
        tmp_path / "companies.csv",
        f"{COMPANY_HEADER}\n{company_row('1', 'Acme')}\n{company_row('2', 'Beta')}\n",
    )
    first = load_file(conn, path, "default")
    assert (first.kind, first.rows_loaded, first.already_loaded) == ("crm_companies", 2, False)
    batch = conn.execute(
        "select status, rows_read, rows_loaded, file_name, length(file_sha256), finished_at"
        " is not null from raw.load_batches where load_batch_id = %s",
        (first.load_batch_id,),
    ).fetchone()
    assert batch == ("loaded", 2, 2, "companies.csv", 64, True)

    second = load_file(conn, path, "default")
    assert second.already_loaded and second.rows_loaded == 0
    assert second.load_batch_id == first.load_batch_id
    total = conn.execute(
        "select count(*) from raw.crm_companies where company_name in ('Acme', 'Beta')"
    ).fetchone()
    assert total == (2,)


def test_every_raw_row_carries_lineage(conn, tmp_path):
    path = write(tmp_path / "lineage.csv", f"{COMPANY_HEADER}\n{company_row('9', 'Lineage')}\n")
    result = load_file(conn, path, "client_a")
    row = conn.execute(
        "select workspace_id, load_batch_id, loaded_at is not null from raw.crm_companies"
        " where company_name = 'Lineage'"
    ).fetchone()
    assert row == ("client_a", result.load_batch_id, True)


@pytest.mark.parametrize(
    ("encoding", "prefix"),
    [("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("latin-1", b"")],
    ids=["utf8", "utf8-bom", "latin1"],
)
def test_encodings_are_detected(conn, tmp_path, encoding, prefix):
    name = f"Société Générale {encoding} {len(prefix)}"
    body = f"{COMPANY_HEADER}\n{company_row('10' + str(len(prefix)), name)}\n".encode(encoding)
    path = tmp_path / "encoded.csv"
    path.write_bytes(prefix + body)
    result = load_file(conn, path, "default")
    assert raw_names(conn, result.load_batch_id) == [name]


def test_header_in_any_order_and_case_is_accepted(conn, tmp_path):
    columns = list(reversed(RAW_FEEDS["crm_companies"].columns))
    header = ",".join(f" {c.upper()} " for c in columns)
    values = ["" for _ in columns]
    values[columns.index("crm_company_id")] = "77"
    values[columns.index("company_name")] = "Reversed"
    path = write(tmp_path / "reversed.csv", f"{header}\n{','.join(values)}\n")
    result = load_file(conn, path, "default", kind="crm_companies")
    assert raw_names(conn, result.load_batch_id) == ["Reversed"]


def test_kind_is_told_by_the_header(conn, tmp_path):
    header = ",".join(RAW_FEEDS["backfill_people"].columns)
    path = write(tmp_path / "legacy.csv", header + "\n")
    assert load_file(conn, path, "default").kind == "backfill_people"


def batches_for(conn: psycopg.Connection, file_name: str) -> list[tuple]:
    return conn.execute(
        "select status, rows_loaded, message is not null from raw.load_batches"
        " where file_name = %s",
        (file_name,),
    ).fetchall()


def test_missing_columns_are_named_and_leave_a_failed_batch(conn, tmp_path):
    header = COMPANY_HEADER.replace(",website", "")
    path = write(tmp_path / "missing_column.csv", f"{header}\n1,Acme\n")
    with pytest.raises(UserError, match="missing columns website"):
        load_file(conn, path, "default", kind="crm_companies")
    assert batches_for(conn, "missing_column.csv") == [("failed", 0, True)]
    assert conn.execute(
        "select kind, message like '%missing columns website%' from raw.load_batches"
        " where file_name = 'missing_column.csv'"
    ).fetchone() == ("crm_companies", True)


def test_truncated_file_leaves_a_failed_batch_and_no_rows(conn, tmp_path):
    complete = f"{COMPANY_HEADER}\n{company_row('20', 'Whole')}\n"
    truncated = complete + '21,"Cut off in the mid'
    path = write(tmp_path / "truncated.csv", truncated)
    with pytest.raises(UserError, match="not loaded"):
        load_file(conn, path, "default")
    assert batches_for(conn, "truncated.csv") == [("failed", 0, True)]
    assert conn.execute(
        "select count(*) from raw.crm_companies where company_name = 'Whole'"
    ).fetchone() == (0,)


def test_ragged_row_fails_the_whole_file(conn, tmp_path):
    path = write(tmp_path / "ragged.csv", f"{COMPANY_HEADER}\n{company_row('30', 'Ok')}\n1,2\n")
    with pytest.raises(UserError, match="not loaded"):
        load_file(conn, path, "default")
    assert batches_for(conn, "ragged.csv") == [("failed", 0, True)]


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"", "empty file"), (b"\x89PNG\r\n\x1a\n\x00\x00", "not a CSV")],
    ids=["empty", "binary"],
)
def test_files_that_are_not_csv_are_refused_with_a_failed_batch(conn, tmp_path, content, message):
    path = tmp_path / f"bad_{len(content)}.csv"
    path.write_bytes(content)
    with pytest.raises(UserError, match=message):
        load_file(conn, path, "default")
    assert conn.execute(
        "select kind, status, rows_loaded, file_bytes, message like %s from raw.load_batches"
        " where file_name = %s",
        (f"%{message}%", path.name),
    ).fetchall() == [("unknown", "failed", 0, len(content), True)]


def test_missing_file_and_unknown_kind(conn, tmp_path):
    with pytest.raises(UserError, match="no such file"):
        load_file(conn, tmp_path / "nope.csv", "default")
    path = write(tmp_path / "x.csv", COMPANY_HEADER + "\n")
    with pytest.raises(UserError, match="unknown kind"):
        load_file(conn, path, "default", kind="tweets")


# -- encodings ------------------------------------------------------------------------------------


def batch_of(conn: psycopg.Connection, file_name: str) -> tuple:
    return conn.execute(
        "select load_batch_id, status, file_encoding, rows_loaded, lines_redecoded"
        " from raw.load_batches where file_name = %s order by started_at desc limit 1",
        (file_name,),
    ).fetchone()


@pytest.mark.parametrize("prefix", [b"", codecs.BOM_UTF8], ids=["utf8", "utf8-bom"])
def test_a_file_mixing_utf8_and_latin1_lines_loads_each_line_in_its_encoding(
    conn, scratch_database, tmp_path, prefix
):
    """Zürich in UTF-8 and in Latin-1 (and a Windows-1252 euro) all load as written, never as
    'ZÃ¼rich', and the batch counts the lines that were not UTF-8."""
    lines = [
        (COMPANY_HEADER, "utf-8"),
        (company_row("m1", "Zürich"), "utf-8"),
        (company_row("m2", "Zürich"), "latin-1"),
        (company_row("m3", "Café 5 €"), "cp1252"),
        (company_row("m4", "Ærøskøbing"), "utf-8"),
    ]
    path = tmp_path / f"mixed_{len(prefix)}.csv"
    path.write_bytes(prefix + b"".join((line + "\n").encode(enc) for line, enc in lines))
    result = revops("load", str(path), env=database_env(scratch_database), check=True)
    assert "2 lines were not UTF-8" in result.stdout
    batch_id, status, encoding, rows, redecoded = batch_of(conn, path.name)
    assert (status, encoding, rows, redecoded) == ("loaded", "UTF8", 4, 2)
    assert raw_names(conn, batch_id) == ["Zürich", "Zürich", "Café 5 €", "Ærøskøbing"]


def test_lines_are_redecoded_across_read_chunks(conn, tmp_path, monkeypatch):
    """Lines and multi-byte characters cut by the reads still decode whole."""
    monkeypatch.setattr(service, "CHUNK_BYTES", 7)
    names = [f"Zürich {i} Ærø" for i in range(12)]
    body = (COMPANY_HEADER + "\n").encode()
    for i, name in enumerate(names):
        body += (company_row(f"c{i}", name) + "\n").encode("utf-8" if i % 3 else "latin-1")
    path = tmp_path / "chunked.csv"
    path.write_bytes(body)
    result = load_file(conn, path, "default")
    assert result.lines_redecoded == 4
    assert raw_names(conn, result.load_batch_id) == names


@pytest.mark.parametrize(
    ("name_bytes", "expected", "encoding"),
    [(b"Caf\xe9 \x80 5", "Café € 5", "WIN1252"), (b"Caf\xe9 \x81", "Café \x81", "LATIN1")],
    ids=["windows-1252", "latin-1"],
)
def test_a_single_byte_file_is_read_as_windows_1252_where_it_can_be(
    conn, tmp_path, name_bytes, expected, encoding
):
    """The euro of a Windows export loads as '€', not as an invisible control character."""
    path = tmp_path / f"single_byte_{encoding}.csv"
    row = company_row(f"sb{encoding}", "NAME").encode().replace(b"NAME", name_bytes)
    path.write_bytes(COMPANY_HEADER.encode() + b"\n" + row + b"\n")
    result = load_file(conn, path, "default")
    assert raw_names(conn, result.load_batch_id) == [expected]
    assert batch_of(conn, path.name)[2] == encoding


# -- the schema and locks -------------------------------------------------------------------------


def test_schema_ddl_does_not_wait_for_a_running_copy(conn, scratch_database):
    """A load's COPY holds its table; a second load must not queue DDL behind it (the DDL's
    locks then deadlocked with the first load's batch update)."""
    ensure_raw_schema(conn)
    with psycopg.connect(**scratch_database.kwargs()) as copying:  # type: ignore[arg-type]
        copying.execute("lock table raw.crm_companies in row exclusive mode")
        with conn.transaction():
            conn.execute("set lock_timeout = '2s'")
        try:
            ensure_raw_schema(conn)
        finally:
            with conn.transaction():
                conn.execute("reset lock_timeout")


def test_an_older_raw_schema_is_upgraded(conn):
    ensure_raw_schema(conn)
    with conn.transaction():  # the schema as the first version made it
        conn.execute("alter table raw.load_batches drop column lines_redecoded")
        conn.execute("alter table raw.load_batches drop constraint load_batches_status_check")
        conn.execute(
            "alter table raw.load_batches add constraint load_batches_status_check"
            " check (status in ('loading', 'loaded', 'failed'))"
        )
        conn.execute("comment on schema raw is null")
    ensure_raw_schema(conn)
    definition = conn.execute(
        "select pg_get_constraintdef(oid) from pg_constraint"
        " where conname = 'load_batches_status_check'"
    ).fetchone()
    assert definition is not None and "'aborted'" in definition[0]
    assert conn.execute(
        "select count(*) from information_schema.columns where table_schema = 'raw'"
        " and table_name = 'load_batches' and column_name = 'lines_redecoded'"
    ).fetchone() == (1,)


def wait_for(condition: Callable[[], bool], what: str, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.2)


def lock_waiters(info: ConnectInfo, table: str) -> list[int]:
    """Sessions waiting for a lock on `table`."""
    with psycopg.connect(autocommit=True, **info.kwargs()) as conn:  # type: ignore[arg-type]
        rows = conn.execute(
            "select pid from pg_locks where not granted and relation = %s::regclass",
            (table,),
        ).fetchall()
    return [row[0] for row in rows]


def test_two_loads_at_once_both_load(conn, scratch_database, tmp_path):
    """The second load starts while the first is in its COPY: both load, neither deadlocks."""
    ensure_raw_schema(conn)
    env = database_env(scratch_database)
    paths = []
    for n in range(2):
        rows = "".join(f"{company_row(f'cc{n}-{i}', f'Concurrent {n}')}\n" for i in range(50))
        paths.append(write(tmp_path / f"concurrent_{n}.csv", f"{COMPANY_HEADER}\n{rows}"))
    with psycopg.connect(**scratch_database.kwargs()) as blocker:  # type: ignore[arg-type]
        # holds the table so that both loads are inside their work when they meet
        blocker.execute("lock table raw.crm_companies in share mode")
        first = start_revops("load", str(paths[0]), env=env)
        wait_for(lambda: len(lock_waiters(scratch_database, "raw.crm_companies")) == 1, "load 1")
        second = start_revops("load", str(paths[1]), env=env)
        wait_for(lambda: len(lock_waiters(scratch_database, "raw.crm_companies")) == 2, "load 2")
        blocker.rollback()
    for process in (first, second):
        _, stderr = process.communicate(timeout=120)
        assert process.returncode == 0, stderr
    for path in paths:
        assert batch_of(conn, path.name)[1:4] == ("loaded", "UTF8", 50)


def test_a_killed_load_leaves_an_aborted_batch(conn, scratch_database, tmp_path):
    """A load killed in its COPY leaves its batch `loading`; the next load marks it aborted."""
    ensure_raw_schema(conn)
    env = database_env(scratch_database)
    path = write(tmp_path / "killed.csv", f"{COMPANY_HEADER}\n{company_row('k1', 'Killed')}\n")
    with psycopg.connect(**scratch_database.kwargs()) as blocker:  # type: ignore[arg-type]
        blocker.execute("lock table raw.crm_companies in share mode")
        loader = start_revops("load", str(path), env=env)
        wait_for(lambda: bool(lock_waiters(scratch_database, "raw.crm_companies")), "the COPY")
        (backend,) = lock_waiters(scratch_database, "raw.crm_companies")
        loader.kill()
        loader.communicate(timeout=30)
    assert batch_of(conn, path.name)[1] == "loading"

    def backend_gone() -> bool:
        with conn.transaction():
            row = conn.execute(
                "select count(*) from pg_stat_activity where pid = %s", (backend,)
            ).fetchone()
        return row == (0,)

    wait_for(backend_gone, "the killed load's session to end")
    later = write(tmp_path / "later.csv", f"{COMPANY_HEADER}\n{company_row('k2', 'Later')}\n")
    revops("load", str(later), env=env, check=True)
    batch_id, status, *_ = batch_of(conn, path.name)
    assert status == "aborted"
    assert raw_names(conn, batch_id) == []


def test_only_batches_without_a_living_loader_are_aborted(conn, scratch_database):
    with conn.transaction():
        for batch_id in ("orphan-batch", "living-batch"):
            conn.execute(
                """insert into raw.load_batches (load_batch_id, workspace_id, kind, file_name,
                       file_sha256, file_bytes, status)
                   values (%s, 'default', 'crm_companies', %s, %s, 1, 'loading')""",
                (batch_id, f"{batch_id}.csv", batch_id),
            )
    with psycopg.connect(autocommit=True, **scratch_database.kwargs()) as loader:  # type: ignore[arg-type]
        loader.execute(
            "select pg_advisory_lock(%s, hashtext(%s))", (BATCH_LOCK_SPACE, "living-batch")
        )
        assert abort_orphaned_batches(conn) == 1
        statuses = dict(
            conn.execute(
                "select load_batch_id, status from raw.load_batches"
                " where load_batch_id in ('orphan-batch', 'living-batch')"
            ).fetchall()
        )
        conn.commit()
        assert statuses == {"orphan-batch": "aborted", "living-batch": "loading"}
    with conn.transaction():  # its loader is gone now
        assert abort_orphaned_batches(conn) == 1


# -- messages -------------------------------------------------------------------------------------


def test_a_megabyte_header_gives_a_short_clean_message(conn, scratch_database, tmp_path):
    """A header of escape sequences is named in a bounded line, escapes shown, never sent."""
    path = tmp_path / "huge_header.csv"
    path.write_bytes(("\x1b[31mred\x07," * 100_000)[: 1 << 20].encode() + b"\n1\n")
    result = revops("load", str(path), env=database_env(scratch_database))
    assert_one_line_error(result, "header does not match", code=2)
    assert len(result.stderr) < 1500
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr
    assert "\\x1b[31m" in result.stderr and "characters)" in result.stderr
    assert batch_of(conn, path.name)[1] == "failed"


def test_a_header_cut_inside_a_character_is_refused_in_one_line(conn, tmp_path):
    """The header is read from the first megabyte, which can end inside a character."""
    path = tmp_path / "long_header.csv"
    path.write_bytes(("ü," * (1 << 19)).encode() + b"\n")  # the megabyte ends in a ü
    with pytest.raises(UserError, match="header does not match"):
        load_file(conn, path, "default")
