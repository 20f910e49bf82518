"""private written questions of a team

A team's own written questions for its interviews, never shown on the public pages (the
bank's model answers are public, so a candidate could look one up by its title).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02 13:40:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'team_questions',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('team_id', sa.Integer(), nullable=False),
        sa.Column('title', sa.String(length=200), nullable=False),
        sa.Column('answer', sa.Text(), nullable=False),
        sa.Column('key_points_json', sa.Text(), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(['team_id'], ['teams.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index('ix_team_questions_team_id', 'team_questions', ['team_id'])


def downgrade() -> None:
    op.drop_index('ix_team_questions_team_id', table_name='team_questions')
    op.drop_table('team_questions')
