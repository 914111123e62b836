"""The statutory due date of every application, on the official working-day calendar.

《政府信息公开条例》:
- 第三十三条: answer within 20 working days of receiving the application; with the approval of the head
  of the disclosure office, extended by at most 20 more working days (``vocab.EXTENSION_DAYS``).
- 第三十条: when the application is unclear and a 补正 notice is sent, the period is counted from the
  day the supplemented application is received (the clock restarts from zero); with no supplement the
  clock stays stopped (申请人逾期不补正 is 视为放弃申请, never late).
- 第三十三条第二款: time spent consulting a third party or another agency (第三十二条) is not counted.

Counting, as this project does it (documented in docs/ledger.md): the day of receipt is not counted
(《民法典》第二百零一条, 期间开始的当日不计入), so day 1 is the first working day after the day of
receipt (for a receipt on a Saturday or a holiday, the first working day after it); the due date is the
20th (40th) such working day. The working days of
a consultation are those after the day the request for opinions was sent up to and including the day the
opinion came back (or its time limit ran out); they push the due date by as many working days, when the
consultation began before the due date. An answer on the due date is on time.

A date the calendar package does not know gives status ``无法计算`` with the reason, never a wrong date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass

from . import vocab
from .read import Application, Ledger
from .workdays import CalendarUnknown, WorkCalendar, calendar


@dataclass(slots=True)
class Deadline:
    id: str
    row: int
    received: dt.date
    start: dt.date | None  # the day the clock (re)started: receipt, or receipt of the supplement
    days: int  # working days allowed: 20, or 40 with an extension
    paused: int  # working days of third-party consultation not counted
    due: dt.date | None
    replied: dt.date | None
    status: str
    working_days_late: int = 0
    working_days_left: int | None = None  # open applications: working days from as_of to due
    reason: str = ""  # why there is no due date

    def to_json(self) -> dict:
        d = asdict(self)
        for k in ("received", "start", "due", "replied"):
            d[k] = d[k].isoformat() if d[k] else None
        return d


def due_date(app: Application, cal: WorkCalendar | None = None) -> tuple[dt.date | None, int, int, str]:
    """(due date, working days allowed, working days paused, reason when None)."""
    cal = cal or calendar()
    days = vocab.STATUTORY_DAYS + (vocab.EXTENSION_DAYS if app.extended else 0)
    if app.correction_sent and app.correction_received is None:
        return None, days, 0, "已通知补正、尚未收到补正材料：答复期限中止"
    start = app.correction_received or app.received
    if app.third_party_start and app.third_party_end is None:
        return None, days, 0, "正在征求第三方意见（没有结束日期）：征求意见的时间不计入答复期限"
    base = cal.nth_after(start, days)
    paused = 0
    ts, te = app.third_party_start, app.third_party_end
    if ts and te and ts <= base:
        paused = cal.between(max(ts, start), te)
    due = cal.nth_after(start, days + paused) if paused else base
    return due, days, paused, ""


def deadline(app: Application, as_of: dt.date, cal: WorkCalendar | None = None) -> Deadline:
    cal = cal or calendar()
    try:
        due, days, paused, reason = due_date(app, cal)
    except CalendarUnknown as e:
        return Deadline(app.id, app.row, app.received, None, 0, 0, None, app.replied, vocab.UNKNOWN, reason=e.message)
    start = app.correction_received or (None if app.correction_sent else app.received)
    d = Deadline(app.id, app.row, app.received, start, days, paused, due, app.replied, vocab.UNKNOWN, reason=reason)
    if due is None:
        if app.replied is None:
            d.status = vocab.PAUSED
        elif app.correction_sent and app.correction_received is None:
            d.status = vocab.NOT_COUNTED
        return d
    try:
        if app.replied is not None:
            if app.replied <= due:
                d.status = vocab.ON_TIME
            else:
                d.status, d.working_days_late = vocab.LATE, cal.between(due, app.replied)
        elif as_of > due:
            d.status, d.working_days_late = vocab.OPEN_LATE, cal.between(due, as_of)
        else:
            d.working_days_left = cal.between(as_of, due)
            d.status = vocab.DUE_SOON if d.working_days_left <= vocab.DUE_SOON_DAYS else vocab.OPEN
    except CalendarUnknown as e:
        d.status, d.reason = vocab.UNKNOWN, e.message
    return d


# China has kept UTC+8 all year since 1991: a fixed offset needs no zone database.
CHINA = dt.timezone(dt.timedelta(hours=8), "北京时间")


def today(now: dt.datetime | None = None) -> dt.date:
    """Today in China (at the instant ``now``, default now), the day a deadline is judged on, whatever zone
    the server's clock is set to: a server in UTC is still on the 31st for the first eight hours of a
    Chinese 1st."""
    return (now or dt.datetime.now(dt.UTC)).astimezone(CHINA).date()


def deadlines(ledger: Ledger, as_of: dt.date | None = None) -> list[Deadline]:
    """Due date and status of every application of ``ledger``, judged on ``as_of`` (default: today in China)."""
    as_of = as_of or today()
    cal = calendar()
    return [deadline(a, as_of, cal) for a in ledger.applications]
