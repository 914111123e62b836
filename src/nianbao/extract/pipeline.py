"""Document → Record: the steps wired together. Never raises on a document it can partly read."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from operator import itemgetter
from typing import cast

from ..errors import InputError
from ..format import Format
from ..ingest import Block, Cell, Document
from ..limits import year_in_range
from ..record import (
    Active2019,
    Active2021,
    AppealRow,
    Appeals,
    Contact,
    Meta,
    ParseNote,
    Provenance,
    Record,
    RequestRow,
    SectionText,
    Signature,
)
from ..record.model import DocKind, FormatId, Level, NoteKind
from .choose import choose_alternatives
from .counted import counted_rows, null_counted_rows, null_over_total
from .cuttail import settle_cut_rows, settle_cut_tails, settle_two_line_rows
from .meta import MetaFound, find_meta, is_front_line, tail_date
from .narrative import find_narrative
from .noise import (
    agency_conflicts,
    blank_misread_cells,
    confirm_appeals,
    confirm_narrative,
    confirm_requests,
    evidence,
    glyph_cut_above,
    prose_noisy,
    year_confirmed,
)
from .noisy_rows import (
    agency_from_body,
    agency_lost_glyph,
    apply_appeals_tokens,
    confirm_active_rows,
    digit_trust,
    note_unread_rows,
    place_misread,
    read_appeals_tokens,
)
from .outofstep import Step, holds, other_row, out_of_step, settle_ahead, settle_lag
from .pieces import PIECES
from .placed import Places
from .prose import HEADING_START, Para, between, contact, inline_section_paragraphs, paragraphs, section_paragraphs
from .reason import Reason, printed
from .reordered import null_reordered_rows
from .ruled import apply as apply_reread
from .ruled import reread_requests
from .sections import Heading, find_headings
from .settle import Lazy, refuse_impossible, settle_active, settle_appeals, settle_requests
from .tables import (
    Found,
    detect_active_format,
    extract_active,
    extract_appeals,
    extract_requests,
)
from .unplaced import note_unplaced_tables
from .values import Value
from .widewrap import null_wrapped_wide
from .zerorows import null_zero_rows


def _region(blocks: list[Block], heads: list[Heading], sid: str) -> list[Block] | None:
    for i, h in enumerate(heads):
        if h.section.id == sid:
            end = heads[i + 1].index if i + 1 < len(heads) else len(blocks)
            return blocks[h.index + 1:end]
    return None


def _extract(blocks: list[Block], region: list[Block] | None, fn, *args) -> Found:
    """Look in the section first; if the table is not there (headings lost), in the whole text."""
    if region is not None:
        found = fn(region, *args)
        if found.values:
            return found
    return fn(blocks, *args)


_NO_LABEL = ("", "", None)
_CUT_AT_SIDE = "表格比页面宽，这一格的文字越过页边被截去一部分，无法读出，已留空"
_OUT_OF_STEP = "表格的行标签与数字错开（数字在标签上方，或表格工具的单元格跨行），无法确定数字属于哪一行，已留空"


def _unread(table: str) -> Found:
    found = Found(out_of_step=True)
    found.notes.append(("unreadable", table, _OUT_OF_STEP, None))
    return found


_fast_prov = Provenance.fast


def _prov(cell: Cell, label: str | None = None) -> Provenance:
    return Provenance.fast(cell.text, label, cell.line, cell.span, cell.page,
                           cell.bbox, cell.path)


def build_record(doc: Document) -> Record:
    blocks = doc.blocks
    heads = find_headings(blocks)
    # a table's region is whole blocks between headings that start blocks; a heading inside a block
    # (flattened text) cuts no region: the tables are looked for in the whole text, as without it
    block_heads = [h for h in heads if not h.inline]
    mf = find_meta(blocks, doc.title_hint)

    ev = evidence(doc)
    # a noisy reading's tables: a digit read as a glyph leaves its cell blank, not its row shifted
    tb = blank_misread_cells(blocks) if ev.noisy else blocks
    # asked once, here: in a text out of step no label of 表二 or 表三 stands beside its own numbers, so
    # neither is read by label nor decoded, and 表四 is kept only where its rows were read with certainty
    step = out_of_step(tb)
    # where the cells stand, for rows whose blank cells left no trace (not in a reading from pixels)
    places = Places.none() if ev.noisy else Places(doc.text)
    r3 = _region(tb, block_heads, "s3_requests")
    found_req = _unread("requests") if step.whole else _extract(tb, r3, extract_requests, places)
    found_app = _extract(tb, _region(tb, block_heads, "s4_appeals"), extract_appeals, doc.text, places)
    found_app.out_of_step = step.whole
    r2 = _region(tb, block_heads, "s2_active")
    fmt2 = detect_active_format(r2 if r2 is not None else tb)
    # 表二 alone may be out of step (its first row's numbers above it): 表三 then reads in order
    # (表三's rows tell whether the text stands in columns, where 表二's rows print too few cells to tell)
    found_act = _unread("active") if step.active else _extract(tb, r2, extract_active, fmt2, places,
                                                               r3 if r3 is not None else tb)
    lazy = Lazy(tb, ev.noisy)
    settle_requests(found_req, lazy)
    lazy.pieces = any(n[2] == PIECES for n in found_req.notes)  # numbers in pieces: 表二 reads its digits so too
    settle_appeals(found_app, lazy)
    fmt2 = settle_active(found_act, lazy, fmt2, step)
    if ev.noisy:  # read from pixels: only what the arithmetic confirms stays
        t4 = read_appeals_tokens(blocks)  # 表四 from its tokens, glyphs and rules as read
        trust = digit_trust(found_req, t4, blocks, tb)  # before 表三's cells are nulled
        trust.layer = doc.kind == "ocr-layer"
        # 表三's rows read again through the table's rules (glyphs that are separators or digits)
        text = doc.text or "\n".join(" ".join(c.text for c in b.cells) for b in blocks)
        got = None if found_req.out_of_step else reread_requests(text, found_req, spans=bool(doc.text))
        chosen, holding = apply_reread(found_req, got) if got else (set(), set())
        if doc.kind == "ocr-layer":
            # another engine's layer: its row labels are its guesses too, and a row it put under the wrong
            # label still adds up (img300 r000dense_scanbad: 5.要求…确认 given the next row's 3 55 42 1 17 29
            # 147): every row is as if placed by the format's order, its own sum confirms none of it
            chosen = set(chosen) | set(found_req.values)
        confirm_requests(found_req, ev, chosen, holding, got.zero_total if got else frozenset(),
                         got.glyph_rows if got else frozenset())
        confirm_appeals(found_app, ev)
        apply_appeals_tokens(found_app, t4, ev)
        confirm_active_rows(found_act, ev, blocks, fmt2, trust)

    # after every reader and check: 表三's rows standing on other rows' lines are settled by the sums
    # 表三's rows read, asked once while no step below changes them (None: asked again where needed)
    keys: set[str] | None = _row_keys(found_req)
    all_hold = _all_hold(found_req, keys)
    if not all_hold:  # (nearly every report's do: nothing there to doubt, and asking costs)
        _interleaved(found_req)
        _ahead(found_req, step)
        # (only here: where every sum holds, the sums its lagging rows are in hold too, and ``settle_lag``
        # keeps the reading; looking for lines after the last row costs a pass over every line)
        _behind(found_req, step)
        keys = None  # (a row placed or nulled)
    # a row failing its sum beside a lone number below it: a number cut in two (``cuttail``); or on two lines.
    # (Both look only at rows failing their own sum: none where every row read is the format's and holds.)
    if found_req.values and not (all_hold and keys is not None and keys <= _T3_ROWS[found_req.t3_format(keys)]):
        # rows read by count beside an unread row that fail their sum (not in a reading from pixels: the noise
        # gate checks every cell): nulled after the mends below, unless a mend makes them add up
        counted = set() if ev.noisy else counted_rows(found_req)
        settle_cut_rows(found_req, tb, found_req.t3_format(), (found_act, found_req, found_app))
        settle_cut_tails(found_req, tb, found_req.t3_format(), (found_act, found_req, found_app))
        settle_two_line_rows(found_req, tb, found_req.t3_format())
        if not ev.noisy:
            null_counted_rows(found_req, counted)
            null_over_total(found_req)
            null_zero_rows(found_req)
        keys = None
    if not ev.noisy and found_req.alternatives:
        # cells left with several readings of their characters: the whole table's sums may leave one
        choose_alternatives(found_req)
        keys = None
    if ev.noisy:  # (after _behind, which may still place a row)
        note_unread_rows(found_req, found_app, ev, trust)
        keys = None
    elif found_req.values and not all_hold and refuse_impossible(found_req):  # (after every mend of the rows)
        keys = None
    elif found_req.values and not all_hold and null_reordered_rows(found_req):  # (a row's own numbers reordered)
        keys = None
    if not ev.noisy and null_wrapped_wide(doc.text, (found_act, found_req, found_app)):
        keys = None  # (rows whose full-width numbers wrapped in their cells: null)
    # rows no reader placed a number in, beside numbers no cell took: not known to be blank
    note_unplaced_tables(fmt2, {"active": (found_act, _region(tb, block_heads, "s2_active")),
                                "requests": (found_req, _region(tb, block_heads, "s3_requests")),
                                "appeals": (found_app, _region(tb, block_heads, "s4_appeals"))})

    has_tables = bool(found_req.values or found_app.values or found_act.values) or step.active or found_req.out_of_step
    if not (mf.title or has_tables or len(heads) >= 3):
        raise InputError(f"{doc.source}：没有找到政府信息公开工作年度报告的标题、章节或表格，看起来不是年度报告", "not_a_report")

    provenance: dict[str, Provenance] = {}
    notes: list[ParseNote] = [ParseNote(kind="damaged", text=w) for w in doc.warnings]
    for found in (found_act, found_req, found_app):
        for path, v in found.values.items():
            labelled = found.labels.get(path.rsplit(".", 1)[0])
            lab = (labelled if labelled is not None else found.labels.get(path, _NO_LABEL))[2]
            vc = v.cell  # (``_prov``, inline: a call less for each of ~200 values)
            provenance[path] = _fast_prov(vc.text, lab.label if lab else None, vc.line, vc.span, vc.page, vc.bbox,
                                          vc.path)
            if v.overflow:
                notes.append(ParseNote(kind="out_of_range", path=path, text=v.cell.text[:80], line=v.cell.line,
                                       page=v.cell.page))
            elif v.repaired:
                notes.append(ParseNote(kind="repaired", path=path, text=v.cell.text, line=v.cell.line, page=v.cell.page))
            elif vc.cut and v.value is None:  # not a blank the clerk left: the blank rules stay quiet (L-03)
                notes.append(ParseNote(kind="unreadable", path=path, text=_CUT_AT_SIDE, page=vc.page))
        for kind, path, text, block in found.notes:
            cell = block.cells[0] if block and block.cells else None
            why = text if isinstance(text, Reason) else None
            notes.append(ParseNote(kind=cast(NoteKind, kind), path=path, text=why.raw if why is not None else text,
                                   line=cell.line if cell else None, page=cell.page if cell else None,
                                   label=found.labels[path][2].label if path in found.labels else None,
                                   reason=str(why) if why is not None else None))

    requests = _requests(found_req, keys)
    other_single = requests is not None and "other_total" in requests
    if not other_single:  # the （六） group's label was no row (_requests): nothing of it to point at
        for col in Format.T3_COLUMN_KEYS:
            provenance.pop(f"requests.other_total.{col}", None)
    # (a text out of step reads no 表二 row: its header's words are all that tells the format)
    fmt = "2019" if fmt2 == "2019" and (found_act.values or other_single or step.active) else None
    if fmt is None and has_tables and (found_act.values or mf.year is None):
        fmt = "2021"  # (without 表二, whose columns tell the formats apart, the report's year says)
    if fmt is None:
        fmt = Format.id_for_year(mf.year)

    doc_kind = mf.doc_kind
    if doc_kind == "other" and (has_tables or len(heads) >= 4):
        doc_kind = "annual_report"

    prose = prose_noisy(doc, ev)
    if mf.agency and (prose or mf.agency_source in ("title", "heading")) and (body := agency_from_body(mf.agency, ev)):
        # also where nothing else shows the text was read from pixels (an OCR'd report without tables: the
        # title's 济宁市统计局 read 诈宁市统计局 once, the body writes 济宁市统计局 again and again)
        what = "识别文字（OCR）中标题" if prose else "标题"
        notes.append(ParseNote(kind="repaired", path="meta.agency", label="发布机关", text=mf.agency,
                               reason=f"{what}的机关名称「{mf.agency}」与正文多次的写法「{body}」差一个字，取正文的写法"))
        mf.agency = body
    elif prose and mf.agency and (whole := agency_lost_glyph(mf.agency, ev)):
        notes.append(ParseNote(kind="repaired", path="meta.agency", label="发布机关", text=mf.agency,
                               reason=f"识别文字（OCR）中标题的机关名称「{mf.agency}」只出现一次，正文多次写作「{whole}」"
                                    "（标题丢了首字），取正文的写法"))
        if mf.title and mf.title.startswith(mf.agency):
            mf.title = whole[0] + mf.title
        mf.agency = whole
    elif prose and mf.agency and agency_conflicts(mf.agency, ev):  # (a repaired name is the body's own)
        notes.append(ParseNote(kind="unreadable", path="meta.agency", label="发布机关",
                               text=f"识别文字（OCR）有误读迹象（{ev.signals[0]}），机关名称「{mf.agency}」与正文中的写法不一致，已留空"))
        mf.agency = None
    elif mf.agency and mf.agency_source in ("title", "heading") and (place := place_misread(mf.agency, ev)):
        # also where nothing else shows the text was read from pixels (tesseract psm 6 of a clean page)
        notes.append(ParseNote(kind="unreadable", path="meta.agency", label="发布机关",
                               text=f"标题的机关名称「{mf.agency}」中的地名「{mf.agency[:len(place)]}」全文再没有出现，正文多次写作"
                                    f"「{place}」：标题的名称有误读，其余部分是否也有误读无法确定，已留空"))
        mf.agency = None
    elif prose and mf.agency and glyph_cut_above(blocks, mf.agency, ev):
        notes.append(ParseNote(kind="unreadable", path="meta.agency", label="发布机关",
                               text=f"识别文字（OCR）中机关名称「{mf.agency}」的上一行只有表格线一类的字形，名称的首字可能被读到了"
                                    "那一行，正文没有再写出该名称，已留空"))
        mf.agency = None
    title = mf.title
    if title and mf.agency and mf.agency not in title.replace(" ", ""):
        title = f"{mf.agency}{title}"
    published = mf.published
    if published is None and doc.date_hint and tail_date(blocks) not in (None, doc.date_hint):
        # the page's 发布时间 is a guess for the report's date; a signature's other date at the end says it is not
        notes.append(ParseNote(kind="unreadable", path="meta.published", label="落款日期",
                               text=f"文末日期与网页发布时间（{doc.date_hint}）不一致，落款未能读出，已留空"))
    elif published is None:
        published = doc.date_hint
    meta = Meta(agency=mf.agency, year=mf.year, published=published,
                doc_kind=cast(DocKind, doc_kind), format=cast(FormatId, fmt), title=title,
                level=cast(Level, mf.level))
    if mf.published_block is not None:
        c = blocks[mf.published_block].cells
        provenance["meta.published"] = _prov(c[-1] if c else Cell(""), label="落款日期")

    if mf.year is not None and not year_in_range(mf.year):
        cell = blocks[mf.title_index].cells[0] if mf.title_index is not None and blocks[mf.title_index].cells else None
        notes.append(ParseNote(kind="out_of_range", path="meta.year", text=str(mf.year), label="年度",
                               line=cell.line if cell else None, page=cell.page if cell else None))
        meta.year = mf.year = None
    year = mf.year
    # the title block (title, agency, date lines) before section 一: lines of their own, not prose
    front = {i for i in range(block_heads[0].index if block_heads else 0) if is_front_line(blocks[i])}
    if mf.title_index is not None:
        front.add(mf.title_index)
    paras = paragraphs(blocks, frozenset(front))
    overflow: list = []
    figures, hits, restated = find_narrative(paras, year, overflow, numbers_apart=step.whole, doc_text=doc.text)
    for key, hit in overflow:
        notes.append(ParseNote(kind="out_of_range", path=f"narrative.{key}", text=hit.text[:80], line=hit.line))
    if year is None and "statistics_period" in figures:
        start = int(cast("dict[str, str]", figures["statistics_period"])["start"][:4])
        if year_in_range(start):
            year = meta.year = start
    elif year is None and meta.published:
        if year_in_range(int(meta.published[:4]) - 1):
            meta.year = int(meta.published[:4]) - 1  # published in the year after the one it covers
    if restated:
        figures["restated"] = restated
    if prose and meta.year is not None and not year_confirmed(meta.year, doc):
        notes.append(ParseNote(kind="unreadable", path="meta.year", label="年度",
                               text=f"识别文字（OCR）有误读迹象（{ev.signals[0]}），年度 {meta.year} 在文中只出现一次，已留空"))
        meta.year = None
    if prose:
        tables_now = {p: v.value for f in (found_req, found_app) for p, v in f.values.items()}
        for key in confirm_narrative(figures, tables_now):
            hits.pop(key, None)
    for key, hit in hits.items():
        provenance[f"narrative.{key}"] = Provenance(text=hit.text, line=hit.line, span=hit.span)

    tables = (found_act, found_req, found_app)
    spans = _spans(blocks, tables) if has_tables else {}
    sections = _sections(blocks, heads, paras, mf, spans, _chars(tables) if has_tables else {})
    opening = _opening(heads, paras, mf, front)
    found_contact = contact([*opening, *(p for s in sections for p in s.paragraphs or ())])
    signature = (Signature(agency=mf.signature_agency, date=mf.signature_date)
                 if mf.signature_block is not None else None)
    return Record.fast(
        meta=meta,
        active=_active(found_act, fmt2),
        requests=requests,
        appeals=_appeals(found_app),
        narrative=figures,
        provenance=provenance,
        sections=sections,
        notes=notes,
        opening=opening,
        contact=Contact(**found_contact) if found_contact else None,
        signature=signature,
    )


_ROW_PATHS: dict[str, tuple[tuple[str, str], ...]] = {}


def _row_paths(key: str) -> tuple[tuple[str, str], ...]:
    """(column, path) of 表三's row ``key``: a table of the format's constants, filled as asked."""
    got = _ROW_PATHS.get(key)
    if got is None:
        got = _ROW_PATHS[key] = tuple((c, f"requests.{key}.{c}") for c in Format.T3_COLUMN_KEYS)
    return got


def _num(found: Found, path: str):
    v = found.values.get(path)
    return None if v is None else v.value


def _active(found: Found, fmt: str):
    if not found.values:
        return None
    data: dict = {}
    for path, v in found.values.items():
        parts = path.split(".")[1:]
        if len(parts) == 1:
            data[parts[0]] = v.value
        else:
            data.setdefault(parts[0], {})[parts[1]] = v.value
    return Active2019.model_validate(data) if fmt == "2019" else Active2021.model_validate(data)


def _row_keys(found: Found) -> set[str]:
    """The rows of 表三 values were read for (``requests.<row>.<column>``)."""
    return {p.split(".", 2)[1] for p in found.values}


_BEHIND = ("表三最后一行之后还有整行数字：表末几行的数字排在别的行的标签之后（两行标签交错，或标签列读成一格），"
           "按标签读取和按行序对齐后的各列合计都无法确认，该行留空")


_T3_ROWS = {fid: frozenset(r.key for r in Format.get(fid).t3_rows) for fid in Format.IDS}


def _all_hold(found: Found, keys: set[str] | None = None) -> bool:
    """Every row of 表三's format read and every sum of the table holds: neither ``_interleaved`` nor ``_ahead``
    has a row to doubt (each keeps a reading whose sums hold). ``keys``: the rows read (``_row_keys``)."""
    if found.out_of_step or not found.values:
        return False
    fid = found.t3_format(keys)
    return holds({p: v.value for p, v in found.values.items()}, fid, set(_T3_ROWS[fid]))


def _interleaved(found: Found) -> None:
    """表三's rows read from a line holding another row's label written into theirs (``outofstep.interleaved``):
    kept when every sum they are in holds, else null: the line does not say whose its numbers are."""
    if found.out_of_step or not found.values:
        return
    fid = found.t3_format()
    read = {p: v.value for p, v in found.values.items()}
    labelled = [(path.split(".")[1], raw) for path, (raw, _how, _lab) in found.labels.items()
                if path.count(".") == 1 and path.startswith("requests.")]
    if holds(read, fid, {row for row, _raw in labelled}):
        return  # every sum the read rows are in holds (nearly every report): no row to doubt
    for row, raw in labelled:
        paths = [f"requests.{row}.{c}" for c in Format.T3_COLUMN_KEYS]
        # (the sums first: they hold for nearly every row, and finding a label in another's costs far more)
        if all(read.get(p) is None for p in paths) or holds(read, fid, {row}):
            continue
        if (other := other_row(raw, row, fid)) is None:
            continue
        shown = printed(found.values.get(p) for p in paths)  # (the cells as read: L-03 shows them as 实为)
        for p in paths:
            if (v := found.values.get(p)) is not None:
                found.values[p] = Value(None, v.cell)
                read[p] = None
        lab = next((r.label for r in Format.get(fid).t3_rows if r.key == other), other)
        found.notes.append(("unreadable", f"requests.{row}",
                            Reason(f"该行标签与「{lab}」的标签写在同一行、字序交错（「{raw[:40]}」），这一行数字是哪一行的原文"
                                   "没有说明，各列合计也无法确认，该行留空", shown), None))


_AHEAD = ("表三各行的数字与标签错行：有的标签旁有两行数字，有的标签旁没有数字（表格中数字垂直居中时常见），"
          "按标签读取和按行序读取的各列合计都无法确认，该行留空")


def _ahead(found: Found, step: Step) -> None:
    """表三's rows' numbers on other rows' lines (a label holding two rows' lines, another none,
    ``outofstep.ahead``): the reading stays when its sums hold, the reading in order is taken when they hold
    for it, else the rows the two readings give differently are null."""
    if found.out_of_step or not found.values:
        return
    fid = found.t3_format()
    ahead = step.ahead(fid)
    if ahead is None:
        return
    got = settle_ahead(ahead, {p: v.value for p, v in found.values.items()}, fid)
    if got is not None:
        _settle_rows(found, dict.fromkeys(p.split(".")[1] for p in got), dict(zip(ahead.rows, ahead.cells)), got,
                     _AHEAD, every_row=True)


def _behind(found: Found, step: Step) -> None:
    """表三's last rows on lines that are not theirs (numbers after its last row, ``outofstep.lagging``): the
    reading stays when its sums hold, the one shifted reading is taken when they hold for it, else null."""
    if found.out_of_step or not found.values:
        return
    fid = found.t3_format()
    lag = step.lagging(fid)
    if lag is None:
        return
    got = settle_lag(lag, {p: v.value for p, v in found.values.items()}, fid)
    if got is not None:
        _settle_rows(found, lag.rows, dict(zip(lag.rows, lag.cells)), got, _BEHIND, every_row=False)


def _settle_rows(found: Found, rows: Iterable[str], cells: dict[str, Cell], got: dict[str, int | float | None],
                 reason: str, *, every_row: bool) -> None:
    """Apply what the sums settled for 表三 rows standing on other rows' lines: a row ``got`` gives a value is
    taken as decoded (provenance: the line it stands on); any other is null with ``reason`` — every one of
    ``rows`` when ``every_row`` (``_ahead``: the rows its two readings give differently), else only a row
    that had read a number (``_behind``: its rows are the table's last, often truly blank)."""
    for row in rows:
        paths = [f"requests.{row}.{c}" for c in Format.T3_COLUMN_KEYS]
        if got.get(paths[0]) is not None:  # the other reading, every sum confirming it
            for p in paths:
                found.values[p] = Value(got[p], cells[row])
            found.notes.append(("decoded", f"requests.{row}", cells[row].text[:60], None))
        elif every_row or any((v := found.values.get(p)) is not None and v.value is not None for p in paths):
            shown = printed(found.values.get(p) for p in paths)  # (the cells beside its label: L-03's 实为)
            for p in paths:
                v = found.values.get(p)
                if v is not None or every_row:
                    found.values[p] = Value(None, v.cell if v is not None else cells[row])
            found.notes.append(("unreadable", f"requests.{row}", Reason(reason, shown), None))


def _requests(found: Found, keys: set[str] | None = None) -> dict[str, RequestRow] | None:
    """``keys``: the rows read (``_row_keys``), where the caller has them."""
    if not found.values:
        return None
    if keys is None:
        keys = _row_keys(found)
    if len(keys) < 2 and all(v.value is None for v in found.values.values()):
        # one row's label and no number (a prose line like a label, 「…及第三方测评…」, its numbers rejected):
        # nothing says the document has the table; a table left blank shows its other rows' labels
        return None
    rows = Format.get(found.t3_format(keys)).t3_rows
    cols = Format.T3_COLUMN_KEYS
    out: dict[str, RequestRow] = {}
    get = found.values.get
    for r in rows:
        # (_num inline, over the row's paths made once)
        out[r.key] = RequestRow.fast({c: None if (v := get(p)) is None else v.value for c, p in _row_paths(r.key)})
    if "other_total" in keys and "other_total" not in out:
        single = RequestRow(**{c: _num(found, f"requests.other_total.{c}") for c in cols})
        # 「（六）其他处理」 alone on its line above its three read sub-rows is the group's label, not a blank row
        subrows_read = any(getattr(out[k], c) is not None for k in Format.group_rows("other") if k in out for c in cols)
        if not subrows_read or any(getattr(single, c) is not None for c in cols):
            out["other_total"] = single
    return out


def _appeals(found: Found) -> Appeals | None:
    if not found.values:
        return None
    return Appeals(**{g: AppealRow(**{c: _num(found, f"appeals.{g}.{c}") for c in Format.T4_COLUMN_KEYS})
                      for g in Format.T4_GROUP_KEYS})


def _spans(blocks: list[Block], tables: tuple[Found, ...]) -> dict[str, tuple[int, int] | None]:
    """Per table section, the first and last block its table's values were read from (None: no table).
    A value split out of a cell (values.split_row) keeps the cell's place: its text offset (text
    sources, found by bisection over the blocks' offsets), else its box, element path or identity."""
    # (the first cell's, most often: no generator for it)
    offsets = [b.cells[0].span[0] if b.cells and b.cells[0].span else next((c.span[0] for c in b.cells if c.span), -1)
               for b in blocks]
    by_offset = (not offsets or min(offsets) >= 0) and offsets == sorted(offsets)
    where = {} if by_offset else {_where(c): i for i, b in enumerate(blocks) for c in b.cells}
    out: dict[str, tuple[int, int] | None] = {}
    for t, found in zip(Format.TABLES, tables):
        if by_offset:
            at = [v.cell.span[0] for v in found.values.values() if v.cell.span]
            idx = [bisect_right(offsets, min(at)) - 1, bisect_right(offsets, max(at)) - 1] if at else []
        else:
            idx = [where[k] for v in found.values.values() if (k := _where(v.cell)) in where]
        out[t.section] = (min(idx), max(idx)) if idx else None
    return out


_END = itemgetter(1)


def _chars(tables: tuple[Found, ...]) -> dict[str, tuple[int, int] | None]:
    """Per table section, the document offsets of its table's first and last value (text sources)."""
    out: dict[str, tuple[int, int] | None] = {}
    for t, found in zip(Format.TABLES, tables):
        at = [v.cell.span for v in found.values.values() if v.cell.span]
        out[t.section] = (min(at)[0], max(at, key=_END)[1]) if at else None  # (the least start, the greatest end)
    return out


def _where(cell: Cell) -> object:
    return cell.span or cell.bbox or cell.path or id(cell)


def _sections(blocks: list[Block], heads: list[Heading], paras: list[Para], mf: MetaFound,
              spans: dict[str, tuple[int, int] | None],
              chars: dict[str, tuple[int, int] | None]) -> list[SectionText]:
    starts = [p.index for p in paras]
    sig = mf.signature_block
    if sig is not None and mf.signature_inline:
        sig += 1  # the signature ends a paragraph: the paragraph stays, the words are cut below
    out = []
    for i, h in enumerate(heads):
        nxt = heads[i + 1] if i + 1 < len(heads) else None
        end = nxt.index if nxt is not None else len(blocks)
        if h.inline or (nxt is not None and nxt.inline):
            text, own = _inline_section(blocks, h, nxt, paras, chars.get(h.section.id),
                                        sig if sig is not None and sig > h.index else None)
        else:
            body = [blocks[h.index].cells[0].text] + [b.text for b in blocks[h.index + 1:end]
                                                      if b.sole() is not None]
            text = "\n".join(t.strip() for t in body)
            own = section_paragraphs(paras, h.index, min(end, sig) if sig is not None and sig > h.index else end,
                                     spans.get(h.section.id), starts)
        if mf.signature_inline and own and end >= len(blocks) and own[-1].endswith(mf.signature_inline):
            own[-1] = own[-1][: -len(mf.signature_inline)].rstrip()
            if not own[-1]:
                own.pop()
        out.append(SectionText(id=h.section.id, heading=h.text[:60], number=h.number, line=h.line,
                               text=text, paragraphs=own))
    return out


def _inline_section(blocks: list[Block], h: Heading, nxt: Heading | None, paras: list[Para],
                    table: tuple[int, int] | None, sig: int | None) -> tuple[str, list[str]]:
    """The text (heading on the first line) and the paragraphs of a section that a heading inside a
    block starts or ends (flattened text): cut at the headings' places, not at block boundaries. The
    paragraphs stop before the signature's block ``sig`` (after it, when the signature ends a paragraph)."""
    # a heading that starts its block (the next one is inside a block) begins its own text, run-in words and all
    start = (h.index, h.offset + len(h.text)) if h.inline else (h.index, 0)
    stop = (nxt.index, nxt.offset) if nxt is not None else (len(blocks), 0)
    body = [p.text[a:b] for p, a, b in between(paras, start, stop)]
    text = "\n".join(t.strip() for t in ([h.text] if h.inline else []) + body if t.strip())
    own = inline_section_paragraphs(paras, start, min(stop, (sig, 0)) if sig is not None else stop, table,
                                    run_in=not h.inline)
    return text, own


def _opening(heads: list[Heading], paras: list[Para], mf: MetaFound, front: set[int]) -> list[str]:
    """The paragraphs between the title and section 一: prose (sentences), not the title block or a
    web page's furniture (发布时间, 首页 …). None without a title and a section heading (a fragment)."""
    if not heads or mf.title is None:
        return []
    first = heads[0].index
    start = 0 if mf.title_index is None else mf.title_index + 1
    if heads[0].inline:  # flattened text: the opening runs up to the heading, inside its paragraph
        title = mf.title
        cut = [p.text[a:b].strip() for p, a, b in between(paras, (start, 0), (first, heads[0].offset))
               if p.index not in front]
        cut = [t[len(title):].strip() if t.startswith(title) else t for t in cut]  # a title the text starts with
        return [t for t in cut if t and _is_prose(t)]
    return [p.text for p in paras if start <= p.index < first and p.index not in front and _is_prose(p.text)]


def _is_prose(text: str) -> bool:
    return ("。" in text or text.endswith(("：", ":"))) and not HEADING_START.match(text)
