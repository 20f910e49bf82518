"""per-interviewer scorecards (issue 18)

Every team member rates each interview item and leaves notes (and private notes) of their own.
The single rating and notes an item had so far become the scorecard of whoever wrote them;
those columns of interview_items are no longer read.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-02 14:10:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('interview_scorecards',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('reviewer_id', sa.Integer(), nullable=False),
    sa.Column('rating', sa.Integer(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('private_notes', sa.Text(), nullable=False),
    sa.Column('submitted_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['item_id'], ['interview_items.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['reviewer_id'], ['users.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('item_id', 'reviewer_id')
    )
    with op.batch_alter_table('interview_scorecards') as batch:
        batch.create_index(batch.f('ix_interview_scorecards_item_id'), ['item_id'], unique=False)
    op.execute(
        "INSERT INTO interview_scorecards (item_id, reviewer_id, rating, notes, private_notes, "
        "submitted_at) SELECT id, reviewed_by, rubric, notes, '', reviewed_at FROM interview_items "
        "WHERE reviewed_by IS NOT NULL AND reviewed_at IS NOT NULL "
        "AND (rubric IS NOT NULL OR notes <> '')")


def downgrade() -> None:
    op.drop_table('interview_scorecards')
