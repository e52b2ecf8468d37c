"""Errors a user can cause: the CLI prints them as one line and exits non-zero, no traceback."""

from __future__ import annotations

import unicodedata

# Most characters of one user value (a header, a file name, an option) a message repeats.
MAX_SHOWN = 200
# Categories that can break a one-line message or a terminal: controls (newlines, escapes),
# format characters (bidi overrides), line and paragraph separators, lone surrogates.
_HIDDEN_CATEGORIES = {"Cc", "Cf", "Zl", "Zp", "Cs"}


class UserError(Exception):
    """Bad input or environment: a missing file, an unreachable database, a bad option value."""

    exit_code = 2


class PipelineFailed(Exception):
    """A step of the pipeline failed (a dbt test, a model): reported as one line, exit code 1."""

    exit_code = 1


def _escaped(char: str) -> str:
    if unicodedata.category(char) not in _HIDDEN_CATEGORIES:
        return char
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str, limit: int, keep_end: bool = False) -> tuple[str, bool]:
    """`text` with control characters escaped, cut to at most `limit` characters (an escape is
    never split), keeping its start or its end; and whether it was cut."""
    pieces: list[str] = []
    length = 0
    for char in reversed(text) if keep_end else text:
        piece = _escaped(char)
        if length + len(piece) > limit:
            break
        pieces.append(piece)
        length += len(piece)
    else:
        return "".join(reversed(pieces) if keep_end else pieces), False
    return "".join(reversed(pieces) if keep_end else pieces), True


def shown(value: object, limit: int = MAX_SHOWN) -> str:
    """A user-supplied value as a message may quote it: escaped and at most `limit` characters
    of it, with its full length when it was cut (a header row can be a megabyte of anything)."""
    text = str(value)
    body, cut = printable(text, limit)
    return f"'{body}…' ({len(text):,} characters)" if cut else f"'{body}'"


def shown_path(path: object, limit: int = MAX_SHOWN) -> str:
    """A file name as a message shows it, unquoted: escaped, and its last `limit` characters
    when it is longer (the end names the file)."""
    body, cut = printable(str(path), limit, keep_end=True)
    return "…" + body if cut else body


def one_line(message: str, limit: int = 2000) -> str:
    """The last guard before a message reaches stderr: one line, no control characters."""
    body, cut = printable(message, limit)
    return body + "…" if cut else body
