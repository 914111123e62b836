"""Small helpers the rules share: numbers, 表三 row sets, sections, dates, Chinese names."""

from __future__ import annotations

import re
from datetime import date

from ...format import Format
from ...record import Record, RequestRow, SectionText

COLUMN_ZH = {c.key: c.label for c in Format.T3_COLUMNS}
T4_COLUMN_ZH = {c.key: c.label for c in Format.T4_COLUMNS}
T4_GROUP_KEYS = Format.T4_GROUP_KEYS
SECTION_BY_ID = {s.id: s for s in Format.SECTIONS}

OTHER_SUBROWS = Format.group_rows("other")
# outcome rows other than （六）其他处理, in the format's order
OUTCOME_BASE = tuple(k for g in Format.outcome_group_keys() if g != "other" for k in Format.group_rows(g))
GROUP_ROWS = {g: Format.group_rows(g) for g in Format.outcome_group_keys()}
appeal_group_name = Format.appeal_group_name

_DATE = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?$")


def quote(record: Record, key: str) -> str:
    """'（「全年收到政府信息公开申请14件」）': the words of a narrative figure, when the parser kept them."""
    prov = record.provenance.get(f"narrative.{key}")
    return f"（原文「{prov.text.strip()}」）" if prov and prov.text.strip() else ""


def is_int(v: float) -> bool:
    return isinstance(v, int) or float(v).is_integer()


def show(v: float | None) -> str:
    """A number as a person writes it: 3 not 3.0; blank for None."""
    return Format.number_text(v, blank="空白")


def row_label(key: str) -> str:
    return Format.row_label(key)


def single_other_row(requests: dict[str, RequestRow]) -> bool:
    """（六）其他处理 printed as one row (2019 layout): the three 2021 sub-rows are absent, not blank."""
    if "other_total" not in requests:
        return False
    return all(all(v is None for v in requests[k].model_dump().values()) for k in OTHER_SUBROWS if k in requests)


def table_rows(requests: dict[str, RequestRow]) -> list[str]:
    """The row keys the table actually has (absent 2021 sub-rows of a single-row （六） left out)."""
    skip = set(OTHER_SUBROWS) if single_other_row(requests) else set()
    return [k for k in requests if k not in skip]


def request_rows(record: Record):
    """(row key, row) of 表三 as the document has it; nothing when there is no 表三."""
    req = record.requests
    if not req:
        return
    for key in table_rows(req):
        yield key, req[key]


def appeal_rows(record: Record):
    """(group key, row) of 表四: 行政复议, 未经复议直接起诉, 复议后起诉; nothing when there is no 表四."""
    if record.appeals is None:
        return
    for g in T4_GROUP_KEYS:
        yield g, getattr(record.appeals, g)


def outcome_rows(requests: dict[str, RequestRow]) -> list[str]:
    """The rows that add up to （七）总计: (一)…(五) and either the （六） sub-rows or the single row."""
    rows = [k for k in OUTCOME_BASE if k in requests]
    if single_other_row(requests):
        rows.append("other_total")
    else:
        rows.extend(k for k in OTHER_SUBROWS if k in requests)
    return rows


def group_sum(requests: dict[str, RequestRow], group: str, col: str = "total") -> int | float | None:
    """Sum of one outcome group's rows in a column; None when a term is blank or the group is absent."""
    keys = list(GROUP_ROWS[group])
    if group == "other" and single_other_row(requests):
        keys = ["other_total"]
    vals = [getattr(requests[k], col) for k in keys if k in requests]
    if not vals or any(v is None for v in vals):
        return None
    return sum(vals)


def section(record: Record, sid: str) -> SectionText | None:
    return next((s for s in record.sections if s.id == sid), None)


def section_title(s: SectionText) -> str:
    """The section's heading as the format words it, with the report's own number: "五、存在的主要问题及改进情况"."""
    if s.id not in SECTION_BY_ID:
        return s.heading.strip()[:30]
    return Format.section_title(s.id, s.number)


def section_body(s: SectionText) -> str:
    """The section's text without its heading (whose words would answer every keyword test)."""
    first, _, rest = s.text.partition("\n")
    if len(first.strip()) <= 30:
        return rest
    # heading and body on one line: "六、其他需要报告的事项。一是…"
    m = re.search(r"[。：:]", first[:40])
    return (first[m.end():] if m else first) + "\n" + rest


def parse_day(text: str | None) -> tuple[date, bool] | None:
    """A 落款日期 'YYYY-MM-DD' or 'YYYY-MM' → (date, exact); a month-only date is its last day, not exact."""
    if not text:
        return None
    m = _DATE.match(text)
    if not m:
        return None
    y, mo = int(m.group(1)), int(m.group(2))
    try:
        if m.group(3):
            return date(y, mo, int(m.group(3))), True
        nxt = date(y + (mo == 12), mo % 12 + 1, 1)
        return date.fromordinal(nxt.toordinal() - 1), False
    except ValueError:
        return None


def published_after(record: Record, deadline: date) -> bool:
    """True when the 落款日期 is certainly after the deadline (a month-only date counts from its 1st)."""
    d = parse_day(record.meta.published)
    if d is None:
        return False
    day, exact = d
    if exact:
        return day > deadline
    return day.replace(day=1) > deadline
