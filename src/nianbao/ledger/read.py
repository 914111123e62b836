"""Read a ledger: the template, or an 依申请 system's export (XLSX or CSV), one row per application.

Columns are found by their header words (``vocab.COLUMNS``), in the first rows of the first sheet that
has them; applicant types and outcomes by their wording (the format's 表三 labels and the abbreviations in
``vocab``); dates in the forms offices type (``dates``). A row that cannot be read exactly — an unknown
applicant type or outcome, a date that is not one, a reply before receipt, an outcome without a reply
date — is not an ``Application``: it is a ``Problem`` naming the row and the column, and it is counted
nowhere.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..errors import InputError
from ..files import os_error_zh
from ..format import Format, core, tail
from ..ingest.decode import decode_text
from . import vocab
from .dates import parse_date

EARLIEST = dt.date(2008, 5, 1)  # 《政府信息公开条例》施行


@dataclass(slots=True)
class Application:
    row: int  # 1-based row in the sheet
    id: str
    applicant: str  # 表三 column key
    received: dt.date
    outcome: str | None = None  # 表三 row key (2021 format); None: not answered
    replied: dt.date | None = None
    channel: str = ""
    correction_sent: dt.date | None = None
    correction_received: dt.date | None = None
    extended: bool = False
    extension_date: dt.date | None = None
    third_party_start: dt.date | None = None
    third_party_end: dt.date | None = None
    note: str = ""
    source: str = ""  # the ledger file it came from


@dataclass(slots=True)
class Problem:
    row: int
    column: str  # the header as the file writes it ("" for the whole row)
    value: str
    message: str
    id: str = ""
    source: str = ""

    def text(self) -> str:
        where = f"第 {self.row} 行" + (f"（编号 {self.id}）" if self.id else "") + (f"「{self.column}」列" if self.column else "")
        return f"{self.source}：{where}：{self.message}" if self.source else f"{where}：{self.message}"

    def to_json(self) -> dict:
        return {"file": self.source, "row": self.row, "id": self.id, "column": self.column, "value": self.value,
                "message": self.text()}


@dataclass
class Ledger:
    source: str
    applications: list[Application] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    headers: dict[str, str] = field(default_factory=dict)  # column key → header as written
    sheet: str = ""


# ---- words ------------------------------------------------------------------------------------
def _phrases(words: dict[str, tuple[str, ...]], labels) -> tuple[tuple[str, str], ...]:
    """(phrase, key), longest first: the format's identifying phrases and variants, then ours."""
    out: dict[str, str] = {}
    for lab in labels:
        for p in (*lab.keys, *lab.variants):
            out.setdefault(core(p), lab.key)
    for key, ps in words.items():
        for p in ps:
            out.setdefault(core(p), key)
    return tuple(sorted(out.items(), key=lambda kv: -len(kv[0])))


_APPLICANTS = _phrases(vocab.APPLICANT_WORDS, [c for c in Format.T3_COLUMNS if c.key != "total"])
_OUTCOMES = _phrases(vocab.OUTCOME_WORDS, [r for r in Format.get("2021").t3_rows if r.group])
# a group named alone (不予公开) names no row
_OUTCOME_VAGUE = (*(core(g.label) for g in Format.T3_GROUPS.values()), *vocab.OUTCOME_VAGUE)
_APPLICANT_VAGUE = vocab.APPLICANT_VAGUE


def _best(text: str, phrases: tuple[tuple[str, str], ...]) -> tuple[str | None, int]:
    for p, key in phrases:
        if p and p in text:
            return key, len(p)
    return None, 0


@lru_cache(maxsize=4096)
def applicant_key(text: str) -> str | None:
    """The 表三 column an applicant-type wording names, or None (unknown or not one column)."""
    c = core(text)
    key, n = _best(c, _APPLICANTS)
    vague = max((len(v) for v in _APPLICANT_VAGUE if v in c), default=0)
    return None if vague > n else key


@lru_cache(maxsize=4096)
def outcome_key(text: str) -> str | None:
    """The 表三 outcome row an outcome wording names (2021 keys), or None (unknown, or only a group)."""
    for t in dict.fromkeys((tail(text), core(text))):
        if not t:
            continue
        key, n = _best(t, _OUTCOMES)
        vague = max((len(v) for v in _OUTCOME_VAGUE if v in t), default=0)
        if key and n >= vague:
            return key
    return None


def _yes_no(text: str) -> bool | None:
    t = core(text).lower()
    if not t:
        return False
    if t in vocab.YES or t.startswith("已延期") or t.startswith("延期"):
        return True
    if t in vocab.NO:
        return False
    return None


# ---- headers ----------------------------------------------------------------------------------
def column_key(header: str) -> str | None:
    c = core(header)
    best, n = None, 0
    for col in vocab.COLUMNS:
        for p in col.phrases:
            if len(p) > n and p in c:
                best, n = col.key, len(p)
    return best


