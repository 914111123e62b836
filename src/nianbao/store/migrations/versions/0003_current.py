"""one current report per agency, year and kind, as a partial unique index

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # a store written before this constraint may hold two current reports of one agency-year (two saves
    # at the same instant): the newest stays current, as a later save would have decided
    op.execute(sa.text(
        "UPDATE reports SET superseded = :t WHERE superseded = :f AND agency IS NOT NULL AND year IS NOT NULL "
        "AND doc_kind IS NOT NULL AND id < (SELECT max(r2.id) FROM reports r2 WHERE r2.agency = reports.agency "
        "AND r2.year = reports.year AND r2.doc_kind = reports.doc_kind AND r2.superseded = :f)"
    ).bindparams(t=True, f=False))
    op.create_index('uq_reports_current', 'reports', ['agency', 'year', 'doc_kind'], unique=True,
                    sqlite_where=sa.text('superseded = 0'), postgresql_where=sa.text('NOT superseded'))


def downgrade() -> None:
    op.drop_index('uq_reports_current', table_name='reports')
