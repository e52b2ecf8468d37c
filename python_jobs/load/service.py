"""Load CSV files into the `raw` schema with COPY, one audited load batch per file.

- The header is checked against the documented format (raw_tables.py) before anything loads.
- Encoding is detected in a first streaming pass that also computes the file's sha256 (see
  inspect_file): UTF-8 with or without BOM; else Windows-1252 (Latin-1 when the file holds a
  byte Windows-1252 leaves undefined); a UTF-8 file with some lines in a single-byte encoding
  is read line by line, each line in its own encoding, and the batch counts those lines. The
  next pass streams the bytes into COPY, so memory stays constant whatever the file size
  (bounded by the longest line when lines are re-decoded, as in the server's own COPY) and
  PostgreSQL's C parser does the CSV work.
- A file already loaded (same workspace, kind and sha256) loads nothing new.
- The COPY and the batch's `loaded` status commit together: a bad or truncated file leaves a
  `failed` batch row with the reason and no raw rows; so does a file refused at inspection
  (not CSV, a header that does not match). A batch whose loader died (killed, lost its
  connection) is marked `aborted` by the next load.

Locks, always taken in this order within a transaction, so loads never deadlock each other
or the schema's DDL: the raw schema's advisory lock (shared by loads, exclusive for DDL, which
runs only when the schema is missing or older than this code), then the file's (two loads of
the same file queue), then table locks. Each `loading` batch is also held by a session
advisory lock of its loader: a batch in `loading` whose lock is free has lost its loader.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import re
import uuid
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import psycopg
from psycopg import sql

from python_jobs.errors import UserError, shown, shown_path
from python_jobs.load.raw_tables import GROUND_TRUTH_TABLES, RAW_FEEDS, RawFeed

CHUNK_BYTES = 1 << 20
HEADER_BYTES = 1 << 20  # a header row is read from the file's first megabyte
UTF8_BOM = codecs.BOM_UTF8
# Bytes Windows-1252 leaves undefined: a single-byte file holding one is read as Latin-1.
CP1252_UNDEFINED = (b"\x81", b"\x8d", b"\x8f", b"\x90", b"\x9d")
# A multi-byte UTF-8 sequence: the sign that a file's non-ASCII lines may be UTF-8.
UTF8_SEQUENCE = re.compile(rb"[\xc2-\xf4][\x80-\xbf]+")

BATCH_STATUSES = ("loading", "loaded", "failed", "aborted")
# Bump with every change to raw_schema_ddl(): a database marked with an older version gets the
# DDL again (every statement is idempotent), one marked with this one gets none.
SCHEMA_VERSION = "revops raw schema 2"
RAW_SCHEMA_LOCK = "revops.raw_schema"
# First key of a batch's session advisory lock (the second is hashtext(load_batch_id)).
BATCH_LOCK_SPACE = 0x72617762  # 'rawb'
UNKNOWN_KIND = "unknown"  # the kind of a refused file no header or --kind told


@dataclass(frozen=True)
class FileFacts:
    sha256: str
    size_bytes: int
    encoding: str  # UTF8 | WIN1252 | LATIN1 (PostgreSQL's names): how COPY reads the file
    has_bom: bool
    header: tuple[str, ...]
    # UTF-8 with some lines in a single-byte encoding: transcoded line by line before COPY
    mixed: bool = False


@dataclass(frozen=True)
class LoadResult:
    kind: str
    file: Path
    load_batch_id: str
    rows_loaded: int
    already_loaded: bool
    lines_redecoded: int = 0  # lines of a UTF-8 file read as Windows-1252 or Latin-1


class RefusedFile(UserError):
    """A file refused at inspection; what is known of it goes into its `failed` batch."""

    def __init__(
        self, message: str, sha256: str | None = None, size: int = 0, kind: str | None = None
    ) -> None:
        super().__init__(message)
        self.sha256 = sha256
        self.size = size
        self.kind = kind


# -- schema ---------------------------------------------------------------------------------------


def raw_schema_ddl() -> str:
    """DDL for the raw schema, generated from the feed contract so the two never drift. Every
    statement is idempotent and upgrades a database an older version created."""
    statuses = ", ".join(f"'{status}'" for status in BATCH_STATUSES)
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
            status text not null,
            message text,
            started_at timestamptz not null default now(),
            finished_at timestamptz,
            lines_redecoded bigint
        )""",
        # added after the first version: lines of a UTF-8 file read as Windows-1252 or Latin-1
        "alter table raw.load_batches add column if not exists lines_redecoded bigint",
        # replaced, so a database from before a status was added accepts it
        "alter table raw.load_batches drop constraint if exists load_batches_status_check",
        f"""alter table raw.load_batches add constraint load_batches_status_check
            check (status in ({statuses}))""",
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
    statements.append(f"comment on schema raw is '{SCHEMA_VERSION}'")
    return ";\n".join(statements) + ";"