def find_header(rows: list[list[object]]) -> tuple[int, dict[int, str]] | None:
    """(row index, {column index: key}) of the first row that names the required columns."""
    best = None
    for i, row in enumerate(rows[:30]):
        found: dict[int, str] = {}
        for j, v in enumerate(row):
            if v is None or not isinstance(v, str):
                continue
            key = column_key(v)
            if key and key not in found.values():
                found[j] = key
        if all(k in found.values() for k in vocab.REQUIRED) and (best is None or len(found) > len(best[1])):
            best = (i, found)
    return best


# ---- rows -------------------------------------------------------------------------------------
def _s(v: object) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    if isinstance(v, (dt.date, dt.datetime)):
        return v.isoformat()[:10]
    return str(v).strip()


_DATE_KEYS = tuple(c.key for c in vocab.COLUMNS if c.kind == "date")


def _range(v: str) -> tuple[dt.date | None, dt.date | None]:
    parts = [p for p in re.split(r"\s*(?:至|到|~|～|—|–|--)\s*|\s+-\s+", v) if p.strip()]
    if len(parts) != 2:
        raise ValueError(f"“{v}”不是起止日期（请写成 2024-03-05至2024-03-20）")
    return parse_date(parts[0]), parse_date(parts[1])


def read_rows(rows: list[list[object]], source: str, first_row: int = 1, sheet: str = "") -> Ledger:
    """Applications and problems from the rows of a sheet (``first_row``: the sheet row of rows[0])."""
    ledger = Ledger(source=source, sheet=sheet)
    found = find_header(rows)
    if found is None:
        need = "、".join(vocab.COLUMN_BY_KEY[k].header for k in vocab.REQUIRED)
        raise InputError(f"{source}：找不到台账的表头（至少需要“{need}”两列，可用 nianbao ledger template 生成模板）",
                         "not_a_ledger")
    h, cols = found
    header_row = rows[h]
    ledger.headers = {key: _s(header_row[j]) for j, key in cols.items()}
    keys, index = tuple(cols.values()), tuple(cols)
    width = max(index) + 1
    seen: dict[str, int] = {}
    cells = _Cells()
    for i in range(h + 1, len(rows)):
        row = rows[i]
        if len(row) < width:
            row = [*row, *([None] * (width - len(row)))]
        vals = dict(zip(keys, [row[j] for j in index], strict=True))
        if all(v is None or v == "" or (type(v) is str and not v.strip()) for v in vals.values()):
            continue
        n = first_row + i
        app = _application(vals, n, ledger, cells)
        if app is None:
            continue
        if app.id:
            if app.id in seen:
                ledger.problems.append(Problem(n, ledger.headers.get("id", "编号"), app.id,
                                               f"编号与第 {seen[app.id]} 行重复，本行未计入", app.id, source))
                continue
            seen[app.id] = n
        ledger.applications.append(app)
    return ledger


class _Cells:
    """Cell values to dates and keys, each distinct value worked out once (a ledger repeats them)."""

    def __init__(self) -> None:
        self._dates: dict[object, tuple[dt.date | None, str]] = {}

    def date(self, v: object) -> tuple[dt.date | None, str]:
        """(date or None, "" or the reason it is not one)."""
        if v is None or v == "":
            return None, ""
        got = self._dates.get(v)
        if got is None:
            try:
                d = parse_date(v)
            except ValueError as e:
                got = (None, str(e))
            else:
                got = (d, "") if d is None or d >= EARLIEST else (
                    None, f"日期 {d.isoformat()} 早于《政府信息公开条例》施行日期（2008-05-01），不可能是办理日期")
            self._dates[v] = got
        return got


