"""One configuration object, built once at start-up from the environment.

Nothing here runs at import time: the CLI calls `Settings.from_env()` when a command starts.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from python_jobs.errors import UserError

PROJECT_ROOT = Path(__file__).resolve().parent.parent

# Environment variables that point the project at an external PostgreSQL instead of the
# embedded one. profiles.example.yml reads the same names.
EXTERNAL_DB_VARS = ("REVOPS_PG_HOST", "REVOPS_PG_PORT", "REVOPS_PG_USER", "REVOPS_PG_DATABASE")


@dataclass(frozen=True)
class Settings:
    project_dir: Path  # the dbt project (this repository)
    state_dir: Path  # local, git-ignored state: data folder, generated profile, generated data
    workspace_id: str  # which client business the loaded rows belong to
    external: bool  # True when REVOPS_PG_HOST is set: never start the embedded server
    pg_host: str | None
    pg_port: int
    pg_user: str
    pg_password: str | None
    pg_database: str
    dbt_target: str

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None) -> Settings:
        env = dict(os.environ if env is None else env)
        project_dir = Path(env.get("REVOPS_PROJECT_DIR", PROJECT_ROOT)).resolve()
        state_dir = Path(env.get("REVOPS_HOME", project_dir / ".revops")).resolve()
        port_text = env.get("REVOPS_PG_PORT", "5432")
        if not port_text.isdigit():
            raise UserError(f"REVOPS_PG_PORT must be a port number, got {port_text!r}")
        workspace_id = env.get("REVOPS_WORKSPACE", "default")
        if not workspace_id or not workspace_id.replace("_", "").replace("-", "").isalnum():
            raise UserError(
                f"REVOPS_WORKSPACE must be letters, digits, '-' or '_', got {workspace_id!r}"
            )
        host = env.get("REVOPS_PG_HOST") or None
        return cls(
            project_dir=project_dir,
            state_dir=state_dir,
            workspace_id=workspace_id,
            external=host is not None,
            pg_host=host,
            pg_port=int(port_text),
            pg_user=env.get("REVOPS_PG_USER", "postgres"),
            pg_password=env.get("REVOPS_PG_PASSWORD") or None,
            pg_database=env.get("REVOPS_PG_DATABASE", "revops"),
            dbt_target=env.get("REVOPS_DBT_TARGET", "dev"),
        )

    @property
    def pgdata_dir(self) -> Path:
        return self.state_dir / "pgdata"

    @property
    def generated_dir(self) -> Path:
        return self.state_dir / "generated"

    @property
    def profiles_dir(self) -> Path:
        # the profile holds no state (it reads env vars), so every REVOPS_HOME shares one
        return self.project_dir / ".revops" / "profiles"