def _schema_is_current(conn: psycopg.Connection) -> bool:
    row = conn.execute("select obj_description(to_regnamespace('raw'), 'pg_namespace')").fetchone()
    return row is not None and row[0] == SCHEMA_VERSION


def ensure_raw_schema(conn: psycopg.Connection) -> None:
    """Create or upgrade the raw schema, or do nothing when it is current: its DDL locks the
    tables (`create index if not exists` waits for a running COPY), so it runs only when needed,
    under the schema lock every load transaction shares."""
    with conn.transaction():
        if _schema_is_current(conn):
            return
    with conn.transaction():
        conn.execute("select pg_advisory_xact_lock(hashtext(%s))", (RAW_SCHEMA_LOCK,))
        if not _schema_is_current(conn):  # another load may have done it while we waited
            conn.execute(raw_schema_ddl())


@contextmanager
def _raw_transaction(conn: psycopg.Connection) -> Iterator[None]:
    """A transaction that writes raw tables: the schema lock first, shared with other loads."""
    with conn.transaction():
        conn.execute("select pg_advisory_xact_lock_shared(hashtext(%s))", (RAW_SCHEMA_LOCK,))
        yield


def abort_orphaned_batches(conn: psycopg.Connection) -> int:
    """Mark `aborted` every `loading` batch whose loader is gone (its session lock is free):
    a killed load leaves its batch row and, its COPY rolled back, no raw rows."""
    with _raw_transaction(conn):
        loading = conn.execute(
            "select load_batch_id from raw.load_batches where status = 'loading'"
            " for update skip locked"
        ).fetchall()
        orphans = []
        for (batch_id,) in loading:
            free = conn.execute(
                "select pg_try_advisory_lock(%s, hashtext(%s))", (BATCH_LOCK_SPACE, batch_id)
            ).fetchone()
            if free and free[0]:
                orphans.append(batch_id)
        if orphans:
            conn.execute(
                """update raw.load_batches set status = 'aborted', rows_loaded = 0,
                       message = 'the load was interrupted before it finished; nothing loaded',
                       finished_at = now()
                   where load_batch_id = any(%s)""",
                (orphans,),
            )
        for batch_id in orphans:
            conn.execute(
                "select pg_advisory_unlock(%s, hashtext(%s))", (BATCH_LOCK_SPACE, batch_id)
            )
    return len(orphans)


# -- file inspection ------------------------------------------------------------------------------


