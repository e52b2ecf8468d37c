"""The loader against a real database: header checks, encodings, idempotence, bad files."""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest

from python_jobs.errors import UserError
from python_jobs.load.raw_tables import RAW_FEEDS
from python_jobs.load.service import load_file
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


def test_missing_columns_are_named_and_nothing_loads(conn, tmp_path):
    header = COMPANY_HEADER.replace(",website", "")
    path = write(tmp_path / "missing_column.csv", f"{header}\n1,Acme\n")
    with pytest.raises(UserError, match="missing columns website"):
        load_file(conn, path, "default", kind="crm_companies")
    assert batches_for(conn, "missing_column.csv") == []


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
def test_files_that_are_not_csv_are_refused(conn, tmp_path, content, message):
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    with pytest.raises(UserError, match=message):
        load_file(conn, path, "default")


def test_missing_file_and_unknown_kind(conn, tmp_path):
    with pytest.raises(UserError, match="no such file"):
        load_file(conn, tmp_path / "nope.csv", "default")
    path = write(tmp_path / "x.csv", COMPANY_HEADER + "\n")
    with pytest.raises(UserError, match="unknown kind"):
        load_file(conn, path, "default", kind="tweets")
