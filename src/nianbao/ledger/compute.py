"""表三 of a year from the ledger.

- 一、本年新收: applications received in the year, by applicant type.
- 二、上年结转: applications received before the year and not answered by its first day — from last
  year's ledger (``last_year``), from earlier rows of this ledger, or given (last year's stored report's
  四、结转下年度). With none of these it is null: not known, not 0.
- 三、办理结果: applications answered in the year (received in it or carried over), by outcome.
- 四、结转下年度: applications received by 31 December and not answered on it.

Every row left out is listed with the reason; nothing is counted that the ledger does not say.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, cast

from ..format import Format
from ..record import Meta, Record, RequestRow
from ..record.model import FormatId
from .read import Application, Ledger, Problem
from .vocab import OUTCOME_2019

_COLS = Format.T3_COLUMN_KEYS[:6]  # the six applicant columns; total is their sum


@dataclass
class LedgerResult:
    """What ``compute`` gives: the record (表三 filled), the rows left out, and notes for the clerk."""

    record: Record
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    counted: int = 0  # applications that count in some cell of 表三

    def values(self) -> dict[str, int | float | None]:
        """表三 as cell path → value ("requests.granted.natural_person": 3): what the web 填报 saves."""
        return {f"requests.{key}.{col}": value for key, row in (self.record.requests or {}).items()
                for col, value in row.model_dump().items()}

    def to_json(self) -> dict[str, Any]:
        return {"record": self.record.to_json_dict(), "values": self.values(), "counted": self.counted,
                "excluded": len(self.problems), "problems": [p.to_json() for p in self.problems],
                "notes": self.notes}


def format_for(year: int) -> Format:
    """The tables a year's report is laid out in (the format's own decision)."""
    return Format.for_year(year)


def compute(ledger: Ledger, year: int, last_year: Ledger | None = None,
            carried_over: RequestRow | None = None, agency: str | None = None) -> LedgerResult:
    """表三 of ``year`` from ``ledger``; ``last_year``: last year's ledger; ``carried_over``: 二、上年结转
    as last year's report gave it (its 四、结转下年度), when there is no ledger of last year."""
    fmt = format_for(year)
    outcome_rows = fmt.t3_outcomes
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    problems = list(ledger.problems)
    notes: list[str] = []
    counts: dict[str, list[int]] = {k: [0] * 6 for k in ("new_received", "carried_over", *outcome_rows,
                                                          "carried_forward")}
    col_index = {k: i for i, k in enumerate(_COLS)}
    apps: list[Application] = ledger.applications
    current_ids = {a.id for a in apps if a.id}
    if last_year is not None:
        problems.extend(p for p in last_year.problems)
        extra = []
        for a in last_year.applications:
            if a.id and a.id in current_ids:
                continue  # the current ledger has the application as it stands now
            if a.received < start and (a.replied is None or a.replied >= start):
                extra.append(a)  # open on 1 January and not in this ledger
        apps = [*apps, *extra]
    carried_from_rows = last_year is not None or any(a.received < start for a in ledger.applications)
    to_2019 = fmt.id == "2019"
    counted = 0
    n_current = len(ledger.applications)
    for i, a in enumerate(apps):
        c = col_index[a.applicant]
        current = i < n_current
        if a.received > end:
            if current:
                problems.append(Problem(a.row, "收到日期", a.received.isoformat(),
                                        f"收到日期晚于 {year} 年，不计入 {year} 年度", a.id, a.source))
            continue
        if a.received < start:
            if a.replied is not None and a.replied < start:
                if current:
                    problems.append(Problem(a.row, "答复日期", a.replied.isoformat(),
                                            f"已于 {a.replied.isoformat()} 办结（早于 {year} 年），不计入 {year} 年度",
                                            a.id, a.source))
                continue
            counts["carried_over"][c] += 1
        else:
            counts["new_received"][c] += 1
        counted += 1
        if not current and a.replied is None:
            problems.append(Problem(a.row, "", "", f"上年台账中未办结（结转到 {year} 年），{year} 年台账中没有这件申请："
                                    "已计入上年结转，未计入办理结果和结转下年度", a.id, a.source))
            continue
        if a.replied is not None and a.replied <= end:
            key = a.outcome or ""
            if to_2019:
                key = OUTCOME_2019.get(key, key)
            counts[key][c] += 1
        else:
            counts["carried_forward"][c] += 1
    requests: dict[str, RequestRow] = {}
    for key, row in counts.items():
        requests[key] = RequestRow(**dict(zip(_COLS, row, strict=True)), total=sum(row))
    if carried_over is not None:
        requests["carried_over"] = carried_over
        from_rows = counts["carried_over"]
        if carried_from_rows and sum(from_rows) != (carried_over.total or 0):
            notes.append(f"台账中收到于 {year} 年以前、{year} 年初仍未办结的申请有 {sum(from_rows)} 件，"
                         f"而上年报告的结转下年度为 {carried_over.total} 件：上年结转按上年报告填写")
    elif not carried_from_rows:
        requests["carried_over"] = RequestRow()
        notes.append(f"未提供上年台账或上年报告（--last-year 或 --db），台账中也没有 {year} 年以前收到的申请："
                     "“二、上年结转”未计算（留空），请核实后填写")
    if fmt.id == "2021":
        total = [sum(counts[k][i] for k in outcome_rows) for i in range(6)]
        requests["total_processed"] = RequestRow(**dict(zip(_COLS, total, strict=True)), total=sum(total))
    order = [r.key for r in fmt.t3_rows]
    requests = {k: requests[k] for k in order if k in requests}
    title = f"{agency}{year}年政府信息公开工作年度报告" if agency else None
    record = Record(meta=Meta(agency=agency, year=year, doc_kind="annual_report", format=cast(FormatId, Format.id_for_year(year)),
                              title=title),
                    requests=requests)
    if problems:
        notes.append(f"有 {len(problems)} 行未计入表三（见问题清单），请更正台账后重新计算")
    return LedgerResult(record=record, problems=problems, notes=notes, counted=counted)

