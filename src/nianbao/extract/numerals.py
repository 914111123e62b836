"""Chinese numerals as reports write them: 十四, 二十三, 一百零五, 两千, 二〇二二."""

from __future__ import annotations

from ..limits import MAX_COUNT, MAX_DIGITS, MAX_NUMERAL_CHARS

_DIGITS = {"〇": 0, "零": 0, "○": 0, "O": 0, "Ｏ": 0, "０": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
           "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10000}
CN_NUM_CHARS = "〇零○一二两三四五六七八九十百千万"


def in_range(text: str) -> bool:
    """False for a numeral no report states: too many digits or characters, or beyond any count."""
    t = text.strip().replace(",", "").replace("，", "")
    if t.isascii() and t.isdigit():
        return len(t.lstrip("0")) <= MAX_DIGITS and int(t) <= MAX_COUNT
    if len(t) > MAX_NUMERAL_CHARS:
        return False
    n = cn_to_int(t)
    return n is None or n <= MAX_COUNT


def cn_to_int(text: str) -> int | None:
    """Value of a Chinese numeral, or of ASCII digits; None if ``text`` is neither, or is longer
    than any numeral a report writes (``limits.MAX_NUMERAL_CHARS``; 万万万… would grow without bound)."""
    t = text.strip()
    if not t:
        return None
    if t.isdigit():
        return int(t) if t.isascii() and len(t) <= MAX_DIGITS else None
    if len(t) > MAX_NUMERAL_CHARS:
        return None
    if all(ch in _DIGITS for ch in t):  # digit by digit: 二〇二二
        return int("".join(str(_DIGITS[ch]) for ch in t))
    total = section = 0
    digit = None
    for ch in t:
        if ch in _DIGITS:
            digit = _DIGITS[ch]
        elif ch in _UNITS:
            unit = _UNITS[ch]
            if unit == 10000:
                section = (section + (digit or 0)) * unit
                total += section
                section = 0
            else:
                section += (1 if digit is None else digit) * unit
            digit = None
        else:
            return None
    return total + section + (digit or 0)


def to_int(text: str) -> int | None:
    """A count: None when ``text`` is not a numeral or is outside a count's range (``limits``)."""
    t = text.strip().replace(",", "").replace("，", "")
    if t.isascii() and t.isdigit():
        n = int(t) if len(t.lstrip("0")) <= MAX_DIGITS else None
    else:
        n = cn_to_int(t)
    return n if n is None or n <= MAX_COUNT else None
