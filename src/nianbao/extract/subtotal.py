"""表三 with a 小计 column some reports add (the five 法人或其他组织 columns summed): not a column of the
format, read by the decoder as an eighth cell of each row and then dropped. Its sums (小计 = the five
organisations, 总计 = 自然人 + 小计) only choose among readings of the same characters."""

from __future__ import annotations

from ..format import Format

SUBTOTAL = Format.T3_SUBTOTAL_KEY  # the extra column's key while a row is decoded; never in a record
_WORD = Format.T3_SUBTOTAL
_T3 = Format.T3_COLUMN_KEYS
_ORGS = Format.T3_ORG_KEYS  # the five 法人或其他组织 columns the 小计 sums
_ORG_WORDS = Format.T3_ORG_HEADER_FRAGMENTS


def subtotal_at(header: str) -> int | None:
    """Where the header's 小计 stands among a row's eight cells: after the five organisations (6, the usual
    place, between 其他 and 总计) or before them (1, right after 自然人); None when the header names no
    organisation to place it by, or no 小计."""
    at = header.find(_WORD)
    orgs = [i for w in _ORG_WORDS if (i := header.find(w)) >= 0]
    if at < 0 or not orgs:
        return None
    return 1 if at < min(orgs) else 6


def t3_columns(header: str) -> tuple[str, ...] | None:
    """表三's columns as the text before its first row names them: the format's seven, or eight with 小计
    where the header prints it; None when it prints 小计 at no place ``subtotal_at`` can tell."""
    if _WORD not in header:
        return _T3
    i = subtotal_at(header)
    return None if i is None else (*_T3[:i], SUBTOTAL, *_T3[i:])


def row_adds_up(vals: list, cols: tuple[str, ...]) -> bool:
    """A row's own sums: the six applicant columns make 总计; with 小计, the five organisations make 小计
    and 自然人 + 小计 makes 总计."""
    if SUBTOTAL not in cols:
        return sum(vals[:-1]) == vals[-1]
    d = dict(zip(cols, vals))
    return (sum(d[c] for c in _ORGS) == d[SUBTOTAL]
            and d["natural_person"] + d[SUBTOTAL] == d["total"])


def row_sums(key: str, cols: tuple[str, ...]) -> list[tuple[list[str], list[str]]]:
    """The row's own sums as constraints (sum of left paths == sum of right paths)."""
    p = f"requests.{key}"
    if SUBTOTAL not in cols:
        return [([f"{p}.{c}" for c in cols[:-1]], [f"{p}.total"])]
    return [([f"{p}.{c}" for c in _ORGS], [f"{p}.{SUBTOTAL}"]),
            ([f"{p}.natural_person", f"{p}.{SUBTOTAL}"], [f"{p}.total"])]