def inspect_file(path: Path) -> FileFacts:
    """Stream the file once: sha256, encoding, and its header row."""
    if not path.exists():
        raise UserError(f"{shown_path(path)}: no such file")
    if not path.is_file():
        raise UserError(f"{shown_path(path)}: not a file")
    digest = hashlib.sha256()
    decoder = codecs.getincrementaldecoder("utf-8")()
    is_utf8 = True
    binary = False
    size = 0
    first = b""
    try:
        with open(path, "rb") as handle:
            while chunk := handle.read(CHUNK_BYTES):
                if len(first) < HEADER_BYTES:
                    first += chunk[: HEADER_BYTES - len(first)]
                # hashed to the end all the same: the refused file's batch names its content
                binary = binary or b"\x00" in chunk
                digest.update(chunk)
                size += len(chunk)
                if is_utf8 and not binary:
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
        raise UserError(f"{shown_path(path)}: permission denied") from None
    except IsADirectoryError:
        raise UserError(f"{shown_path(path)}: not a file") from None
    sha256 = digest.hexdigest()
    if binary:
        raise RefusedFile(f"{shown_path(path)}: not a CSV file (binary content)", sha256, size)
    if size == 0:
        raise RefusedFile(
            f"{shown_path(path)}: empty file (a header row is required)", sha256, size
        )
    has_bom = first.startswith(UTF8_BOM)
    mixed = False
    if is_utf8:
        encoding = "UTF8"
    else:
        mixed, encoding = _classify_non_utf8(path, has_bom)
    head = first[len(UTF8_BOM) :] if has_bom else first
    header_line = _decode_line(head.split(b"\n", 1)[0].rstrip(b"\r"), encoding, mixed)
    try:
        header = next(csv.reader(io.StringIO(header_line)))
    except (csv.Error, StopIteration):
        raise RefusedFile(
            f"{shown_path(path)}: not a CSV file (unreadable header row)", sha256, size
        ) from None
    return FileFacts(
        sha256=sha256,
        size_bytes=size,
        encoding="UTF8" if mixed else encoding,
        has_bom=has_bom,
        header=tuple(name.strip().lower() for name in header),
        mixed=mixed,
    )


def _classify_non_utf8(path: Path, has_bom: bool) -> tuple[bool, str]:
    """A file that is not valid UTF-8: mixed (it has a BOM, or some lines are valid UTF-8 with
    non-ASCII characters: a UTF-8 file with lines from elsewhere), else single-byte, and then
    which: Windows-1252, or Latin-1 when a byte is undefined in Windows-1252."""
    if has_bom:
        return True, "UTF8"
    undefined = False
    with open(path, "rb") as handle:
        for block in _line_blocks(handle):
            if _has_utf8_line(block):
                return True, "UTF8"
            undefined = undefined or any(byte in block for byte in CP1252_UNDEFINED)
    return False, "LATIN1" if undefined else "WIN1252"


def _has_utf8_line(block: bytes) -> bool:
    """Whether a line of the block holds a multi-byte UTF-8 sequence and decodes as UTF-8
    (each line is tried once, so a single-byte file full of lookalike pairs stays linear)."""
    position = 0
    while match := UTF8_SEQUENCE.search(block, position):
        start = block.rfind(b"\n", 0, match.start()) + 1
        end = block.find(b"\n", match.end())
        end = len(block) if end < 0 else end
        try:
            block[start:end].decode("utf-8")
            return True
        except UnicodeDecodeError:
            position = end
    return False


def _line_blocks(handle: io.BufferedReader) -> Iterator[bytes]:
    """The file in blocks of whole lines (about CHUNK_BYTES each; a longer line is one block)."""
    pending: list[bytes] = []
    while chunk := handle.read(CHUNK_BYTES):
        cut = chunk.rfind(b"\n") + 1
        if cut == 0:
            pending.append(chunk)
            continue
        pending.append(chunk[:cut])
        yield b"".join(pending)
        pending = [chunk[cut:]] if cut < len(chunk) else []
    if pending:
        yield b"".join(pending)


def _single_byte(line: bytes) -> str:
    try:
        return line.decode("cp1252")
    except UnicodeDecodeError:  # one of the five bytes Windows-1252 leaves undefined
        return line.decode("latin-1")


def _decode_line(line: bytes, encoding: str, mixed: bool) -> str:
    if encoding == "UTF8" and not mixed:
        # replaced, not refused: the header read may have cut a character at its end
        return line.decode("utf-8", errors="replace")
    if mixed:
        try:
            return line.decode("utf-8")
        except UnicodeDecodeError:
            return _single_byte(line)
    return line.decode("cp1252" if encoding == "WIN1252" else "latin-1")


