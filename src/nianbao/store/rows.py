"""A parsed document as the rows the store inserts, built where it was parsed (a batch worker), so that
saving it only runs inserts: JSON already serialized (compact, unescaped), the store adds the ids."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ..format.agency import norm_name, region_of
from ..record.paths import get, leaves

REPORT_COLS = ("agency", "region", "level", "year", "format", "doc_kind", "published", "record")
CELL_COLS = ("path", "table_name", "row_key", "column_key", "value", "text", "provenance")
FINDING_COLS = ("code", "name", "severity", "message", "cells", "expected", "actual", "fix", "fingerprint")


@dataclass
class Rows:
    """A parsed document's rows."""

    agency: str | None  # normalised
    year: int | None
    doc_kind: str | None
    report: tuple[Any, ...]  # REPORT_COLS
    cells: list[tuple[Any, ...]]  # CELL_COLS
    findings: list[tuple[Any, ...]]  # FINDING_COLS
    # (last year's report id, cross-year finding rows) as the worker saw the store; None: not looked up.
    # The store inserts them when it still sees the same last-year report, else it names the report as
    # stale (``Saved.stale``) for the pipeline to check again.
    crossyear: tuple[int | None, list[tuple[Any, ...]]] | None = None


@dataclass
class Parsed:
    """One document to store: its identity and status, and its rows (None when it could not be read)."""

    sha256: str
    name: str
    size: int
    kind: str | None
    status: str
    errors: list[dict[str, Any]]
    rows: Rows | None


def prepare(record: dict[str, Any] | None, findings: list[dict[str, Any]]) -> Rows | None:
    """The rows of one record (as ``Record.to_json_dict()``) and its findings (as JSON dicts)."""
    if record is None:
        return None
    meta = record["meta"]
    body = {k: v for k, v in record.items() if k != "provenance"}
    agency = norm_name(meta.get("agency"))
    report = (agency, region_of(agency), meta.get("level"), meta.get("year"), meta.get("format"),
              meta.get("doc_kind"), meta.get("published"), dumps(body))
    cells = [(r["path"], r["table_name"], r["row_key"], r["column_key"], r["value"], r["text"],
              None if r["provenance"] is None else dumps(r["provenance"])) for r in cell_rows(record, 0)]
    return Rows(agency, meta.get("year"), meta.get("doc_kind"), report, cells, finding_rows(findings))


def finding_rows(findings: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    """FINDING_COLS rows, one per fingerprint."""
    rows, seen = [], set()
    for f in findings:
        if f["fingerprint"] in seen:
            continue
        seen.add(f["fingerprint"])
        rows.append((f["code"], f.get("name"), f["severity"], f["message"], dumps(f.get("cells") or []),
                     dumps(_jsonable(f.get("expected"))), dumps(_jsonable(f.get("actual"))), f.get("fix"),
                     f["fingerprint"]))
    return rows


def cell_rows(record: dict[str, Any], report_id: int) -> Iterator[dict[str, Any]]:
    """One row per table cell (blank cells too: null says the document left it blank), per narrative
    figure, and per other path that has provenance."""
    prov = record.get("provenance") or {}
    seen: set[str] = set()

    def row(path: str, value: Any) -> dict[str, Any]:
        seen.add(path)
        table, r, col = _table_of(path)
        num = value if isinstance(value, (int, float)) and not isinstance(value, bool) else None
        text = None if num is not None or value is None else json.dumps(value, ensure_ascii=False)
        return {"report_id": report_id, "path": path, "table_name": table, "row_key": r, "column_key": col,
                "value": num, "text": text, "provenance": prov.get(path)}

    for path, value in leaves(record):
        yield row(path, value)
    for path in prov:
        if path not in seen:
            yield row(path, get(record, path))


def dumps(v: Any) -> str:
    """Compact UTF-8 JSON: escaped Chinese is twice the bytes to pickle, write and read."""
    return json.dumps(v, ensure_ascii=False, separators=(",", ":"))


def _jsonable(v: Any) -> Any:
    try:
        json.dumps(v)
        return v
    except TypeError:
        return str(v)


def _table_of(path: str) -> tuple[str, str | None, str | None]:
    parts = path.split(".")
    return parts[0], parts[1] if len(parts) > 1 else None, ".".join(parts[2:]) or None
