"""interview integrity signals (issue 18)

What the candidate's page records while they work: pastes (size), the page losing and
regaining focus, long pauses in typing.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02 14:00:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('interview_events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('interview_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('amount', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['interview_id'], ['interviews.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('interview_events') as batch:
        batch.create_index('ix_interview_events_interview', ['interview_id', 'id'], unique=False)


def downgrade() -> None:
    op.drop_table('interview_events')
