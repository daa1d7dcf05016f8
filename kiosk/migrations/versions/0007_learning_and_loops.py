"""learned praise models, rejection reasons; consent-first shout-outs, weekly notes,
reading-time dwell, shifts, one-key recall

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None

TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    with op.batch_alter_table('items', schema=None) as batch_op:
        batch_op.add_column(sa.Column('recalled_at', TS, nullable=True))
        batch_op.add_column(sa.Column('recalled_by', sa.String(length=80), nullable=True))
    with op.batch_alter_table('analyses', schema=None) as batch_op:
        batch_op.add_column(sa.Column('model_score', sa.Float(), nullable=True))
    with op.batch_alter_table('decisions', schema=None) as batch_op:
        batch_op.add_column(sa.Column('reason', sa.String(length=24), nullable=True))
    with op.batch_alter_table('channels', schema=None) as batch_op:
        batch_op.add_column(sa.Column('dwell', sa.JSON(), nullable=False, server_default='{}'))
        batch_op.add_column(sa.Column('shifts', sa.JSON(), nullable=False, server_default='[]'))
    with op.batch_alter_table('staff', schema=None) as batch_op:
        batch_op.add_column(sa.Column('shown_as', sa.String(length=12), nullable=True))
        batch_op.add_column(sa.Column('notes_opt_out', sa.Boolean(), nullable=False,
                                      server_default=sa.false()))
    op.create_table('shoutout_choices',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('staff_id', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('choice', sa.String(length=12), nullable=False),
    sa.Column('updated_at', TS, nullable=False),
    sa.ForeignKeyConstraint(['item_id'], ['items.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('staff_id', 'item_id', name='uq_shoutout_choice')
    )
    op.create_index('ix_shoutout_choices_item_id', 'shoutout_choices', ['item_id'])
    op.create_table('shoutout_notices',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('staff_id', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('sent_at', TS, nullable=False),
    sa.ForeignKeyConstraint(['item_id'], ['items.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('staff_id', 'item_id', name='uq_shoutout_notice')
    )
    op.create_table('weekly_notes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('staff_id', sa.Integer(), nullable=False),
    sa.Column('week', sa.String(length=8), nullable=False),
    sa.Column('sent_at', TS, nullable=False),
    sa.Column('items', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('staff_id', 'week', name='uq_weekly_note')
    )
    op.create_table('praise_models',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('lang', sa.String(length=8), nullable=False),
    sa.Column('created_at', TS, nullable=False),
    sa.Column('examples', sa.Integer(), nullable=False),
    sa.Column('holdout', sa.Integer(), nullable=False),
    sa.Column('precision', sa.Float(), nullable=True),
    sa.Column('recall', sa.Float(), nullable=True),
    sa.Column('average_precision', sa.Float(), nullable=True),
    sa.Column('threshold', sa.Float(), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('params', sa.JSON(), nullable=False),
    sa.Column('metrics', sa.JSON(), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_praise_models_lang', 'praise_models', ['lang'])


def downgrade() -> None:
    op.drop_index('ix_praise_models_lang', table_name='praise_models')
    op.drop_table('praise_models')
    op.drop_table('weekly_notes')
    op.drop_table('shoutout_notices')
    op.drop_index('ix_shoutout_choices_item_id', table_name='shoutout_choices')
    op.drop_table('shoutout_choices')
    with op.batch_alter_table('staff', schema=None) as batch_op:
        batch_op.drop_column('notes_opt_out')
        batch_op.drop_column('shown_as')
    with op.batch_alter_table('channels', schema=None) as batch_op:
        batch_op.drop_column('shifts')
        batch_op.drop_column('dwell')
    with op.batch_alter_table('decisions', schema=None) as batch_op:
        batch_op.drop_column('reason')
    with op.batch_alter_table('analyses', schema=None) as batch_op:
        batch_op.drop_column('model_score')
    with op.batch_alter_table('items', schema=None) as batch_op:
        batch_op.drop_column('recalled_by')
        batch_op.drop_column('recalled_at')
