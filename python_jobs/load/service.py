"""Load CSV files into the `raw` schema with COPY, one audited load batch per file.

- The header is checked against the documented format (raw_tables.py) before anything loads.
- Encoding is detected (UTF-8 with or without BOM, else Latin-1) in a first streaming pass that
  also computes the file's sha256; the second pass streams the bytes into COPY, so memory stays
  constant whatever the file size and PostgreSQL's C parser does the CSV work.
- A file already loaded (same workspace, kind and sha256) loads nothing new.
- The COPY and the batch's `loaded` status commit together: a bad or truncated file leaves a
  `failed` batch row with the reason and no raw rows.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import uuid
from dataclasses import dataclass
from pathlib import Path

import psycopg
from psycopg import sql

from python_jobs.errors import UserError
from python_jobs.load.raw_tables import GROUND_TRUTH_TABLES, RAW_FEEDS, RawFeed

CHUNK_BYTES = 1 << 20
UTF8_BOM = codecs.BOM_UTF8


@dataclass(frozen=True)
class FileFacts:
    sha256: str
    size_bytes: int
    encoding: str  # UTF8 | LATIN1 (PostgreSQL's names)
    has_bom: bool
    header: tuple[str, ...]


@dataclass(frozen=True)
class LoadResult:
    kind: str
    file: Path
    load_batch_id: str
    rows_loaded: int
    already_loaded: bool


# -- schema ---------------------------------------------------------------------------------------


def raw_schema_ddl() -> str:
    """DDL for the raw schema, generated from the feed contract so the two never drift."""
    statements = [
        "create schema if not exists raw",
        """create table if not exists raw.load_batches (
            load_batch_id text primary key,
            workspace_id text not null,
            kind text not null,
            file_name text not null,
            file_sha256 text not null,
            file_bytes bigint not null,
            file_encoding text,
            rows_read bigint,
            rows_loaded bigint,
            status text not null check (status in ('loading', 'loaded', 'failed')),
            message text,
            started_at timestamptz not null default now(),
            finished_at timestamptz
        )""",
        # one successful load per file content: loading the same file twice loads nothing new
        """create unique index if not exists load_batches_one_success_per_file
            on raw.load_batches (workspace_id, kind, file_sha256) where status = 'loaded'""",
    ]
    for feed in RAW_FEEDS.values():
        columns = ",\n".join(f"    {name} text" for name in feed.columns)
        statements.append(
            f"""create table if not exists raw.{feed.table} (
    raw_row_id bigint generated always as identity primary key,
{columns},
    workspace_id text not null default current_setting('revops.workspace_id'),
    load_batch_id text not null default current_setting('revops.load_batch_id'),
    loaded_at timestamptz not null default now()
)"""
        )
        statements.append(
            f"create index if not exists {feed.table}_batch on raw.{feed.table} (load_batch_id)"
        )
    statements.append("create schema if not exists ground_truth")
    for table, columns in GROUND_TRUTH_TABLES.items():
        cols = ", ".join(f"{name} text" for name in columns)
        statements.append(
            f"create table if not exists ground_truth.{table} "
            "(workspace_id text not null default current_setting('revops.workspace_id'), "
            f"{cols})"
        )
    return ";\n".join(statements) + ";"


def ensure_raw_schema(conn: psycopg.Connection) -> None:
    with conn.transaction():
        conn.execute("select pg_advisory_xact_lock(hashtext('revops.raw_schema'))")
        conn.execute(raw_schema_ddl())


# -- file inspection ------------------------------------------------------------------------------


def inspect_file(path: Path) -> FileFacts:
    """Stream the file once: sha256, encoding, and its header row."""
    if not path.exists():
        raise UserError(f"{path}: no such file")
    if not path.is_file():
        raise UserError(f"{path}: not a file")
    digest = hashlib.sha256()
    decoder = codecs.getincrementaldecoder("utf-8")()
    is_utf8 = True
    size = 0
    first = b""
    try:
        with open(path, "rb") as handle:
            while chunk := handle.read(CHUNK_BYTES):
                if not first:
                    first = chunk
                if b"\x00" in chunk:
                    raise UserError(f"{path}: not a CSV file (binary content)")
                digest.update(chunk)
                size += len(chunk)
                if is_utf8:
                    try:
                        decoder.decode(chunk)
                    except UnicodeDecodeError:
                        is_utf8 = False
            if is_utf8:
                try:
                    decoder.decode(b"", final=True)
                except UnicodeDecodeError:
                    is_utf8 = False
    except PermissionError:
        raise UserError(f"{path}: permission denied") from None
    except IsADirectoryError:
        raise UserError(f"{path}: not a file") from None
    if size == 0:
        raise UserError(f"{path}: empty file (a header row is required)")
    has_bom = first.startswith(UTF8_BOM)
    encoding = "UTF8" if is_utf8 else "LATIN1"
    head = first[len(UTF8_BOM) :] if has_bom else first
    header_line = head.split(b"\n", 1)[0].rstrip(b"\r").decode("utf-8" if is_utf8 else "latin-1")
    try:
        header = next(csv.reader(io.StringIO(header_line)))
    except (csv.Error, StopIteration):
        raise UserError(f"{path}: not a CSV file (unreadable header row)") from None
    return FileFacts(
        sha256=digest.hexdigest(),
        size_bytes=size,
        encoding=encoding,
        has_bom=has_bom,
        header=tuple(name.strip().lower() for name in header),
    )


def resolve_feed(path: Path, header: tuple[str, ...], kind: str | None) -> RawFeed:
    """The feed named by --kind, or the one whose columns the header carries."""
    if kind is not None:
        if kind not in RAW_FEEDS:
            raise UserError(f"unknown kind {kind!r}; known kinds: {', '.join(sorted(RAW_FEEDS))}")
        feed = RAW_FEEDS[kind]
    else:
        matches = [feed for feed in RAW_FEEDS.values() if set(feed.columns) == set(header)]
        if not matches:
            closest = max(RAW_FEEDS.values(), key=lambda f: len(set(f.columns) & set(header)))
            feed = closest
        else:
            feed = matches[0]
    missing = [name for name in feed.columns if name not in header]
    unknown = [name for name in header if name not in feed.columns]
    duplicated = sorted({name for name in header if header.count(name) > 1})
    if missing or unknown or duplicated:
        problems = []
        if missing:
            problems.append(f"missing columns {', '.join(missing)}")
        if unknown:
            problems.append(f"unexpected columns {', '.join(unknown)}")
        if duplicated:
            problems.append(f"repeated columns {', '.join(duplicated)}")
        raise UserError(f"{path}: header does not match kind {feed.kind}: {'; '.join(problems)}")
    return feed


# -- loading --------------------------------------------------------------------------------------


def load_file(
    conn: psycopg.Connection, path: Path, workspace_id: str, kind: str | None = None
) -> LoadResult:
    facts = inspect_file(path)
    feed = resolve_feed(path, facts.header, kind)
    ensure_raw_schema(conn)

    with conn.transaction():
        # two loads of the same file at once: the second waits, then sees the first's result
        conn.execute("select pg_advisory_xact_lock(hashtext(%s))", (facts.sha256,))
        done = conn.execute(
            """select load_batch_id, rows_loaded from raw.load_batches
               where workspace_id = %s and kind = %s and file_sha256 = %s and status = 'loaded'""",
            (workspace_id, feed.kind, facts.sha256),
        ).fetchone()
        if done:
            return LoadResult(feed.kind, path, done[0], 0, already_loaded=True)
        batch_id = uuid.uuid4().hex
        conn.execute(
            """insert into raw.load_batches (load_batch_id, workspace_id, kind, file_name,
                   file_sha256, file_bytes, file_encoding, status)
               values (%s, %s, %s, %s, %s, %s, %s, 'loading')""",
            (
                batch_id,
                workspace_id,
                feed.kind,
                path.name,
                facts.sha256,
                facts.size_bytes,
                facts.encoding,
            ),
        )

    try:
        with conn.transaction():
            conn.execute("select pg_advisory_xact_lock(hashtext(%s))", (facts.sha256,))
            conn.execute("select set_config('revops.workspace_id', %s, true)", (workspace_id,))
            conn.execute("select set_config('revops.load_batch_id', %s, true)", (batch_id,))
            rows = _copy_file(conn, path, feed, facts)
            conn.execute(
                """update raw.load_batches
                   set status = 'loaded', rows_read = %s, rows_loaded = %s, finished_at = now()
                   where load_batch_id = %s""",
                (rows, rows, batch_id),
            )
    except psycopg.Error as exc:
        reason = _copy_error_line(exc)
        with conn.transaction():
            conn.execute(
                """update raw.load_batches set status = 'failed', message = %s,
                   rows_loaded = 0, finished_at = now() where load_batch_id = %s""",
                (reason, batch_id),
            )
        raise UserError(f"{path}: not loaded: {reason}") from None
    return LoadResult(feed.kind, path, batch_id, rows, already_loaded=False)


def _copy_file(conn: psycopg.Connection, path: Path, feed: RawFeed, facts: FileFacts) -> int:
    statement = sql.SQL(
        "copy raw.{table} ({columns}) from stdin with (format csv, header true, encoding {enc})"
    ).format(
        table=sql.Identifier(feed.table),
        columns=sql.SQL(", ").join(sql.Identifier(name) for name in facts.header),
        enc=sql.Literal(facts.encoding),
    )
    with conn.cursor() as cursor:
        with cursor.copy(statement) as copy, open(path, "rb") as handle:
            if facts.has_bom:
                handle.seek(len(UTF8_BOM))
            while chunk := handle.read(CHUNK_BYTES):
                copy.write(chunk)
        return cursor.rowcount


def _copy_error_line(exc: psycopg.Error) -> str:
    diag = exc.diag
    primary = diag.message_primary or str(exc).splitlines()[0]
    where = f" ({diag.context.strip().splitlines()[0]})" if diag.context else ""
    return f"{primary}{where}"


def load_ground_truth(conn: psycopg.Connection, folder: Path, workspace_id: str) -> dict[str, int]:
    """Replace the workspace's answer key with the generator's (models never read it)."""
    ensure_raw_schema(conn)
    counts: dict[str, int] = {}
    with conn.transaction():
        conn.execute("select set_config('revops.workspace_id', %s, true)", (workspace_id,))
        for table, columns in GROUND_TRUTH_TABLES.items():
            path = folder / f"{table}.csv"
            if not path.exists():
                continue
            target = sql.Identifier("ground_truth", table)
            conn.execute(
                sql.SQL("delete from {} where workspace_id = %s").format(target), (workspace_id,)
            )
            statement = sql.SQL(
                "copy {table} ({columns}) from stdin with (format csv, header true)"
            ).format(
                table=target,
                columns=sql.SQL(", ").join(sql.Identifier(c) for c in columns),
            )
            with conn.cursor() as cursor:
                with cursor.copy(statement) as copy, open(path, "rb") as handle:
                    while chunk := handle.read(CHUNK_BYTES):
                        copy.write(chunk)
                counts[table] = cursor.rowcount
    return counts
