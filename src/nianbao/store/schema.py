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
    # who decided (a web user's name; null from the CLI) and the decision's place in the fingerprint's
    # history: two reviewers deciding at once both write the same seq, the unique constraint keeps one
    Column("reviewer", Text),
    Column("seq", Integer),
    UniqueConstraint("fingerprint", "seq"),
)

# The optional unit list (单位名称, 上级, 层级): each unit's place in the hierarchy.
units = Table(
    "units", metadata,
    Column("id", Integer, primary_key=True),
    Column("name", Text, nullable=False, unique=True),
    Column("parent", Text, index=True),
    Column("level", Text),
)


# ---- the web workbench (migration 0002) -----------------------------------------------------------------

# A person: 管理员 (admin), 审核人 of a region (reviewer, scope = region name), 填报人 of a unit (filer, scope = unit).
users = Table(
    "users", metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(64), nullable=False, unique=True),
    Column("role", String(16), nullable=False),
    Column("scope", Text),
    Column("password_hash", Text, nullable=False),
    Column("active", Boolean, nullable=False, default=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

# Login sessions and API tokens: only the SHA-256 of the secret is kept.
tokens = Table(
    "tokens", metadata,
    Column("id", Integer, primary_key=True),
    Column("user_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("digest", String(64), nullable=False, unique=True),
    Column("kind", String(8), nullable=False),  # session / api
    Column("csrf", String(64)),  # a session's CSRF token
    Column("label", Text),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("expires_at", DateTime(timezone=True)),
)

# Every change made through the workbench: who, when, what.
audit_log = Table(
    "audit_log", metadata,
    Column("id", Integer, primary_key=True),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("actor", String(64), nullable=False),
    Column("action", String(32), nullable=False),
    Column("target", Text),
    Column("detail", JSON),
)

# Each uploaded file and its processing status (the document row exists once it is read).
uploads = Table(
    "uploads", metadata,
    Column("id", Integer, primary_key=True),
    Column("sha256", String(64), nullable=False, index=True),
    Column("name", Text, nullable=False),
    Column("size", Integer, nullable=False),
    Column("kind", String(16)),
    Column("user_id", Integer, ForeignKey("users.id", ondelete="SET NULL")),
    Column("status", String(8), nullable=False),  # 排队中 / 处理中 / 成功 / 部分成功 / 失败 / 重复
    Column("message", Text),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

# An online filing of a unit-year: the record being filled and its state 草稿 → 已提交 → 退回 / 已通过 → 已发布.
filings = Table(
    "filings", metadata,
    Column("id", Integer, primary_key=True),
    Column("unit", Text, nullable=False),
    Column("year", Integer, nullable=False),
    Column("state", String(8), nullable=False),
    Column("record", JSON, nullable=False),
    Column("reason", Text),  # why it is submitted despite an error-severity finding
    Column("note", Text),  # the reviewer's note on 退回 / 已通过
    Column("version", Integer, nullable=False),  # bumped on every change: a stale write is refused
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("updated_by", String(64)),
    UniqueConstraint("unit", "year"),
)

# Failed logins, a row per failure and key ("user:NAME", "addr:ADDRESS"): the login throttle, kept here so
# that every worker of the web workbench counts the same failures (migration 0004).
login_failures = Table(
    "login_failures", metadata,
    Column("id", Integer, primary_key=True),
    Column("key", String(200), nullable=False, index=True),
    Column("at", DateTime(timezone=True), nullable=False, index=True),
)

# A confirmed finding to be corrected: 待整改 → 已整改 → 已核销.
rectifications = Table(
    "rectifications", metadata,
    Column("id", Integer, primary_key=True),
    Column("fingerprint", String(32), nullable=False, unique=True),
    Column("unit", Text),
    Column("due", String(10)),
    Column("state", String(8), nullable=False),
    Column("note", Text),
    Column("created_by", String(64)),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("closed_at", DateTime(timezone=True)),
)
