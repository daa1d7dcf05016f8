"""complaints handling, digest subscriptions and sends, posters, suggestions

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    with op.batch_alter_table('items', schema=None) as batch_op:
        batch_op.add_column(sa.Column('complaint_status', sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column('contacted_at', TS, nullable=True))
        batch_op.add_column(sa.Column('resolved_at', TS, nullable=True))
        batch_op.add_column(sa.Column('handled_by', sa.String(length=80), nullable=True))
        batch_op.create_index('ix_items_complaint_status', ['complaint_status'])
        batch_op.create_index('ix_items_resolved_at', ['resolved_at'])
    with op.batch_alter_table('screens', schema=None) as batch_op:
        batch_op.add_column(sa.Column('current_slide', sa.String(length=16), nullable=True))
    op.create_table('complaint_owners',
    sa.Column('group_key', sa.String(length=120), nullable=False),
    sa.Column('team', sa.String(length=120), nullable=False),
    sa.Column('updated_at', TS, nullable=False),
    sa.Column('updated_by', sa.String(length=80), nullable=True),
    sa.PrimaryKeyConstraint('group_key')
    )
    op.create_table('subscriptions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('email', sa.String(length=255), nullable=False),
    sa.Column('language', sa.String(length=8), nullable=False),
    sa.Column('branch', sa.String(length=120), nullable=True),
    sa.Column('team', sa.String(length=120), nullable=True),
    sa.Column('token', sa.String(length=64), nullable=False),
    sa.Column('created_at', TS, nullable=False),
    sa.Column('unsubscribed_at', TS, nullable=True),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('token'),
    sa.UniqueConstraint('email', 'branch', 'team', name='uq_subscription')
    )
    op.create_index('ix_subscriptions_email', 'subscriptions', ['email'])
    op.create_table('digest_sends',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('day', sa.String(length=10), nullable=False),
    sa.Column('address', sa.String(length=255), nullable=False),
    sa.Column('sent_at', TS, nullable=False),
    sa.Column('items', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('day', 'address', name='uq_digest_day_address')
    )
    op.create_table('posters',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=True),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('size', sa.String(length=4), nullable=False),
    sa.Column('created_by', sa.String(length=80), nullable=False),
    sa.Column('created_at', TS, nullable=False),
    sa.ForeignKeyConstraint(['item_id'], ['items.id'], ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_posters_item_id', 'posters', ['item_id'])
    op.create_table('suggestions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('month', sa.String(length=7), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=True),
    sa.Column('created_at', TS, nullable=False),
    sa.Column('read_at', TS, nullable=True),
    sa.PrimaryKeyConstraint('id')
    )


def downgrade() -> None:
    op.drop_table('suggestions')
    op.drop_index('ix_posters_item_id', table_name='posters')
    op.drop_table('posters')
    op.drop_table('digest_sends')
    op.drop_index('ix_subscriptions_email', table_name='subscriptions')
    op.drop_table('subscriptions')
    op.drop_table('complaint_owners')
    with op.batch_alter_table('screens', schema=None) as batch_op:
        batch_op.drop_column('current_slide')
    with op.batch_alter_table('items', schema=None) as batch_op:
        batch_op.drop_index('ix_items_resolved_at')
        batch_op.drop_index('ix_items_complaint_status')
        for column in ('handled_by', 'resolved_at', 'contacted_at', 'complaint_status'):
            batch_op.drop_column(column)