class _Transcoder:
    """A mixed file's lines as UTF-8: valid UTF-8 lines as they are, the others read as
    Windows-1252 (or Latin-1) and counted."""

    def __init__(self) -> None:
        self.lines_redecoded = 0

    def blocks(self, handle: io.BufferedReader) -> Iterator[bytes]:
        for block in _line_blocks(handle):
            try:
                block.decode("utf-8")
                yield block  # the usual case: a whole block of valid lines, as it is
                continue
            except UnicodeDecodeError:
                pass
            lines = block.split(b"\n")
            for index, line in enumerate(lines):
                try:
                    line.decode("utf-8")
                except UnicodeDecodeError:
                    lines[index] = _single_byte(line).encode("utf-8")
                    self.lines_redecoded += 1
            yield b"\n".join(lines)


def resolve_feed(path: Path, header: tuple[str, ...], kind: str | None) -> RawFeed:
    """The feed named by --kind, or the one whose columns the header carries."""
    if kind is not None:
        _check_kind(kind)
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
    duplicated = sorted(name for name, count in Counter(header).items() if count > 1)
    if missing or unknown or duplicated:
        problems = []
        if missing:
            problems.append(f"missing columns {', '.join(missing)}")
        if unknown:
            problems.append(f"unexpected columns {shown(', '.join(unknown))}")
        if duplicated:
            problems.append(f"repeated columns {shown(', '.join(duplicated))}")
        raise RefusedFile(
            f"{shown_path(path)}: header does not match kind {feed.kind}: {'; '.join(problems)}",
            kind=feed.kind,
        )
    return feed


def _check_kind(kind: str) -> None:
    if kind not in RAW_FEEDS:
        raise UserError(f"unknown kind {shown(kind)}; known kinds: {', '.join(sorted(RAW_FEEDS))}")


# -- loading --------------------------------------------------------------------------------------


def load_file(
    conn: psycopg.Connection, path: Path, workspace_id: str, kind: str | None = None
) -> LoadResult:
    if kind is not None:
        _check_kind(kind)
    ensure_raw_schema(conn)
    abort_orphaned_batches(conn)
    try:
        facts = inspect_file(path)
    except RefusedFile as refused:
        _record_refused(conn, path, workspace_id, kind, refused, refused.sha256, refused.size)
        raise
    try:
        feed = resolve_feed(path, facts.header, kind)
    except RefusedFile as refused:
        _record_refused(conn, path, workspace_id, kind, refused, facts.sha256, facts.size_bytes)
        raise

    batch_id = uuid.uuid4().hex
    locked = False
    try:
        with _raw_transaction(conn):
            # two loads of the same file at once: the second waits, then sees the first's result
            conn.execute("select pg_advisory_xact_lock(hashtext(%s))", (facts.sha256,))
            done = conn.execute(
                """select load_batch_id, rows_loaded from raw.load_batches
                   where workspace_id = %s and kind = %s and file_sha256 = %s
                     and status = 'loaded'""",
                (workspace_id, feed.kind, facts.sha256),
            ).fetchone()
            if done:
                return LoadResult(feed.kind, path, done[0], 0, already_loaded=True)
            # held until the batch is settled: while it is, the batch has a living loader
            conn.execute("select pg_advisory_lock(%s, hashtext(%s))", (BATCH_LOCK_SPACE, batch_id))
            locked = True
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
        return _copy_batch(conn, path, workspace_id, feed, facts, batch_id)
    finally:
        if locked:
            _unlock_batch(conn, batch_id)


