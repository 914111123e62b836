"""Store: persistence only. Reports, cells and findings in SQLite (default) or PostgreSQL.

``engine`` opens a database and migrates it (``migrate``, ``migrations/``), ``schema`` holds the
tables, ``rows`` turns a record and its findings into rows, ``repository`` saves and queries them.
Parsing, auditing and batch ingest live in ``nianbao.pipeline``.
"""

from .engine import DEFAULT_DB, db_url, open_reader, open_store
from .repository import ReportRow, Saved, Store, StoredFinding, review
from .rows import Parsed, Rows, cell_rows, finding_rows, prepare

__all__ = ["DEFAULT_DB", "Parsed", "ReportRow", "Rows", "Saved", "Store", "StoredFinding", "cell_rows", "db_url",
           "finding_rows", "open_reader", "open_store", "prepare", "review"]
