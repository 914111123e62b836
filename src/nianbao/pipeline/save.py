"""Store a record that was not read from a file: an accepted online filing (web 填报).

The record the unit filed is the report, exactly: its document is the DOCX rendered from it, but the
DOCX is not read back, so a cell left blank stays null (an all-blank 表四 read back from a DOCX is no
table at all, and S-02 would say 表四 is missing).
"""

from __future__ import annotations

import hashlib

from ..record import Record, Status
from ..store import Parsed, Store, prepare
from . import crossyear
from .parse import check


def save_record(store: Store, record: Record, data: bytes, name: str, kind: str | None) -> int | None:
    """Store ``record`` as the report of the document ``data`` (named ``name``, of ``kind``), with its
    findings and the cross-year ones against last year's stored report; it supersedes the report of the
    same agency and year. Returns the document id (None: a document of the same content is stored)."""
    m = record.meta
    partial = m.doc_kind == "annual_report" and (None in (m.agency, m.year) or
                                                 None in (record.active, record.requests, record.appeals))
    rows = prepare(record.to_json_dict(), [f.model_dump(mode="json") for f in check(record)])
    if rows is not None:
        rows.crossyear = crossyear.against_last_year(store, record)
    saved = store.save_many([Parsed(hashlib.sha256(data).hexdigest(), name, len(data), kind,
                                    (Status.partial if partial else Status.ok).value, [], rows)])
    crossyear.refresh(store, saved.stale)
    return saved.ids[0]
