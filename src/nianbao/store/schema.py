"""The store's tables (SQLAlchemy Core). Migrations under ``migrations/versions`` create them.

A table the migrations do not know is a defect: change this file and add a migration together.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData(naming_convention={
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
})

# One row per distinct file content: the content hash makes re-ingesting a no-op.
documents = Table(
    "documents", metadata,
    Column("id", Integer, primary_key=True),
    Column("sha256", String(64), nullable=False, unique=True),
    Column("name", Text, nullable=False),
    Column("size", Integer, nullable=False),
    Column("kind", String(16)),  # detected kind: text, pdf, docx, …
    Column("status", String(8), nullable=False),  # 成功 / 部分成功 / 失败
    Column("errors", JSON),  # [{code, message}]
    Column("ingested_at", DateTime(timezone=True), nullable=False),
)

# One row per parsed document; the newest report of an agency, year and kind supersedes older ones.
reports = Table(
    "reports", metadata,
    Column("id", Integer, primary_key=True),
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False, unique=True),
    Column("agency", Text, index=True),
    Column("region", Text, index=True),  # derived from the agency name; the unit list overrides it
    Column("level", String(16)),
    Column("year", Integer, index=True),
    Column("format", String(8)),
    Column("doc_kind", String(16)),
    Column("published", String(10)),
    Column("superseded", Boolean, nullable=False, default=False),
    Column("record", JSON, nullable=False),  # the record without provenance (that lives in cells)
)
Index("ix_reports_agency_year", reports.c.agency, reports.c.year)
# At most one current report per agency, year and kind: two saves at the same instant cannot both stay
# current (the second waits on this index, fails, and is replayed after superseding the first).
Index("uq_reports_current", reports.c.agency, reports.c.year, reports.c.doc_kind, unique=True,
      sqlite_where=reports.c.superseded.is_(False), postgresql_where=reports.c.superseded.is_(False))

# One row per table cell (and per narrative figure): values for analysis, provenance for pointing.
cells = Table(
    "cells", metadata,
    Column("id", Integer, primary_key=True),
    Column("report_id", Integer, ForeignKey("reports.id", ondelete="CASCADE"), nullable=False),
    Column("path", String(96), nullable=False),  # dotted record path: requests.granted.total
    Column("table_name", String(16), nullable=False),  # active / requests / appeals / narrative / meta
    Column("row_key", String(48)),
    Column("column_key", String(24)),
    Column("value", Float),  # null: the document leaves the cell blank
    Column("text", Text),  # a non-numeric value, JSON-encoded
    Column("provenance", JSON(none_as_null=True)),
    UniqueConstraint("report_id", "path"),
)
Index("ix_cells_path", cells.c.path)

findings = Table(
    "findings", metadata,
    Column("id", Integer, primary_key=True),
    Column("report_id", Integer, ForeignKey("reports.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("code", String(8), nullable=False, index=True),
    Column("name", String(64)),
    Column("severity", String(8), nullable=False),
    Column("message", Text, nullable=False),
    Column("cells", JSON),
    Column("expected", JSON),
    Column("actual", JSON),
    Column("fix", Text),
    Column("fingerprint", String(32), nullable=False, index=True),
    UniqueConstraint("report_id", "fingerprint"),
)

# Keyed by fingerprint, not by finding row: a review outlives re-ingesting a corrected document.
reviews = Table(
    "reviews", metadata,
    Column("id", Integer, primary_key=True),
    Column("fingerprint", String(32), nullable=False, index=True),
    Column("decision", String(8), nullable=False),  # confirm / dismiss
    Column("note", Text),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

# The optional unit list (单位名称, 上级, 层级): each unit's place in the hierarchy.
units = Table(
    "units", metadata,
    Column("id", Integer, primary_key=True),
    Column("name", Text, nullable=False, unique=True),
    Column("parent", Text, index=True),
    Column("level", Text),
)
