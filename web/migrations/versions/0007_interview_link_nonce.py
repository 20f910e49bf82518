"""interview link nonce (issue 18)

The team's Copy link button rebuilds the candidate's link from this nonce and the server's
secret key (web.hiring.links); the token itself is still stored only as its hash. Interviews
made before this migration have no nonce: their page asks for a new link.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02 13:30:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('interviews') as batch:
        batch.add_column(sa.Column('link_nonce', sa.String(length=64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('interviews') as batch:
        batch.drop_column('link_nonce')
