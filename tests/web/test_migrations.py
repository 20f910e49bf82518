"""The Alembic migrations build exactly the schema the models describe."""
import warnings

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, text
from sqlalchemy.exc import IntegrityError

from web.models import Base


def test_migrated_schema_matches_the_models(migrated_template):
    engine = create_engine(migrated_template)
    with engine.connect() as connection, warnings.catch_warnings():
        warnings.simplefilter("ignore")  # SQLite cannot reflect the lower(username) index
        assert compare_metadata(MigrationContext.configure(connection), Base.metadata) == []
    engine.dispose()


def test_usernames_are_unique_whatever_their_case(app):
    engine = app.extensions["cvjudge.db"].engine
    insert = text("INSERT INTO users (username, password_hash, role, active, bio, created_at) "
                  "VALUES (:name, 'x', 'member', true, '', '2026-01-01')")
    with engine.begin() as connection:
        connection.execute(insert, {"name": "Alice"})
    with pytest.raises(IntegrityError), engine.begin() as connection:
        connection.execute(insert, {"name": "alice"})
