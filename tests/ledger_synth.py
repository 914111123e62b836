"""Generated ledgers whose 表三 is known by construction.

Each application is drawn in a category first (carried over from 2023 and answered in 2024, carried over
and still open, new in 2024 and answered in 2024, new and open on 31 December, answered in 2023 …), then
given dates that fit its category; the expected 表三 is counted from the categories, not from the dates,
so it does not share the code under test. Some applications get a 补正, an extension or a third-party
consultation; many are received in the Spring Festival 调休 weeks of 2024 (2 月 4 日 and 18 日 are
Sunday workdays, 10–17 日 the holiday).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import random
from dataclasses import dataclass, field

from nianbao.format import Format
from nianbao.ledger import sheets, vocab

T3_COLUMN_KEYS = Format.T3_COLUMN_KEYS
T3_ROWS_2021 = Format.get("2021").t3_rows

YEAR = 2024
COLS = T3_COLUMN_KEYS[:6]
OUTCOMES = tuple(r.key for r in T3_ROWS_2021 if r.group)
# Template wording of each outcome (the drop-down), and abbreviations an export would use.
CHOICE = dict(zip(OUTCOMES, sheets.outcome_choices(YEAR), strict=True))
SHORT = {
    "granted": "公开", "partially_granted": "部分公开", "denied_state_secret": "不予公开（国家秘密）",
    "denied_prohibited": "不予公开-法律行政法规禁止公开", "denied_three_safeties": "危及三安全一稳定",
    "denied_third_party": "不予公开：保护第三方合法权益", "denied_internal": "内部事务信息",
    "denied_process": "过程性信息", "denied_enforcement": "行政执法案卷", "denied_query": "行政查询事项",
    "unavailable_not_held": "信息不存在", "unavailable_need_creation": "需另行制作",
    "unavailable_unclear": "补正后仍不明确", "declined_petition": "信访举报投诉类", "declined_duplicate": "重复申请",
    "declined_publication": "公开出版物", "declined_mass": "大量反复申请", "declined_confirmation": "要求确认或重新出具",
    "other_no_supplement": "逾期不补正", "other_fee_unpaid": "逾期未缴纳费用", "other_other": "申请人撤回",
}
APPLICANT_CHOICE = dict(zip(COLS, sheets.applicant_choices(), strict=True))
APPLICANT_SHORT = {"natural_person": "个人", "commercial": "公司", "research": "高校", "social_welfare": "公益组织",
                   "legal_service": "律所", "other_org": "其他组织"}


@dataclass
class App:
    id: str
    applicant: str
    received: dt.date
    outcome: str | None = None
    replied: dt.date | None = None
    channel: str = "网络"
    correction_sent: dt.date | None = None
    correction_received: dt.date | None = None
    extended: bool = False
    extension_date: dt.date | None = None
    tp_start: dt.date | None = None
    tp_end: dt.date | None = None


@dataclass
class Generated:
    last_year: list[App] = field(default_factory=list)  # the 2023 ledger
    this_year: list[App] = field(default_factory=list)  # the 2024 ledger (carried-over ones updated)
    expected: dict[str, list[int]] = field(default_factory=dict)  # 表三 row → six columns (no total)


def _day(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    return start + dt.timedelta(days=rng.randint(0, (end - start).days))


SPRING = (dt.date(2024, 2, 1), dt.date(2024, 2, 20))  # the 调休 week and the holiday around it


def generate(seed: int = 12, n: int = 300) -> Generated:
    rng = random.Random(seed)
    g = Generated()
    g.expected = {k: [0] * 6 for k in ("new_received", "carried_over", *OUTCOMES, "carried_forward")}
    count = 0

    def new_id() -> str:
        nonlocal count
        count += 1
        return f"YSQ-{count:05d}"

    def features(a: App) -> None:
        r = rng.random()
        if r < 0.12:
            a.correction_sent = a.received + dt.timedelta(days=rng.randint(1, 5))
            a.correction_received = a.correction_sent + dt.timedelta(days=rng.randint(1, 10))
        elif r < 0.2:
            a.extended = True
            a.extension_date = a.received + dt.timedelta(days=rng.randint(20, 27))
        elif r < 0.27:
            a.tp_start = a.received + dt.timedelta(days=rng.randint(2, 6))
            a.tp_end = a.tp_start + dt.timedelta(days=rng.randint(5, 15))

    def reply(a: App, lo: dt.date, hi: dt.date) -> None:
        floor = max(lo, a.correction_received or a.received, a.tp_end or a.received)
        a.replied = _day(rng, floor, max(floor, hi))
        a.outcome = rng.choice(OUTCOMES)

    for _ in range(n):
        col = rng.randrange(6)
        kind = rng.choices(["old_done", "carried_done", "carried_open", "new_done", "new_open", "new_next"],
                           weights=[10, 12, 3, 60, 6, 9])[0]
        a = App(new_id(), COLS[col], dt.date(2000, 1, 1))
        if kind.startswith(("old", "carried")):
            a.received = _day(rng, dt.date(2023, 9, 1), dt.date(2023, 12, 31))
            features(a)
            before = App(**a.__dict__)
            if kind == "old_done":  # answered in 2023: in last year's ledger only, counted nowhere in 2024
                before.received = _day(rng, dt.date(2023, 3, 1), dt.date(2023, 11, 30))
                before.correction_sent = before.correction_received = before.tp_start = before.tp_end = None
                reply(before, before.received, dt.date(2023, 12, 31))
                g.last_year.append(before)
                continue
            g.last_year.append(before)  # open on 31 December 2023
            g.expected["carried_over"][col] += 1
            if kind == "carried_done":
                reply(a, dt.date(2024, 1, 2), dt.date(2024, 3, 31))
                g.expected[a.outcome][col] += 1
            else:
                g.expected["carried_forward"][col] += 1
            g.this_year.append(a)
            continue
        spring = rng.random() < 0.25
        a.received = _day(rng, *SPRING) if spring else _day(rng, dt.date(2024, 1, 1), dt.date(2024, 12, 31))
        if kind == "new_done" and a.received > dt.date(2024, 12, 10):
            a.received -= dt.timedelta(days=30)
        features(a)
        g.expected["new_received"][col] += 1
        if kind == "new_done":
            reply(a, a.received, dt.date(2024, 12, 31))
            if a.replied.year > YEAR:  # features pushed it past the year: it is open on 31 December
                g.expected["carried_forward"][col] += 1
            else:
                g.expected[a.outcome][col] += 1
        elif kind == "new_next":
            reply(a, dt.date(2025, 1, 2), dt.date(2025, 2, 28))
            g.expected["carried_forward"][col] += 1
        else:
            g.expected["carried_forward"][col] += 1
        g.this_year.append(a)
    rng.shuffle(g.this_year)
    return g


def expected_table(g: Generated) -> dict[str, list[int]]:
    out = {k: [*v, sum(v)] for k, v in g.expected.items()}
    total = [sum(g.expected[k][i] for k in OUTCOMES) for i in range(6)]
    out["total_processed"] = [*total, sum(total)]
    return out


def template_row(a: App) -> dict[str, object]:
    return {"id": a.id, "applicant": APPLICANT_CHOICE[a.applicant], "received": a.received, "channel": a.channel,
            "correction_sent": a.correction_sent, "correction_received": a.correction_received,
            "extended": "是" if a.extended else "否", "extension_date": a.extension_date,
            "third_party_start": a.tp_start, "third_party_end": a.tp_end,
            "outcome": CHOICE[a.outcome] if a.outcome else None, "replied": a.replied, "note": None}


def fill_template(apps: list[App], year: int = YEAR) -> bytes:
    """The ledger template, filled in as a clerk would (drop-down wordings, date cells)."""
    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(sheets.template(year)))
    ws = wb[vocab.SHEET]
    for i, a in enumerate(apps, start=2):
        values = template_row(a)
        for j, key in enumerate(vocab.TEMPLATE_KEYS, start=1):
            ws.cell(i, j, values[key])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


# A system export: other header words, other column order, a title row, columns the ledger does not use,
# abbreviations, and dates in every form offices type.
EXPORT_HEADERS = {
    "id": "申请编号", "received": "申请日期", "applicant": "申请人类别", "channel": "申请渠道",
    "outcome": "处理结果", "replied": "办结时间", "correction_sent": "告知补正", "correction_received": "收到补正",
    "extended": "延长答复期限", "extension_date": "延期通知", "third_party_range": "征求第三方意见起止",
}
EXPORT_ORDER = ("id", "received", "applicant", "__content", "channel", "correction_sent", "correction_received",
                "third_party_range", "extended", "extension_date", "outcome", "replied", "__phone")


def _date_form(d: dt.date | None, rng: random.Random, excel: bool) -> object:
    if d is None:
        return None
    form = rng.randrange(5 if excel else 4)
    if form == 0:
        return f"{d.year}.{d.month}.{d.day}"
    if form == 1:
        return f"{d.year}年{d.month}月{d.day}日"
    if form == 2:
        return f"{d.year}/{d.month:02d}/{d.day:02d} {rng.randint(8, 17)}:{rng.randint(0, 59):02d}"
    if form == 3:
        return (d - dt.date(1899, 12, 30)).days if excel else d.strftime("%Y%m%d")
    return d  # a date cell


def export_rows(apps: list[App], seed: int = 3, excel: bool = True) -> list[list[object]]:
    rng = random.Random(seed)
    rows: list[list[object]] = [["某某市某某局政府信息公开申请登记表（系统导出）"], []]
    rows.append([EXPORT_HEADERS.get(k, {"__content": "申请内容", "__phone": "联系电话"}.get(k)) for k in EXPORT_ORDER])
    for a in apps:
        def d(x):
            return _date_form(x, rng, excel)
        rng_range = f"{a.tp_start.isoformat()}至{a.tp_end.isoformat()}" if a.tp_start else None
        values = {
            "id": a.id, "received": d(a.received), "applicant": APPLICANT_SHORT[a.applicant], "__content": "某某信息",
            "channel": a.channel, "correction_sent": d(a.correction_sent), "correction_received": d(a.correction_received),
            "third_party_range": rng_range, "extended": "延期" if a.extended else "", "extension_date": d(a.extension_date),
            "outcome": SHORT[a.outcome] if a.outcome else "", "replied": d(a.replied), "__phone": "138****0000",
        }
        rows.append([values[k] for k in EXPORT_ORDER])
    return rows


def export_xlsx(apps: list[App], seed: int = 3) -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "导出数据"
    for r in export_rows(apps, seed, excel=True):
        ws.append(r)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def export_csv(apps: list[App], seed: int = 3, encoding: str = "gb18030") -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf)
    for r in export_rows(apps, seed, excel=False):
        w.writerow(["" if v is None else v for v in r])
    return buf.getvalue().encode(encoding)
