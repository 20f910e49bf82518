"""template pools (issue 18)

A template item may be a pool (one of several items, or any item with a tag and difficulty)
instead of a fixed item; the interview item records what it was drawn from.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02 13:40:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('interview_template_items') as batch:
        batch.add_column(sa.Column('pool_json', sa.Text(), nullable=True))
    with op.batch_alter_table('interview_items') as batch:
        batch.add_column(sa.Column('draw_json', sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('interview_items') as batch:
        batch.drop_column('draw_json')
    with op.batch_alter_table('interview_template_items') as batch:
        batch.drop_column('pool_json')
