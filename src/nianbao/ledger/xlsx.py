"""The cell values of an XLSX workbook's sheets, read straight from its XML (a ledger has 100 000 rows;
openpyxl takes ~100 times longer to give the same values).

Numbers stay numbers (a date cell is its serial number: the ledger's date reader takes serials), text
is the shared or inline string, a formula cell its last computed value. Rows are numbered as in the
sheet: a missing row is an empty list, so row n of the result is row n + 1 of the sheet.
A workbook in the 1904 date system returns None (the caller reads it with openpyxl instead).
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from collections.abc import Iterator

from lxml import etree

_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_ROW, _C, _V, _IS, _T, _SI, _R, _RPH = (f"{_NS}{x}" for x in ("row", "c", "v", "is", "t", "si", "r", "rPh"))


_COLS: dict[str, int] = {}


def _col(ref: str) -> int:
    """0-based column of a cell reference ("AB12" → 27)."""
    letters = ref.rstrip("0123456789")
    j = _COLS.get(letters)
    if j is None:
        j = 0
        for ch in letters:
            j = j * 26 + ord(ch) - 64
        j -= 1
        _COLS[letters] = j
    return j


def _text(el: etree._Element) -> str:
    """The text of an <si> or <is>: its <t>, or its rich-text runs' <t>, without phonetic <rPh>."""
    if len(el) == 1 and el[0].tag == _T:
        return el[0].text or ""
    if el.find(_RPH) is None:
        return "".join(el.itertext(_T))
    return "".join((r.findtext(_T) or "") for r in el.iter(_R) if r.getparent().tag != _RPH)


def sheets(data: bytes) -> Iterator[tuple[str, list[list[object]]]] | None:
    """(sheet name, rows of cell values) for every worksheet in workbook order; None when the workbook
    uses the 1904 date system. Raises zipfile.BadZipFile / KeyError / etree.XMLSyntaxError on a broken file."""
    z = zipfile.ZipFile(io.BytesIO(data))
    wb = etree.fromstring(z.read("xl/workbook.xml"))
    pr = wb.find(f"{_NS}workbookPr")
    if pr is not None and pr.get("date1904") in ("1", "true"):
        return None
    rels = etree.fromstring(z.read("xl/_rels/workbook.xml.rels"))
    target = {r.get("Id"): r.get("Target") for r in rels.iter(_PKG_REL)}
    strings: list[str] = []
    if "xl/sharedStrings.xml" in z.namelist():
        strings = [_text(si) for si in etree.fromstring(z.read("xl/sharedStrings.xml")).iter(_SI)]
    order = []
    for s in wb.iter(f"{_NS}sheet"):
        t = target.get(s.get(_REL), "")
        path = t.lstrip("/") if t.startswith("/") else posixpath.normpath(posixpath.join("xl", t))
        order.append((s.get("name") or "", path))
    return ((name, _rows(z, path, strings)) for name, path in order if path in z.namelist())


def _rows(z: zipfile.ZipFile, path: str, strings: list[str]) -> list[list[object]]:
    rows: list[list[object]] = []
    with z.open(path) as f:
        for _, row in etree.iterparse(f, events=("end",), tag=_ROW):
            r = row.get("r")
            n = int(r) - 1 if r else len(rows)
            while len(rows) < n:
                rows.append([])
            values: list[object] = []
            for c in row:  # the <c> children, in column order
                ref = c.get("r")
                if ref:
                    j = _col(ref)
                    if j > len(values):
                        values.extend([None] * (j - len(values)))
                t = c.get("t")
                first = c[0] if len(c) else None
                if t == "inlineStr":
                    values.append(_text(first) if first is not None and first.tag == _IS else None)
                    continue
                v = first.text if first is not None and first.tag == _V else c.findtext(_V)
                if v is None:
                    values.append(None)
                elif t is None or t == "n":
                    f_ = float(v)
                    values.append(int(f_) if f_.is_integer() else f_)
                elif t == "s":
                    values.append(strings[int(v)])
                elif t == "b":
                    values.append(v == "1")
                else:  # str (formula text), e (error), d (ISO date)
                    values.append(v)
            rows.append(values)
            row.clear()
            while row.getprevious() is not None:
                del row.getparent()[0]
    return rows
