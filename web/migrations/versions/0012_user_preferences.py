"""user preferences

Signed-in users keep their theme and editor settings (font size, Vim keys) on the server,
so they follow them from one browser to the next.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-02 14:00:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('users') as batch:
        batch.add_column(sa.Column('preferences', sa.Text(), nullable=False, server_default='{}'))


def downgrade() -> None:
    with op.batch_alter_table('users') as batch:
        batch.drop_column('preferences')
