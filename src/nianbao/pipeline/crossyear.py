"""Cross-year checks: the rules that compare a report with the same agency's report of the year before.

The audit runs here, outside any write transaction of the store: a batch worker checks a report
against the last year it sees (``against_last_year``), and after each commit the pipeline checks
again the reports the store names stale (``refresh``).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from ..audit import audit
from ..audit.codes import all_rules
from ..record import Record
from ..store import Store, finding_rows


@lru_cache(maxsize=1)
def crossyear_codes() -> tuple[str, ...]:
    """Codes of the rules that need last year's record (T2-05, T3-06, C-03)."""
    return tuple(r.code for r in all_rules() if r.needs_previous)


def _rows(record: Record, previous: Record) -> list[tuple[Any, ...]]:
    found = audit(record, select=crossyear_codes(), previous=previous)
    return finding_rows([f.model_dump(mode="json") for f in found])


def against_last_year(store: Store, record: Record) -> tuple[int | None, list[tuple[Any, ...]]]:
    """Last year's current report id for ``record`` and the cross-year findings against it, as rows
    for the store (``Rows.crossyear``)."""
    m = record.meta
    if not crossyear_codes() or m.doc_kind != "annual_report":
        return None, []
    last = store.last_year(m.agency, m.year)
    if last is None:
        return None, []
    prev_id, previous = last
    return prev_id, _rows(record, previous)


def refresh(store: Store, report_ids: Iterable[int]) -> None:
    """Check the stored reports ``report_ids`` again against their last year's current report and
    replace their cross-year findings; looks again when another save changed last year meanwhile."""
    codes = crossyear_codes()
    if not codes:
        return
    for report_id in dict.fromkeys(report_ids):
        for _ in range(5):
            record, prev_id, previous = store.with_last_year(report_id)
            rows = [] if previous is None else _rows(record, previous)
            if store.replace_findings(report_id, codes, rows, prev_id):
                break
