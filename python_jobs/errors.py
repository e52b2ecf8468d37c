"""Errors a user can cause: the CLI prints them as one line and exits non-zero, no traceback."""


class UserError(Exception):
    """Bad input or environment: a missing file, an unreachable database, a bad option value."""

    exit_code = 2


class PipelineFailed(Exception):
    """A step of the pipeline failed (a dbt test, a model): reported as one line, exit code 1."""

    exit_code = 1
