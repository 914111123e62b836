"""A record laid out as a report: title, opening, the six sections with their tables, signature.

The writers (DOCX, HTML, Markdown, XLSX) draw this list of parts. Section texts are the record's
own (``record.sections``); nothing is made up, except the standard opening paragraph, which is
filled from the metadata and can be left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..format import SECTIONS, TITLE_PHRASE, Format, core, norm
from ..format.spec import T2_ARTICLE, T2_ITEM_HEADER, T3_NOTE, Section
from ..record import Record
from .grid import Grid, grids

_TOP_NUMBER = re.compile(r"^\s*[一二三四五六七八九十]{1,2}\s*[、.．，,]\s*")
_RUN_IN_END = re.compile(r"[。：:；;]")
_SUB_NUMBER = re.compile(r"^\s*(?:[（(][一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}是|\d{1,2}[.．、])")
_SENTENCE_END = ("。", "；", ";", "！", "？", "：", ":", "”", "）", ")")
_DATE = re.compile(r"^\s*(\d{4})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?\s*$")


@dataclass
class Part:
    kind: str  # title | para | heading | subheading | table | signature | date
    text: str = ""
    grid: Grid | None = None
    lead: str = ""  # a run-in sub-heading that opens the paragraph ("（一）主动公开情况。")


@dataclass
class DocInfo:
    """What a file says about itself (DOCX core properties, PDF document information)."""

    title: str
    author: str = ""  # the agency
    subject: str = ""
    keywords: str = ""
    category: str = TITLE_PHRASE


def doc_info(record: Record) -> DocInfo:
    m = record.meta
    words = [w for w in (m.agency, f"{m.year}年" if m.year else None, TITLE_PHRASE) if w]
    name = interpretation_title(record) if m.doc_kind == "interpretation" else title(record)
    return DocInfo(title=name, author=m.agency or "", subject=name, keywords="；".join(words))


def format_id(record: Record) -> str:
    return Format.of(record).id


def title(record: Record) -> str:
    m = record.meta
    if m.agency and m.year:
        return f"{m.agency}{m.year}年{TITLE_PHRASE}"
    return m.title or (f"{m.year}年{TITLE_PHRASE}" if m.year else TITLE_PHRASE)


def chinese_date(iso: str | None) -> str | None:
    """'2022-01-26' → '2022年1月26日' (GB/T 9704: Arabic numerals, no padding)."""
    if not iso:
        return None
    parts = [int(p) for p in iso.split("-")]
    return f"{parts[0]}年{parts[1]}月" + (f"{parts[2]}日" if len(parts) > 2 else "")


def heading(section: Section) -> str:
    return f"{section.number}、{section.label}"


def opening(record: Record) -> str | None:
    """The standard opening paragraph: legal basis, the six parts, 统计期限, contact."""
    m = record.meta
    if not (m.agency and m.year):
        return None
    fmt = Format.of(record)
    name = fmt.name
    parts = "、".join(s.label for s in SECTIONS)
    return (f"根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《国务院办公厅政府信息与政务公开办公室"
            f"关于印发〈{name}〉的通知》（{fmt.note}）要求，现公布{m.agency}{m.year}年{TITLE_PHRASE}。"
            f"本报告由{parts}等六部分组成。本报告中所列数据的统计期限自{m.year}年1月1日起至{m.year}年12月31日止。"
            f"如对本报告有疑问，请与{m.agency}联系。")


_DEBRIS = {core(t) for t in (T2_ITEM_HEADER, T3_NOTE)}
_ARTICLE = norm(T2_ARTICLE.split("{}")[0])


def _is_debris(line: str) -> bool:
    """A table label the text extraction left in a section's text (第二十条第（一）项, 信息内容)."""
    n = norm(line)
    return core(line) in _DEBRIS or (n.startswith(_ARTICLE) and len(n) <= len(_ARTICLE) + 5)


def own_lines(text: str, has_table: bool) -> list[str]:
    """A section's own text lines, without its heading and without table labels."""
    lines = [ln.strip() for ln in text.split("\n")]
    if lines and _TOP_NUMBER.match(lines[0]):
        rest = _TOP_NUMBER.sub("", lines[0], count=1)
        parts = _RUN_IN_END.split(rest, maxsplit=1)
        lines[0] = parts[1].strip() if len(parts) > 1 else ""
    return [ln for ln in lines if ln and not (has_table and _is_debris(ln))]


