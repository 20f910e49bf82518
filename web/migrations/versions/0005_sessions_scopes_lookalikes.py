"""session versions, token scopes, look-alike name keys, the address behind queued work

Logout and a password change end every session (users.session_version, named in the cookie);
API tokens carry scopes (existing tokens keep what they could do: read and submit); each
username has its look-alike skeleton (users.name_key) so `adm1n` cannot sign up beside
`admin`; a submission keeps a keyed hash of its address to cap queued work per address.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02 13:30:00
"""
import sqlalchemy as sa
from alembic import op

from web.accounts.identity import name_key

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('users') as batch:
        batch.add_column(sa.Column('name_key', sa.String(length=64), nullable=False,
                                   server_default=''))
        batch.add_column(sa.Column('session_version', sa.Integer(), nullable=False,
                                   server_default='0'))
        batch.create_index('ix_users_name_key', ['name_key'])
    users = sa.table('users', sa.column('id', sa.Integer), sa.column('username', sa.String),
                     sa.column('name_key', sa.String))
    connection = op.get_bind()
    for user_id, username in connection.execute(sa.select(users.c.id, users.c.username)).all():
        connection.execute(users.update().where(users.c.id == user_id)
                           .values(name_key=name_key(username)))
    with op.batch_alter_table('api_tokens') as batch:
        batch.add_column(sa.Column('scopes', sa.String(length=64), nullable=False,
                                   server_default='read submit'))
    with op.batch_alter_table('submissions') as batch:
        batch.add_column(sa.Column('client_key', sa.String(length=64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('submissions') as batch:
        batch.drop_column('client_key')
    with op.batch_alter_table('api_tokens') as batch:
        batch.drop_column('scopes')
    with op.batch_alter_table('users') as batch:
        batch.drop_index('ix_users_name_key')
        batch.drop_column('session_version')
        batch.drop_column('name_key')
