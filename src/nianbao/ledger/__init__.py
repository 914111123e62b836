"""The 依申请 ledger (台账): read it, compute 表三 from it, and the statutory due date of every application.

    ledger = read_ledger("台账.xlsx")               # applications + problems (rows left out, with reasons)
    result = compute(ledger, 2024, last_year=read_ledger("台账2023.xlsx"))
    result.record                                    # a Record with 表三 filled: render / template accept it
    for d in deadlines(ledger, as_of=date(2025, 1, 10)): ...
    summary(ledger, 2024)                            # what the audit's ledger rules (D-01, D-02) read

Uses the format (表三's columns and outcome rows), the record, and ingest's text decoding; nothing after it.
"""

from __future__ import annotations

import datetime as dt

from ..record import LateCase, LedgerSummary, RequestRow
from . import vocab
from .compute import LedgerResult, compute, format_for
from .dates import parse_date
from .deadlines import Deadline, deadline, deadlines, due_date, today
from .read import Application, Ledger, Problem, applicant_key, outcome_key, read_ledger, read_rows
from .sheets import deadlines_xlsx, template
from .workdays import CalendarUnknown, calendar


def summary(ledger: Ledger, year: int, as_of: dt.date | None = None, last_year: Ledger | None = None,
            carried_over: RequestRow | None = None) -> LedgerSummary:
    """What the audit needs from the ledger for ``year``: its 表三 and the applications of the year
    answered late (or open past their due date on ``as_of``, default the end of the year)."""
    result = compute(ledger, year, last_year=last_year, carried_over=carried_over)
    as_of = as_of or dt.date(year, 12, 31)
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    late: list[LateCase] = []
    cal = calendar()
    for a in ledger.applications:
        answered_in_year = a.replied is not None and start <= a.replied <= end
        open_in_year = a.replied is None and a.received <= end
        if not (answered_in_year or open_in_year):
            continue
        d = deadline(a, min(as_of, end) if a.replied is None else as_of, cal)
        if d.status in (vocab.LATE, vocab.OPEN_LATE) and d.due is not None:
            late.append(LateCase(id=a.id or f"第{a.row}行", row=a.row, received=a.received.isoformat(),
                                 due=d.due.isoformat(), replied=a.replied.isoformat() if a.replied else None,
                                 working_days_late=d.working_days_late))
    return LedgerSummary(source=ledger.source, year=year, requests=result.record.requests or {}, late=late,
                         excluded=len(result.problems), as_of=min(as_of, end).isoformat())


__all__ = [
    "Application", "CalendarUnknown", "Deadline", "Ledger", "LedgerResult", "Problem", "applicant_key",
    "calendar", "compute", "deadline", "deadlines", "deadlines_xlsx", "due_date", "format_for", "outcome_key",
    "parse_date", "read_ledger", "read_rows", "summary", "template", "today", "vocab",
]
