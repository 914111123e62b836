"""China's official working-day calendar (法定节假日 and 调休 workdays), from ``chinesecalendar``.

The package carries the 国务院办公厅 holiday notices year by year. A year it does not know is never
guessed (a weekend rule would be wrong around every holiday): asking for it raises ``CalendarUnknown``
with a Chinese message naming the year and what to do.

Working days are numbered once for every known year, so "the n-th working day after a date" and "the
working days between two dates" are list look-ups, not day-by-day walks (100 000 applications a second).
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from functools import lru_cache

from ..errors import NianbaoError


class CalendarUnknown(NianbaoError):
    code = "calendar_unknown"


def _package():
    try:
        import chinese_calendar
    except ImportError:  # pragma: no cover - a declared dependency
        raise NianbaoError("计算答复期限需要工作日历（Python 包 chinesecalendar），请安装：pip install chinesecalendar",
                           "missing_dependency") from None
    return chinese_calendar


class WorkCalendar:
    """Working days of the years the calendar package knows."""

    def __init__(self) -> None:
        cc = _package()
        self.version = getattr(cc, "__version__", "")
        years = sorted({d.year for d in cc.holidays} | {d.year for d in cc.workdays})
        self.first, self.last = years[0], years[-1]
        start, end = dt.date(self.first, 1, 1), dt.date(self.last, 12, 31)
        self._start = start.toordinal()
        days: list[int] = []  # ordinals of working days
        count: list[int] = []  # count[i] = working days on or before start + i
        n = 0
        for o in range(start.toordinal(), end.toordinal() + 1):
            if cc.is_workday(dt.date.fromordinal(o)):
                days.append(o)
                n += 1
            count.append(n)
        self._days = days
        self._count = count

    def known(self, day: dt.date) -> bool:
        return self.first <= day.year <= self.last

    def _check(self, day: dt.date, what: str = "") -> None:
        if not self.known(day):
            raise CalendarUnknown(
                f"工作日历（chinesecalendar {self.version}）只有 {self.first}–{self.last} 年的法定节假日和调休安排，"
                f"没有 {day.year} 年的{what}：无法按工作日计算，未给出日期。"
                f"国务院办公厅公布 {day.year} 年节假日安排后，请升级：pip install -U chinesecalendar")

    def is_workday(self, day: dt.date) -> bool:
        self._check(day)
        i = day.toordinal() - self._start
        return self._count[i] > (self._count[i - 1] if i else 0)

    def index(self, day: dt.date) -> int:
        """Working days from the calendar's start up to and including ``day``."""
        self._check(day)
        return self._count[day.toordinal() - self._start]

    def nth_after(self, day: dt.date, n: int) -> dt.date:
        """The n-th working day after ``day`` (``day`` itself not counted; n ≥ 1)."""
        i = self.index(day) + n - 1
        if i >= len(self._days):
            self._check(dt.date(self.last + 1, 1, 1), "安排（期限延伸到该年）")
        return dt.date.fromordinal(self._days[i])

    def between(self, after: dt.date, upto: dt.date) -> int:
        """Working days d with after < d ≤ upto (0 if upto ≤ after)."""
        if upto <= after:
            return 0
        return self.index(upto) - self.index(after)

    def next_workday(self, day: dt.date) -> dt.date:
        """``day`` if it is a working day, else the first working day after it."""
        self._check(day)
        i = bisect_right(self._days, day.toordinal() - 1)
        if i >= len(self._days):
            self._check(dt.date(self.last + 1, 1, 1))
        return dt.date.fromordinal(self._days[i])


@lru_cache(maxsize=1)
def calendar() -> WorkCalendar:
    return WorkCalendar()
