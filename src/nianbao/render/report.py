"""A record laid out as a report: title, opening, the six sections with their tables, signature.

The writers (DOCX, HTML, Markdown, XLSX) draw this list of parts. Section texts are the record's
own paragraphs (``record.sections[].paragraphs``, cleaned by extract); render lays them out and
re-extracts nothing. Nothing is made up, except the standard opening paragraph, which is filled
from the metadata and can be left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..format import Format
from ..format.spec import Section
from ..record import Record, SectionText
from .grid import Grid, grids

_SUB_NUMBER = re.compile(r"^\s*(?:[（(][一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}是|\d{1,2}[.．、])")
_SENTENCE_END = ("。", "；", ";", "！", "？")


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
        return f"{m.agency}{m.year}年{Format.TITLE_PHRASE}"
    return m.title or (f"{m.year}年{Format.TITLE_PHRASE}" if m.year else Format.TITLE_PHRASE)


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
    parts = "、".join(s.label for s in Format.SECTIONS)
    return (f"根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《国务院办公厅政府信息与政务公开办公室"
            f"关于印发〈{name}〉的通知》（{fmt.note}）要求，现公布{m.agency}{m.year}年{Format.TITLE_PHRASE}。"
            f"本报告由{parts}等六部分组成。本报告中所列数据的统计期限自{m.year}年1月1日起至{m.year}年12月31日止。"
            f"如对本报告有疑问，请与{m.agency}联系。")


def _short_heading(line: str) -> bool:
    """A sub-heading on a line of its own ("（一）主动公开"): set as a heading, not as body text."""
    return bool(_SUB_NUMBER.match(line)) and len(line) <= 30 and not line.endswith(_SENTENCE_END)


def body(section: SectionText | None) -> list[str]:
    """A section's paragraphs as the record holds them. A record that has none (stored before they
    were kept, or written by hand) gives its text's lines as they are, without the heading line
    (render writes the heading) — nothing is re-extracted and nothing is added."""
    if section is None:
        return []
    if section.paragraphs:
        return section.paragraphs
    lines = [ln.strip() for ln in section.text.split("\n")]
    if lines and lines[0] == section.heading.strip():
        lines = lines[1:]
    return [ln for ln in lines if ln]


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
    sections = {s.id: s for s in record.sections}
    head = title(record)
    agency = record.meta.agency or ""
    # lead: the agency line of a title set in two lines (机关名称 / YYYY年…年度报告)
    parts = [Part("title", head, lead=agency if agency and head.startswith(agency) else "")]
    if with_opening and (op := opening(record)):
        parts.append(Part("para", op))
    for sec in Format.SECTIONS:
        parts.append(Part("heading", heading(sec)))
        parts.extend(_paragraph(ln) for ln in body(sections.get(sec.id)))
        grid = tables.get(sec.id)
        if grid is not None:
            parts.append(Part("table", grid=grid))
    if record.meta.agency:
        parts.append(Part("signature", record.meta.agency))
    if date := chinese_date(record.meta.published):
        parts.append(Part("date", date))
    return parts
