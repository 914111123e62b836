"""Dates as offices type them: 2024-03-05, 2024.3.5, 2024/3/5, 2024年3月5日, 20240305, 二〇二四年三月五日,
a date with a time after it, a spreadsheet date cell, or an Excel serial number (1900 date system).

``parse_date`` returns a ``date``, None for an empty cell, or raises ``ValueError`` with a Chinese
reason; it never guesses a day the cell does not give (2024年3月 is not a date).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from functools import lru_cache

_EXCEL_EPOCH = dt.date(1899, 12, 30).toordinal()  # serial 1 = 1900-01-01 (Excel's 1900 leap bug folded in)
_SERIAL_RANGE = (dt.date(1990, 1, 1).toordinal() - _EXCEL_EPOCH, dt.date(2100, 12, 31).toordinal() - _EXCEL_EPOCH)
_YMD = re.compile(r"^(\d{4})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})\s*日?(?:[\sT]+\d{1,2}[:：]\d{2}(?:[:：]\d{2}(?:\.\d+)?)?)?\s*(?:号)?$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_ZH_DIGITS = str.maketrans("〇○零一二三四五六七八九", "00012345678" + "9")


def _zh_number(s: str) -> str:
    """'二〇二四' → '2024'; '十二' → '12', '二十五' → '25', '三十一' → '31'."""
    if "十" not in s:
        return s.translate(_ZH_DIGITS)
    tens, _, ones = s.partition("十")
    return str(int((tens or "一").translate(_ZH_DIGITS)) * 10 + (int(ones.translate(_ZH_DIGITS)) if ones else 0))


_ZH_DATE = re.compile(r"^([〇○零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日$")


def parse_date(value: object) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, bool):
        raise ValueError(f"“{value}”不是日期")
    if isinstance(value, (int, float)):
        return _serial(value)
    return _text(str(value))


def _serial(value: float) -> dt.date:
    n = int(value)  # a serial with a time of day (45356.5) is still that day
    if not _SERIAL_RANGE[0] <= n <= _SERIAL_RANGE[1]:
        raise ValueError(f"数字 {value:g} 不是可以识别的日期（Excel 日期序号应在 1990–2100 年之间）")
    return dt.date.fromordinal(_EXCEL_EPOCH + n)


@lru_cache(maxsize=65536)
def _text(raw: str) -> dt.date | None:
    s = unicodedata.normalize("NFKC", raw).strip()
    if not s or s in ("-", "—", "/", "无"):
        return None
    m = _YMD.match(s) or _COMPACT.match(s)
    if m is None:
        z = _ZH_DATE.match(s.replace(" ", ""))
        if z:
            m_y, m_m, m_d = (_zh_number(g) for g in z.groups())
            return _make(int(m_y), int(m_m), int(m_d), raw)
        if re.fullmatch(r"\d+(?:\.\d+)?", s):
            return _serial(float(s))
        raise ValueError(f"“{raw}”不是可以识别的日期（请写成 2024-03-05、2024.3.5 或 2024年3月5日）")
    y, mo, d = (int(g) for g in m.groups()[:3])
    return _make(y, mo, d, raw)


def _make(y: int, mo: int, d: int, raw: str) -> dt.date:
    try:
        return dt.date(y, mo, d)
    except ValueError:
        raise ValueError(f"“{raw}”不是存在的日期") from None
