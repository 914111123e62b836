"""A record laid out as a report: title, opening, the six sections with their tables, signature.

The writers (DOCX, HTML, Markdown, XLSX) draw this list of parts. Section texts are the record's
own paragraphs (``record.sections[].paragraphs``, cleaned by extract); render lays them out and
re-extracts nothing. The opening, the contact details and the signature are the record's own
(``record.opening``, ``record.contact``, ``record.signature``). Nothing is made up, except the
standard opening paragraph for a record that has no opening of its own (a consolidation, a template
left without one): filled from the metadata, without any contact sentence, and it can be left out.

A consolidation (``record.consolidation``) is the sum of its units' reports and has no prose of its
own: it is titled as the region's consolidation, says which office consolidated which units, and each
prose section it leaves empty carries a marked placeholder saying what the office must write there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..format import Format
from ..format.names import cell_name
from ..format.spec import TABLES, Section
from ..record import Consolidated, Record, SectionText, by_row, covered_note, under_note
from .grid import Grid, grids

_SUB_NUMBER = re.compile(r"^\s*(?:[（(][一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}是|\d{1,2}[.．、])")
_SENTENCE_END = ("。", "；", ";", "！", "？")


@dataclass
class Part:
    kind: str  # title | subtitle | para | heading | subheading | table | signature | date
    text: str = ""
    grid: Grid | None = None
    lead: str = ""  # a run-in sub-heading that opens the paragraph ("（一）主动公开情况。")
    mark: bool = False  # a placeholder the consolidating office replaces with its own words: marked as such


@dataclass
class DocInfo:
    """What a file says about itself (DOCX core properties, PDF document information)."""

    title: str
    author: str = ""  # the agency
    subject: str = ""
    keywords: str = ""
    category: str = Format.TITLE_PHRASE


def doc_info(record: Record) -> DocInfo:
    m = record.meta
    words = [w for w in (m.agency, f"{m.year}年" if m.year else None, Format.TITLE_PHRASE) if w]
    name = interpretation_title(record) if m.doc_kind == "interpretation" else title(record)
    if record.consolidation:
        words = [record.consolidation.region, f"{m.year}年" if m.year else "", Format.TITLE_PHRASE, "汇总"]
        return DocInfo(title=name, author=record.consolidation.office, subject=name,
                       keywords="；".join(w for w in words if w))
    return DocInfo(title=name, author=m.agency or "", subject=name, keywords="；".join(words))


def format_id(record: Record) -> str:
    return Format.of(record).id


def title(record: Record) -> str:
    m = record.meta
    if record.consolidation and m.year:
        return f"{record.consolidation.region}{m.year}年{Format.TITLE_PHRASE}（汇总）"
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
    """The standard opening paragraph: legal basis, the six parts, 统计期限. No contact sentence: a
    「请与某某联系」 without the office's address and telephone says nothing; the report's own contact
    details (``record.contact``) are written where the record has them."""
    m = record.meta
    if not (m.agency and m.year):
        return None
    fmt = Format.of(record)
    name = fmt.name
    parts = "、".join(s.label for s in Format.SECTIONS)
    return (f"根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《国务院办公厅政府信息与政务公开办公室"
            f"关于印发〈{name}〉的通知》（{fmt.note}）要求，现公布{m.agency}{m.year}年{Format.TITLE_PHRASE}。"
            f"本报告由{parts}等六部分组成。本报告中所列数据的统计期限自{m.year}年1月1日起至{m.year}年12月31日止。")


def consolidation_opening(record: Record) -> str | None:
    """The standard opening of a consolidation: the legal basis, who consolidated what, the six parts,
    where the numbers come from, 统计期限."""
    c, m = record.consolidation, record.meta
    if c is None or not m.year:
        return None
    fmt = Format.of(record)
    parts = "、".join(s.label for s in Format.SECTIONS)
    return (f"根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《国务院办公厅政府信息与政务公开办公室"
            f"关于印发〈{fmt.name}〉的通知》（{fmt.note}）要求，{c.office}汇总{c.region}所属{c.count}个单位报送的"
            f"{m.year}年{Format.TITLE_PHRASE}，形成本报告。本报告由{parts}等六部分组成，第二、三、四部分的数据为"
            f"各单位报告逐项相加之和。本报告中所列数据的统计期限自{m.year}年1月1日起至{m.year}年12月31日止。")


def consolidated_units(record: Record) -> str | None:
    """The units a consolidation sums, named (what it is, whether or not the standard opening is written)."""
    c = record.consolidation
    if c is None:
        return None
    units = "、".join(u + under_note(u, c.via) for u in c.units) or "无"
    text = f"汇总的单位（{c.count}个）：{units}。"
    if c.covered:  # named so a reader sees they were not forgotten, and not counted twice either
        covered = "、".join(u + covered_note(by) for u, by in c.covered.items())
        text += f"未重复计入（{len(c.covered)}个，已含在所属政府的报告中）：{covered}。"
    return text


# What a consolidating office must write in a section a consolidation leaves empty (its tables are sums;
# its prose is the office's to write). Sections with a table of their own need none.
PLACEHOLDERS = {
    "s1_overview": "（由汇总单位填写：{region}政府信息公开工作的总体情况——主动公开、依申请公开、政府信息管理、"
                   "政府信息公开平台建设、监督保障等方面的做法和成效。）",
    "s5_problems": "（由汇总单位填写：{region}政府信息公开工作存在的主要问题和改进措施，以及上年度报告所列问题的"
                   "整改情况。）",
    "s6_other": "（由汇总单位填写：其他需要报告的事项，如收取信息处理费的情况、落实年度政务公开工作要点的情况等；"
                "没有的写「无」。）",
}
DATE_PLACEHOLDER = "（由汇总单位填写：成文日期）"


def opening_paragraphs(record: Record, with_opening: bool = True) -> list[str]:
    """What comes between the title and section 一: the report's own opening when the record has one
    (always: it is the report's text); otherwise the standard paragraph (unless left out), followed
    by the report's contact details when they are given elsewhere than in a section."""
    if record.opening:
        return list(record.opening)
    out = []
    if with_opening and (op := consolidation_opening(record) if record.consolidation else opening(record)):
        out.append(op)
    contact = record.contact.text.strip() if record.contact else ""
    written = [p for s in record.sections for p in body(s, extracted(record))]
    if contact and not any(contact in p for p in written):
        out.append(contact)
    return out


def signature(record: Record) -> tuple[str | None, str | None]:
    """The signature as the report wrote it (agency line, date); the record's agency and 落款日期
    where the report gave none."""
    sig = record.signature
    agency = (sig.agency if sig else None) or record.meta.agency
    date = (sig.date if sig else None) or chinese_date(record.meta.published)
    return agency, date


def _closing(record: Record) -> list[Part]:
    agency, date = signature(record)
    if record.consolidation and not date:  # the office dates it when it signs
        return ([Part("signature", agency)] if agency else []) + [Part("date", DATE_PLACEHOLDER, mark=True)]
    return ([Part("signature", agency)] if agency else []) + ([Part("date", date)] if date else [])


def _short_heading(line: str) -> bool:
    """A sub-heading on a line of its own ("（一）主动公开"): set as a heading, not as body text."""
    return bool(_SUB_NUMBER.match(line)) and len(line) <= 30 and not line.endswith(_SENTENCE_END)


def extracted(record: Record) -> bool:
    """Whether the record's sections carry paragraphs (extract fills them): then a section without
    any has no text of its own (a table's section), and its raw lines are not written."""
    return any(s.paragraphs for s in record.sections)


def body(section: SectionText | None, paragraphs_only: bool = False) -> list[str]:
    """A section's paragraphs as the record holds them. A record that has none at all (stored before
    they were kept, or written by hand) gives its text's lines as they are, without the heading line
    (render writes the heading) — nothing is re-extracted and nothing is added."""
    if section is None:
        return []
    if section.paragraphs is not None or paragraphs_only:
        return section.paragraphs or []
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
        return f"{m.agency}{m.year}年{Format.TITLE_PHRASE}{INTERPRETATION}"
    return re.sub(r"\s+", "", m.title or "") or f"{Format.TITLE_PHRASE}{INTERPRETATION}"


def _interpretation(record: Record) -> list[Part]:
    """A 文字解读 as what it is: its title, its own parts under its own headings, no tables (it has
    none), no opening paragraph (the standard one announces a report), the signature."""
    head = interpretation_title(record)
    agency = record.meta.agency or ""
    parts = [Part("title", head, lead=agency if agency and head.startswith(agency) else "")]
    parts.extend(Part("para", p) for p in record.opening)
    for sec in record.sections:
        parts.append(Part("heading", sec.heading.strip() or Format.section_title(sec.id)))
        parts.extend(_paragraph(ln) for ln in body(sec, extracted(record)))
    return parts + _closing(record)


def layout(record: Record, with_opening: bool = True) -> list[Part]:
    if record.meta.doc_kind == "interpretation":
        return _interpretation(record)
    fmt = format_id(record)
    tables = grids(record, fmt)
    sections = {s.id: s for s in record.sections}
    own = extracted(record)
    head = title(record)
    consolidated = record.consolidation
    agency = consolidated.region if consolidated else record.meta.agency or ""
    # lead: the agency line of a title set in two lines (机关名称 / YYYY年…年度报告)
    parts = [Part("title", head, lead=agency if agency and head.startswith(agency) else "")]
    if consolidated:  # who made it, under the title: a consolidation is no agency's own report
        parts.append(Part("subtitle", f"{consolidated.office}汇总"))
    parts.extend(Part("para", p) for p in opening_paragraphs(record, with_opening))
    if consolidated and (units := consolidated_units(record)):
        parts.append(Part("para", units))
    for sec in Format.SECTIONS:
        parts.append(Part("heading", heading(sec)))
        lines = body(sections.get(sec.id), own)
        parts.extend(_paragraph(ln) for ln in lines)
        if consolidated and not lines and sec.id in PLACEHOLDERS:
            parts.append(Part("para", PLACEHOLDERS[sec.id].format(region=consolidated.region), mark=True))
        grid = tables.get(sec.id)
        if grid is not None:
            parts.append(Part("table", grid=grid))
            if consolidated and (note := unsettled_note(consolidated, sec.id)):
                parts.append(Part("para", note, mark=True))
    return parts + _closing(record)


def unsettled_note(consolidated: Consolidated, section: str) -> str | None:
    """Under a consolidation's table: which of its empty cells were not summed, and why — a unit's report
    fills them with numbers nianbao could not settle (L-03). Marked for the office to act on: enter those
    units' numbers from their originals and consolidate again (an empty cell alone would read as 0 or as
    nobody's number)."""
    table = next((t.key for t in TABLES if t.section == section), None)
    rows = by_row(consolidated.unsettled, table) if table else []
    if not rows:
        return None
    cells = sum(n for _, n, _ in rows)
    listed = "；".join(f"{cell_name(row)}（{n}格）：{'、'.join(who)}" for row, n, who in rows[:8])
    more = f"等{len(rows)}行" if len(rows) > 8 else ""
    return (f"（由汇总单位补录：本表有{cells}个单元格未汇总、暂时留空——以下单位报告中的这些数字无法唯一确定：{listed}{more}。"
            "请对照这些单位报告的原件补录后重新汇总。）")
