"""interview e-mail (issue 18)

The outbox of interview e-mails (invitation, reminder, notice to the team when the candidate
finishes), with their delivery state; interviews gain the candidate's time zone (for the
deadline in the invitation) and the address to notify when the candidate finishes.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02 13:50:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('interviews') as batch:
        batch.add_column(sa.Column('candidate_tz', sa.String(length=64), nullable=False,
                                   server_default='UTC'))
        batch.add_column(sa.Column('notify_email', sa.String(length=254), nullable=True))
    op.create_table('outgoing_mail',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('interview_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('to_addr', sa.String(length=254), nullable=False),
    sa.Column('subject', sa.String(length=200), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('base_url', sa.String(length=200), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('send_after', sa.DateTime(), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.Column('sent_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['interview_id'], ['interviews.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('outgoing_mail') as batch:
        batch.create_index('ix_outgoing_mail_due', ['status', 'send_after'], unique=False)
        batch.create_index(batch.f('ix_outgoing_mail_interview_id'), ['interview_id'], unique=False)


def downgrade() -> None:
    op.drop_table('outgoing_mail')
    with op.batch_alter_table('interviews') as batch:
        batch.drop_column('notify_email')
        batch.drop_column('candidate_tz')