def _copy_batch(
    conn: psycopg.Connection,
    path: Path,
    workspace_id: str,
    feed: RawFeed,
    facts: FileFacts,
    batch_id: str,
) -> LoadResult:
    try:
        with _raw_transaction(conn):
            conn.execute("select pg_advisory_xact_lock(hashtext(%s))", (facts.sha256,))
            conn.execute("select set_config('revops.workspace_id', %s, true)", (workspace_id,))
            conn.execute("select set_config('revops.load_batch_id', %s, true)", (batch_id,))
            rows, redecoded = _copy_file(conn, path, feed, facts)
            conn.execute(
                """update raw.load_batches
                   set status = 'loaded', rows_read = %s, rows_loaded = %s,
                       lines_redecoded = %s, finished_at = now()
                   where load_batch_id = %s""",
                (rows, rows, redecoded if facts.mixed else None, batch_id),
            )
    except psycopg.Error as exc:
        reason = _copy_error_line(exc)
        try:
            with _raw_transaction(conn):
                conn.execute(
                    """update raw.load_batches set status = 'failed', message = %s,
                       rows_loaded = 0, finished_at = now() where load_batch_id = %s""",
                    (reason, batch_id),
                )
        except psycopg.Error:
            pass  # the connection is gone too: the next load marks the batch aborted
        raise UserError(f"{shown_path(path)}: not loaded: {reason}") from None
    return LoadResult(feed.kind, path, batch_id, rows, False, redecoded)


def _record_refused(
    conn: psycopg.Connection,
    path: Path,
    workspace_id: str,
    kind: str | None,
    refused: RefusedFile,
    sha256: str | None,
    size: int,
) -> None:
    """A `failed` batch for a file refused at inspection: the attempt and its reason."""
    if sha256 is None:
        return
    with _raw_transaction(conn):
        conn.execute(
            """insert into raw.load_batches (load_batch_id, workspace_id, kind, file_name,
                   file_sha256, file_bytes, rows_read, rows_loaded, status, message, finished_at)
               values (%s, %s, %s, %s, %s, %s, 0, 0, 'failed', %s, now())""",
            (
                uuid.uuid4().hex,
                workspace_id,
                refused.kind or kind or UNKNOWN_KIND,
                path.name,
                sha256,
                size,
                str(refused),
            ),
        )


def _unlock_batch(conn: psycopg.Connection, batch_id: str) -> None:
    """Release a batch's lock; a connection that died has released it already."""
    try:
        with conn.transaction():
            conn.execute(
                "select pg_advisory_unlock(%s, hashtext(%s))", (BATCH_LOCK_SPACE, batch_id)
            )
    except psycopg.Error:
        pass


def _copy_file(
    conn: psycopg.Connection, path: Path, feed: RawFeed, facts: FileFacts
) -> tuple[int, int]:
    """COPY the file into its raw table; the rows copied and the lines re-decoded."""
    statement = sql.SQL(
        "copy raw.{table} ({columns}) from stdin with (format csv, header true, encoding {enc})"
    ).format(
        table=sql.Identifier(feed.table),
        columns=sql.SQL(", ").join(sql.Identifier(name) for name in facts.header),
        enc=sql.Literal(facts.encoding),
    )
    transcoder = _Transcoder()
    with conn.cursor() as cursor:
        with cursor.copy(statement) as copy, open(path, "rb") as handle:
            if facts.has_bom:
                handle.seek(len(UTF8_BOM))
            chunks = (
                transcoder.blocks(handle)
                if facts.mixed
                else iter(lambda: handle.read(CHUNK_BYTES), b"")
            )
            for chunk in chunks:
                copy.write(chunk)
        return cursor.rowcount, transcoder.lines_redecoded


def _copy_error_line(exc: psycopg.Error) -> str:
    diag = exc.diag
    primary = diag.message_primary or str(exc).splitlines()[0]
    where = f" ({diag.context.strip().splitlines()[0]})" if diag.context else ""
    return f"{primary}{where}"


def load_ground_truth(conn: psycopg.Connection, folder: Path, workspace_id: str) -> dict[str, int]:
    """Replace the workspace's answer key with the generator's (models never read it)."""
    ensure_raw_schema(conn)
    counts: dict[str, int] = {}
    with _raw_transaction(conn):
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
