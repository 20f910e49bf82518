"""submission custom input

A run on typed custom input (kind "custom") keeps the arguments as typed, one Python literal
per parameter, so the grader can parse them and the page can show them again.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-02 14:00:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('submissions') as batch:
        batch.add_column(sa.Column('custom_input', sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('submissions') as batch:
        batch.drop_column('custom_input')
