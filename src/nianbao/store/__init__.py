"""Store: many reports in SQLite (default) or PostgreSQL, with batch ingest and reviews."""

from .batch import BatchResult, DocOutcome, ingest_batch
from .store import ReportRow, Store, StoredFinding, db_url, open_store, region_of
from .units import read_units


def load_units(store: Store, path) -> int:
    """Import a unit list (CSV/XLSX: 单位名称, 上级, 层级) into the store; returns the number of units."""
    return store.save_units(read_units(path))


def review(store: Store, fingerprint: str, decision: str, note: str | None = None) -> str:
    """Confirm or dismiss a finding by its fingerprint (or a unique prefix); returns the fingerprint."""
    if decision not in ("confirm", "dismiss"):
        raise ValueError("decision must be 'confirm' or 'dismiss'")
    return store.add_review(fingerprint, decision, note)


__all__ = ["BatchResult", "DocOutcome", "ReportRow", "Store", "StoredFinding", "db_url", "ingest_batch",
           "load_units", "open_store", "read_units", "region_of", "review"]