def paragraphs(lines: list[str]) -> list[str]:
    """Lines rejoined into paragraphs (converters break lines mid-sentence)."""
    out: list[str] = []
    for ln in lines:
        if out and not out[-1].endswith(_SENTENCE_END) and not _SUB_NUMBER.match(ln) and not _short_heading(out[-1]):
            out[-1] += ln
        else:
            out.append(ln)
    return out


def _short_heading(line: str) -> bool:
    return bool(_SUB_NUMBER.match(line)) and len(line) <= 30 and not line.endswith(_SENTENCE_END[:5])


def _strip_signature(lines: list[str], record: Record) -> list[str]:
    """The signature and date closing the last section are drawn by the writer."""
    agency = core(record.meta.agency or "") or None
    while lines and (_DATE.match(lines[-1]) or (agency and core(lines[-1]) == agency)):
        lines.pop()
    return lines


def _paragraph(line: str) -> Part:
    if _short_heading(line):
        return Part("subheading", line)
    m = re.match(r"^([（(][一二三四五六七八九十]{1,3}[)）][^。；;：:]{1,24}[。：:])(.+)$", line)
    if m:
        return Part("para", m.group(2), lead=m.group(1))
    return Part("para", line)


INTERPRETATION = "文字解读"


def interpretation_title(record: Record) -> str:
    m = record.meta
    if m.agency and m.year:
        return f"{m.agency}{m.year}年{TITLE_PHRASE}{INTERPRETATION}"
    return re.sub(r"\s+", "", m.title or "") or f"{TITLE_PHRASE}{INTERPRETATION}"


def _interpretation(record: Record) -> list[Part]:
    """A 文字解读 as what it is: its title, its own parts under its own headings, no tables (it has
    none), no opening paragraph (the standard one announces a report), the signature."""
    head = interpretation_title(record)
    agency = record.meta.agency or ""
    parts = [Part("title", head, lead=agency if agency and head.startswith(agency) else "")]
    bodies = [(s, own_lines(s.text, False)) for s in record.sections]
    if bodies:
        bodies[-1] = (bodies[-1][0], _strip_signature(bodies[-1][1], record))
    for s, lines in bodies:
        parts.append(Part("heading", s.heading.strip() or heading(next(x for x in SECTIONS if x.id == s.id))))
        parts.extend(_paragraph(ln) for ln in paragraphs(lines))
    if record.meta.agency:
        parts.append(Part("signature", record.meta.agency))
    if date := chinese_date(record.meta.published):
        parts.append(Part("date", date))
    return parts


def layout(record: Record, with_opening: bool = True) -> list[Part]:
    if record.meta.doc_kind == "interpretation":
        return _interpretation(record)
    fmt = format_id(record)
    tables = grids(record, fmt)
    texts = {s.id: s.text for s in record.sections}
    head = title(record)
    agency = record.meta.agency or ""
    # lead: the agency line of a title set in two lines (机关名称 / YYYY年…年度报告)
    parts = [Part("title", head, lead=agency if agency and head.startswith(agency) else "")]
    if with_opening and (op := opening(record)):
        parts.append(Part("para", op))
    bodies = {s.id: own_lines(texts.get(s.id, ""), s.id in tables) for s in SECTIONS}
    last = next((s.id for s in reversed(SECTIONS) if bodies[s.id]), None)
    if last:
        bodies[last] = _strip_signature(bodies[last], record)
    bodies = {k: paragraphs(v) for k, v in bodies.items()}
    for sec in SECTIONS:
        parts.append(Part("heading", heading(sec)))
        parts.extend(_paragraph(ln) for ln in bodies[sec.id])
        grid = tables.get(sec.id)
        if grid is not None:
            parts.append(Part("table", grid=grid))
    if record.meta.agency:
        parts.append(Part("signature", record.meta.agency))
    if date := chinese_date(record.meta.published):
        parts.append(Part("date", date))
    return parts