def _application(vals: dict[str, object], n: int, ledger: Ledger, cells: _Cells) -> Application | None:
    src, hdr = ledger.source, ledger.headers
    ident = _s(vals.get("id"))
    errors: list[Problem] = []
    failed: set[str] = set()

    def bad(key: str, value: object, message: str) -> None:
        failed.add(key)
        errors.append(Problem(n, hdr.get(key, vocab.COLUMN_BY_KEY[key].header), _s(value), message + "，本行未计入",
                              ident, src))

    dates: dict[str, dt.date | None] = {}
    for key in _DATE_KEYS:
        v = vals.get(key)
        d, why = cells.date(v)
        if why:
            bad(key, v, why)
        dates[key] = d
    rng = vals.get("third_party_range")
    if rng is not None and _s(rng):
        try:
            dates["third_party_start"], dates["third_party_end"] = _range(_s(rng))
        except ValueError as e:
            bad("third_party_range", rng, str(e))
    applicant_text = _s(vals.get("applicant"))
    applicant = applicant_key(applicant_text) if applicant_text else None
    if not applicant_text:
        bad("applicant", "", "申请人类型为空")
    elif applicant is None:
        bad("applicant", applicant_text, f"申请人类型“{applicant_text}”无法对应表三的列（自然人、商业企业、科研机构、"
                                         "社会公益组织、法律服务机构、其他）")
    outcome_text = _s(vals.get("outcome"))
    outcome = outcome_key(outcome_text) if outcome_text else None
    if outcome_text and outcome is None:
        bad("outcome", outcome_text, f"办理结果“{outcome_text}”无法对应表三的办理结果（须是具体情形，"
                                     "如“不予公开”须写明属于哪一项）")
    received, replied = dates["received"], dates["replied"]
    if received is None and "received" not in failed:
        bad("received", "", "收到日期为空")
    if received and replied and replied < received:
        bad("replied", vals.get("replied"), f"答复日期 {replied} 早于收到日期 {received}")
    if outcome_text and replied is None and "replied" not in failed:
        bad("replied", "", f"有办理结果“{outcome_text}”但没有答复日期")
    if replied and not outcome_text and "outcome" not in failed:
        bad("outcome", "", f"有答复日期 {replied} 但没有办理结果")
    cs, cr = dates["correction_sent"], dates["correction_received"]
    if cr and not cs:
        bad("correction_sent", "", "有补正收到日期但没有补正通知日期")
    if cs and received and cs < received:
        bad("correction_sent", vals.get("correction_sent"), f"补正通知日期 {cs} 早于收到日期 {received}")
    if cs and cr and cr < cs:
        bad("correction_received", vals.get("correction_received"), f"补正收到日期 {cr} 早于补正通知日期 {cs}")
    ts, te = dates["third_party_start"], dates["third_party_end"]
    if ts and te and te < ts:
        bad("third_party_end", vals.get("third_party_end"), f"征求意见结束日期 {te} 早于开始日期 {ts}")
    if te and not ts:
        bad("third_party_start", "", "有征求意见结束日期但没有开始日期")
    extended = _yes_no(_s(vals.get("extended"))) if "extended" in vals else False
    if extended is None:
        bad("extended", vals.get("extended"), f"是否延期“{_s(vals.get('extended'))}”应为“是”或“否”")
    if dates["extension_date"] and extended is False and not _s(vals.get("extended")):
        extended = True  # an extension notice date says it was extended
    if errors:
        ledger.problems.extend(errors)
        return None
    assert received is not None and applicant is not None
    return Application(row=n, id=ident, applicant=applicant, received=received, outcome=outcome, replied=replied,
                       channel=_s(vals.get("channel")), correction_sent=cs, correction_received=cr,
                       extended=bool(extended), extension_date=dates["extension_date"], third_party_start=ts,
                       third_party_end=te, note=_s(vals.get("note")), source=src)


# ---- files ------------------------------------------------------------------------------------
def read_ledger(source: str | Path | bytes, name: str | None = None) -> Ledger:
    """Read a ledger file (.xlsx/.xlsm or .csv/.txt), or its bytes with ``name``."""
    if isinstance(source, (str, Path)):
        path = Path(source)
        name = name or path.name
        try:
            data = path.read_bytes()
        except OSError as e:
            raise InputError(f"{name}：无法读取（{os_error_zh(e)}）", "unreadable") from None
    else:
        data, name = source, name or "台账"
    if not data:
        raise InputError(f"{name}：文件是空的", "empty")
    if data[:4] == b"PK\x03\x04":
        return _xlsx(data, name)
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise InputError(f"{name}：是旧版 Excel（.xls）文件，请在 Excel 或 WPS 中另存为 .xlsx 或 .csv 后再读取", "xls")
    return _csv(data, name)


def _xlsx(data: bytes, name: str) -> Ledger:
    from lxml import etree

    from .xlsx import sheets

    try:
        found = sheets(data)
        book = None if found is None else [(title, rows) for title, rows in found]
    except (zipfile.BadZipFile, KeyError, ValueError, IndexError, OSError, etree.XMLSyntaxError) as e:
        raise InputError(f"{name}：Excel 文件已损坏或无法读取（{type(e).__name__}）", "corrupt") from None
    if book is None:
        book = _openpyxl_sheets(data, name)
    first_error: InputError | None = None
    for title, rows in book:
        try:
            return read_rows(rows, name, 1, title)
        except InputError as e:
            first_error = first_error or e
    raise first_error or InputError(f"{name}：Excel 文件中没有工作表", "empty")


def _openpyxl_sheets(data: bytes, name: str) -> list[tuple[str, list[list[object]]]]:
    """Through openpyxl, which turns date cells into dates whatever the date system (1904 workbooks)."""
    from openpyxl import load_workbook

    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError) as e:
        raise InputError(f"{name}：Excel 文件已损坏或无法读取（{type(e).__name__}）", "corrupt") from None
    try:
        return [(ws.title, [list(r) for r in ws.iter_rows(values_only=True)]) for ws in wb.worksheets]
    finally:
        wb.close()


def _csv(data: bytes, name: str) -> Ledger:
    text = decode_text(data, name)
    sample = text[:4096]
    delimiter = "\t" if sample.count("\t") > sample.count(",") else ","
    rows: list[list[object]] = [list(r) for r in csv.reader(io.StringIO(text), delimiter=delimiter)]
    return read_rows(rows, name)
