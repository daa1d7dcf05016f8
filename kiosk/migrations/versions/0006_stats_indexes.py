"""index for the weekly numbers: praise per week counted from an index alone

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-24

stats.weekly counts the items of 14 weeks by created_at, status and branch. With this
covering index SQLite reads those three from the index and only visits each row's
analysis (by its primary key) for the label; 1,000,000 stored items: see
docs/benchmarks.md ("Weekly stats").
"""

from __future__ import annotations

from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('items', schema=None) as batch_op:
        batch_op.create_index('ix_items_created_status_branch',
                              ['created_at', 'status', 'branch'])


def downgrade() -> None:
    with op.batch_alter_table('items', schema=None) as batch_op:
        batch_op.drop_index('ix_items_created_status_branch')
