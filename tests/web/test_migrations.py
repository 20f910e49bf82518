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


def test_ratings_given_before_scorecards_become_their_authors_scorecards(tmp_path):
    """Migration 0011: an item's single rating and notes move to a scorecard."""
    from alembic import command

    from web.migrate import alembic_config
    url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    command.upgrade(alembic_config(url), "0010")
    engine = create_engine(url)
    with engine.begin() as connection:
        for statement in (
                "INSERT INTO users (id, username, password_hash, role, active, bio, created_at) "
                "VALUES (7, 'rater', 'x', 'member', true, '', '2026-01-01')",
                "INSERT INTO teams (id, name, created_at) VALUES (1, 'T', '2026-01-01')",
                "INSERT INTO interviews (id, team_id, title, candidate_name, candidate_email, "
                "duration_s, created_at, token_hash, link_expires_at, current_position, "
                "candidate_tz) VALUES (1, 1, 'I', 'Ada', 'a@example.com', 60, '2026-01-01', "
                "'h', '2026-01-02', 0, 'UTC')",
                "INSERT INTO interview_items (id, interview_id, position, kind, ref_id, title, "
                "points, seconds_spent, rubric, notes, reviewed_by, reviewed_at) VALUES "
                "(1, 1, 0, 'question', 'q', 'Q', 10, 0, 4, 'Clear', 7, '2026-01-01 10:00:00'), "
                "(2, 1, 1, 'question', 'r', 'R', 10, 0, NULL, '', NULL, NULL)"):
            connection.execute(text(statement))
    engine.dispose()
    command.upgrade(alembic_config(url), "head")
    engine = create_engine(url)
    with engine.connect() as connection:
        rows = connection.execute(text(
            "SELECT item_id, reviewer_id, rating, notes, private_notes FROM interview_scorecards"
        )).all()
    engine.dispose()
    assert [tuple(row) for row in rows] == [(1, 7, 4, "Clear", "")]
