"""Run the Alembic migrations programmatically (`cvjudge init-db`, tests, start-up)."""
from pathlib import Path

from alembic import command
from alembic.config import Config

from web.db import private_sqlite_file

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def alembic_config(url: str) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["url"] = url
    return config


def upgrade(url: str) -> None:
    """Bring the database at `url` to the newest schema (creating it if needed)."""
    if url.startswith("sqlite:///"):
        private_sqlite_file(url)
    command.upgrade(alembic_config(url), "head")
