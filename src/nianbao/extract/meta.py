"""Title, agency, year, signature date, kind of document and level of the agency."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..format import Format, norm
from ..ingest import PAGE_AT_END, Block, is_crumb, strip_markup
from .numerals import cn_to_int

DATE = re.compile(
    r"(\d{4}|[〇零○Ｏ一二三四五六七八九]{4})\s*年\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月"
    r"(?:\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*日)?"
)
_WEB_DATE_LABEL = re.compile(r"(?:发布|更新)(?:时间|日期)\s*[:：]?\s*$")
ISO_DATE = re.compile(r"(20\d{2}|19\d{2})\s*[-./]\s*(\d{1,2})\s*[-./]\s*(\d{1,2})")
YEAR_IN_TITLE = re.compile(r"(\d{4}|[〇零○一二三四五六七八九]{4})\s*年")
_DEBRIS = re.compile(r"\[[^\]]*\]|\{[^}]*\}")  # and markup: strip_markup
AGENCY_END = re.compile(
    r"(人民政府|办事处|委员会|管委会|管理委员会|政府|局|委|办公室|办公厅|办|厅|部|院|署|中心|所|馆|队|站|会|处|室|"
    r"街道|镇|乡|分局|集团|公司|银行|法院|检察院|总队|支队|大队|省|市|区|县|旗|州|盟)$"
)
# A title that names only the place ("某某区2022年…报告") is the report of its 人民政府.
_REGION_ONLY = re.compile(r".{1,12}[省市区县旗州盟]")
_DIGIT = re.compile(r"\d")
_SENTENCE_MARK = re.compile(r"[《》，。；！？]")
_TITLE_WORDS = ("政府信息公开", "政务公开")
# an agency and a date closing a long line: the signature of a report whose line breaks are gone
_TRAILING_SIGNATURE = re.compile(
    r"(?:^|[\s。；;！!？?，,：:）)])([^\s。；;！!？?，,：:（()）\d]{3,30}?)\s*"
    r"((?:\d{4}|[〇零○Ｏ一二三四五六七八九]{4})\s*年\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*月"
    r"\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*日)\s*$"
)
_TITLE_TAIL = re.compile(r"(关于|发布|公布|的|[(（【\[]+)+$")
_TITLE_LEAD = re.compile(r"^(?:[《【\[]|\d{4}年度?|[〇零○一二三四五六七八九]{4}年度?)+")
# a title that starts a long line: a crawler's page text with its line breaks gone
_TITLE_AT_START = re.compile(
    r"^\s*(\S.{0,58}?(?:年度报告|年报)(?:\s*(?:的)?(?:" + "|".join(Format.INTERPRETATION_WORDS) + r"))?)")
_CJK_END = re.compile(r"[\u4e00-\u9fff]$")
_PUNCT_IN_TITLE = re.compile(r"[,，。；;、《》:：!！?？]")
_AGENCY_YEAR = re.compile(r"(.+?)(?:\d{4}|[〇零○Ｏ一二三四五六七八九]{4})")  # 「某某局2021」, a title's first line
_TITLE_KEY = re.compile(r"^\s*(?:标题|题目|文章标题|名称)\s*[:：]\s*")  # "标题：…" copied from a page


@dataclass
class MetaFound:
    title: str | None = None
    title_index: int | None = None
    agency: str | None = None
    agency_source: str | None = None  # title | heading | signature
    year: int | None = None
    published: str | None = None
    published_block: int | None = None
    # the signature closing the report, as written: agency line (or None) and date; the block it starts
    # in, and for a signature that ends a paragraph (flattened text) the words to cut from that paragraph
    signature_agency: str | None = None
    signature_date: str | None = None
    signature_block: int | None = None
    signature_inline: str | None = None
    doc_kind: str = "other"
    level: str = "unknown"


def _clean_line(text: str) -> str:
    return " ".join(_DEBRIS.sub(" ", strip_markup(text)).split())  # white space runs as one space, ends stripped


def parse_date(text: str) -> tuple[int, int, int | None] | None:
    m = DATE.search(text)
    if m:
        y, mo, d = cn_to_int(m.group(1)), cn_to_int(m.group(2)), cn_to_int(m.group(3)) if m.group(3) else None
    else:
        m = ISO_DATE.search(text)
        if not m:
            return None
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
    if not y or not mo or not (1900 < y < 2100 and 1 <= mo <= 12) or (d is not None and not 1 <= d <= 31):
        return None
    return y, mo, d


def tail_date(blocks: list[Block], reach: int = 800) -> str | None:
    """The last full date (year, month, day) in the document's last ``reach`` characters: where a signature's
    date stands, read or not (a word a line, glued to what follows it)."""
    text = ""
    for b in reversed(blocks):
        text = b.text + " " + text
        if len(text) >= reach:
            break
    last = None
    for m in DATE.finditer(text[-reach:]):
        if m.group(3) and (d := parse_date(m.group(0))):
            last = format_date(d)
    return last


def format_date(parts: tuple[int, int, int | None]) -> str:
    y, mo, d = parts
    return f"{y:04d}-{mo:02d}-{d:02d}" if d else f"{y:04d}-{mo:02d}"


def _standalone_date(block: Block) -> tuple[int, int, int | None] | None:
    text = " ".join([c.text for c in block.cells if c.text.strip()])
    if len(text) > 48 and not ("[" in text or "{" in text or "<" in text) and len("".join(text.split())) > 48:
        return None  # no debris to remove and more than 48 characters besides white space: a long line
    text = _clean_line(text)
    if len(text) > 48:
        return None
    m = DATE.search(text) or ISO_DATE.search(text)
    if not m:
        return None
    rest = (text[: m.start()] + text[m.end():]).strip(" ：:，,。.（）()")
    if rest and not AGENCY_END.search(rest) and rest not in ("日期", "发布日期", "落款"):
        return None
    if len(text) > 24 and not (m.start() > 0 and looks_like_agency(text[: m.start()].strip())):
        return None  # a long line: only a signature, its agency before the date ("某某片区管理局  2024年1月24日")
    return parse_date(m.group(0))


def looks_like_agency(text: str) -> bool:
    t = norm(_clean_line(text))
    # (no book title marks or sentence stops: 「根据《中华人民共和国政府信息公开条例》和实验区管委」 is a sentence cut at
    # a line's end, not a name)
    return (2 < len(t) <= 30 and not _DIGIT.search(t) and bool(AGENCY_END.search(t)) and "报告" not in t
            and not _SENTENCE_MARK.search(t))


def find_meta(blocks: list[Block], title_hint: str | None = None) -> MetaFound:
    mf = MetaFound()
    head = blocks[:15]
    for i, b in enumerate(head):
        t = norm(strip_markup(b.text))  # markup written out as text is no part of the title's length
        if (any(w in t for w in _TITLE_WORDS) and ("报告" in t or "年报" in t or _wrapped_title(t, blocks, i))
                and len(t) <= 60
                and not (title_hint and any(ch in t for ch in ",，。；;、《》"))  # a sentence cut at the page edge
                and not (title_hint and _words_after_report(t))  # 「…年度报告编制发布工作的通」: a sentence's words
                and "。" not in t.rstrip("。")  # the end of one sentence and more: the close of a flattened page
                and not is_crumb(t) and not t.startswith("首页")):  # 首页 > 政务公开 > 政府信息公开年报 (its > lost)
            mf.title, mf.title_index = _TITLE_KEY.sub("", _clean_line(b.text)), i
            break
    if mf.title is None and title_hint and any(w in norm(title_hint) for w in _TITLE_WORDS):
        mf.title = _clean_line(title_hint)
    if mf.title is None:
        for b in head[:2]:
            t = _TITLE_KEY.sub("", _clean_line(b.text)).lstrip("# ")
            m = _TITLE_AT_START.match(t) if len(norm(t)) > 60 else None
            if (m and any(w in norm(m.group(1)) for w in _TITLE_WORDS) and YEAR_IN_TITLE.search(m.group(1))
                    and not any(ch in m.group(1) for ch in "，,。；;：:、《》")):  # a title, not a sentence
                mf.title = m.group(1).strip()  # not the block's index: the block holds the whole report
                break
    if mf.title:
        # a title broken over two lines: "2021 年政府信息公开" / "工作年度报告"
        if mf.title_index is not None and mf.title_index + 1 < len(blocks):
            nxt = norm(blocks[mf.title_index + 1].text)
            if "报告" not in norm(mf.title) and "报告" in nxt and len(nxt) <= 12:
                mf.title += blocks[mf.title_index + 1].text.strip()
        # a title whose year stands on a line of its own, the agency on the line before it (pdfium's text rects:
        # a run of another font a rect): 「某某局」/「2019」/「年政府信息公开工作年度报告」 is one title
        if mf.title_index is not None and mf.title_index >= 1 and norm(mf.title).startswith("年"):
            year_line = norm(_clean_line(blocks[mf.title_index - 1].text))
            if re.fullmatch(r"\d{4}|[〇零○Ｏ一二三四五六七八九]{4}", year_line):
                lead = blocks[mf.title_index - 2].text if mf.title_index >= 2 else ""
                mf.title = ((_clean_line(lead) if looks_like_agency(lead) else "") + year_line + mf.title).strip()
            elif ((m := _AGENCY_YEAR.fullmatch(year_line)) and looks_like_agency(m.group(1))
                  and not (mf.title_index >= 2 and _CJK_END.search(norm(blocks[mf.title_index - 2].text)))):
                # the title wrapped right after its year (PyMuPDF's words, a word a line): 「某某局2021」/「年度…报告」;
                # not when the line before may be the name's head (「平潭综合实」/「验区…局2020」/「年…报告」)
                mf.title = _clean_line(blocks[mf.title_index - 1].text) + mf.title
        m = YEAR_IN_TITLE.search(mf.title)
        if m:
            mf.year = cn_to_int(m.group(1))
        mf.agency = _title_agency(mf.title)
        if mf.agency is not None:
            mf.agency_source = "title"
            # a title line that is the tail of a wrapped line (a crawler's page printed and read back: 「…平潭综合
            # 实验区君」 / 「山片区管理局 2021 年…」): the page's own title names the agency in full
            whole = _title_agency(_clean_line(title_hint)) if title_hint and mf.title_index is not None else None
            if whole and whole != mf.agency and whole.endswith(mf.agency):
                mf.agency, mf.title = whole, _clean_line(title_hint or "")
        elif title_hint and mf.title_index is not None and norm(mf.title).startswith(("年", "年度")) and (
                whole := _title_agency(_clean_line(title_hint))) and norm(title_hint).endswith(norm(mf.title)):
            # the title's line holds only its tail (「年政府信息公开年度报告」, its agency and year wrapped onto lines
            # before it): the page's own title, which ends so, names the agency
            mf.agency, mf.agency_source, mf.title = whole, "title", _clean_line(title_hint)
            if (m := YEAR_IN_TITLE.search(mf.title)):
                mf.year = cn_to_int(m.group(1))
    if mf.agency is None and mf.title_index is not None:
        for j in (mf.title_index - 1, mf.title_index + 1, mf.title_index - 2, mf.title_index + 2):
            if 0 <= j < len(blocks) and looks_like_agency(blocks[j].text):
                mf.agency, mf.agency_source = norm(_clean_line(blocks[j].text)), "heading"
                break
    _find_signature(blocks, mf)
    if mf.agency is None:
        # a converter that moved or lost the title line (pdf-oxide) keeps the agency line at the top
        top = blocks[:3] if mf.title_index is None else blocks[:min(3, mf.title_index)]
        line = next((b for b in top if looks_like_agency(b.text)), None)
        if line is not None:
            mf.agency, mf.agency_source = norm(_clean_line(line.text)), "heading"
    t = norm(mf.title or "")
    if any(w in t for w in Format.INTERPRETATION_WORDS):
        mf.doc_kind = "interpretation"
    elif "报告" in t or "年报" in t:
        mf.doc_kind = "annual_report"
    mf.level = level_of(mf.agency)
    return mf


def _words_after_report(t: str) -> bool:
    """Words run on after the last 报告 (「…工作年度报告编制发布工作的通」): a sentence about a report, not a title
    (which may end in 解读 or a bracketed note after it)."""
    after = t.rsplit("报告", 1)[1] if "报告" in t else ""
    return (len(re.findall(r"[\u4e00-\u9fff]", after)) >= 2 and not re.search(r"[(（【\[]", after)
            and not any(w in after for w in Format.INTERPRETATION_WORDS))


def _wrapped_title(t: str, blocks: list[Block], i: int) -> bool:
    """``t``, the i-th block's text, is a title's first line whose 报告 the next short line holds (a word a line:
    「年度政府信息公开工作」/「年度报告」): no punctuation in either, the next ending in 报告."""
    if i + 1 >= len(blocks) or len(t) > 30 or _PUNCT_IN_TITLE.search(t):
        return False
    nxt = norm(strip_markup(blocks[i + 1].text))
    return len(nxt) <= 12 and nxt.endswith("报告") and not _PUNCT_IN_TITLE.search(nxt)


def _title_agency(title: str) -> str | None:
    m = YEAR_IN_TITLE.search(title)
    for cand in (title[: m.start()] if m else "", title.split("政府信息公开")[0]):
        cand = _TITLE_LEAD.sub("", _TITLE_TAIL.sub("", norm(cand)))
        if looks_like_agency(cand):
            return cand
    return None


def _find_signature(blocks: list[Block], mf: MetaFound) -> None:
    """The date under the signature (the last standalone date), else a date under the title."""
    tail_start = max(0, len(blocks) - 10)
    for i in range(len(blocks) - 1, tail_start - 1, -1):
        d = _standalone_date(blocks[i])
        if d:
            mf.published, mf.published_block = format_date(d), i
            _signed(mf, blocks, i, None)
            for j in (i - 1, i - 2):
                if j >= 0 and looks_like_agency(blocks[j].text):
                    _signed(mf, blocks, i, j)
                    signed = norm(_clean_line(blocks[j].text))
                    # the signature names the body in full where a title says only "某某区"
                    if mf.agency is None or (signed != mf.agency and signed.startswith(mf.agency)
                                             and _REGION_ONLY.fullmatch(mf.agency)):
                        mf.agency, mf.agency_source = signed, "signature"
                    break
            return
    # a signature followed by appendices (附件, 附表): an agency line over a date line, anywhere later on
    start = (mf.title_index or 0) + 4
    for i in range(len(blocks) - 1, start, -1):
        d = _standalone_date(blocks[i])
        if d and looks_like_agency(blocks[i - 1].text):
            mf.published, mf.published_block = format_date(d), i
            _signed(mf, blocks, i, i - 1)
            if mf.agency is None:
                mf.agency, mf.agency_source = norm(_clean_line(blocks[i - 1].text)), "signature"
            return
    # flattened text (a crawler's page text): the signature ends the last paragraph, "…。 某某局 2022年1月7日"
    for i in range(len(blocks) - 1, max(-1, len(blocks) - 4), -1):
        cells = [c for c in blocks[i].cells if c.text.strip()]
        tail = _flat_tail(cells[-1].text) if cells else ""
        m = _TRAILING_SIGNATURE.search(tail) if cells else None
        if m is None and len(cells) >= 2 and DATE.fullmatch(tail.strip()):
            # a layout-keeping converter put a wide gap between the agency and the date: two cells
            tail = f"{cells[-2].text.rstrip()} {tail.strip()}"
            m = _TRAILING_SIGNATURE.search(tail)
        if m and looks_like_agency(m.group(1)):
            d = parse_date(m.group(2))
            if d:
                mf.published, mf.published_block = format_date(d), i
                mf.signature_agency, mf.signature_date = m.group(1).strip(), m.group(2).strip()
                mf.signature_block, mf.signature_inline = i, tail[m.start(1):].strip()
                if mf.agency is None:
                    mf.agency, mf.agency_source = _nil_glued(norm(m.group(1)), blocks, i), "signature"
                return
    # a tool that writes a word a line (PyMuPDF's words): 「…管理局」「2024」「年1」「月24」「日」 read as one line
    pieces: list[int] = []
    end = len(blocks)
    if end > 3 and all(not b.grid and len(b.cells) == 1 for b in blocks[-3:]) and PAGE_AT_END.fullmatch(
            " ".join(b.text.strip() for b in blocks[-3:])):
        end -= 3  # the last page's number after the date, a piece a line (pdfium's rects: 「—」「6」「—」)
    for i in range(end - 1, max(-1, end - 9), -1):
        if blocks[i].grid or len(blocks[i].cells) != 1 or len(blocks[i].text.strip()) > 30:
            break
        pieces.insert(0, i)
    if len(pieces) >= 3:
        joined = " ".join(blocks[i].text.strip() for i in pieces)
        m = _TRAILING_SIGNATURE.search(joined)
        d = parse_date(m.group(2)) if m and looks_like_agency(m.group(1)) else None
        if m and d:
            at = pieces[joined.count(" ", 0, m.start(1))]
            mf.published, mf.published_block = format_date(d), pieces[-1]
            mf.signature_agency, mf.signature_date = m.group(1).strip(), m.group(2).strip()
            mf.signature_block, mf.signature_inline = at, joined[m.start(1):].strip()
            return  # not the agency: a word before it may be its head, cut at the line's end (「平潭综合」)
    if mf.title_index is not None:
        for i in range(mf.title_index + 1, min(len(blocks), mf.title_index + 4)):
            d = _standalone_date(blocks[i])
            if d and _WEB_DATE_LABEL.search(blocks[i - 1].text):
                break  # a web page's 发布时间 a word a line (a crawler's header printed): not the report's date
            if d:
                mf.published, mf.published_block = format_date(d), i
                return


def _nil_glued(agency: str, blocks: list[Block], at: int) -> str | None:
    """A signature read off a flattened line may carry the last section's 「无」 (「…其他需要报告的事项 无平潭…局」),
    or be 无锡市…: the name without it when the rest of the document writes it so and never with it, the name
    as read when the document writes that; otherwise not known."""
    if not agency.startswith("无") or len(agency) < 4:
        return agency
    rest = "".join("".join(b.text.split()) for k, b in enumerate(blocks) if k != at)
    short, whole = agency.lstrip("无"), agency
    if whole in rest:
        return whole
    return short if short in rest and looks_like_agency(short) else None


def _flat_tail(text: str) -> str:
    """The end of a flattened text as the signature pattern reads it: the last page's number dropped, and a
    section heading the signature is glued to (「…六、其他需要报告的事项平潭…局2025年1月20日」, section 六 left
    empty) ended with a space, so the agency starts after it."""
    text = PAGE_AT_END.sub("", text)
    window = text[-120:]
    for sec in Format.SECTIONS:
        at = window.rfind(sec.label)
        if at >= 0:
            window = window[:at + len(sec.label)] + " " + window[at + len(sec.label):]
    return text[:-120] + window if len(text) > 120 else window


def is_front_line(block: Block) -> bool:
    """A line of the title block rather than of the opening: a title, an agency line, a date."""
    if len(block.text) > 80:  # titles are at most 60 characters, agency and date lines shorter
        return False
    t = norm(block.text)
    if any(w in t for w in _TITLE_WORDS) and ("报告" in t or "年报" in t) and len(t) <= 60:
        return True
    return ("报告" in t and len(t) <= 12) or looks_like_agency(block.text) or _standalone_date(block) is not None


def _signed(mf: MetaFound, blocks: list[Block], date_block: int, agency_block: int | None) -> None:
    """Keep the signature's own words: the agency line and the date as the report writes them."""
    text = _clean_line(" ".join(c.text for c in blocks[date_block].cells if c.text.strip()))
    m = DATE.search(text) or ISO_DATE.search(text)
    mf.signature_date = m.group(0) if m else text
    rest = (text[: m.start()] + text[m.end():]).strip(" ：:，,。.（）()") if m else ""
    if agency_block is not None:
        mf.signature_agency = _clean_line(blocks[agency_block].text)
    elif rest and AGENCY_END.search(rest):
        mf.signature_agency = rest  # "某某局 2022年1月26日" on one line
    else:
        mf.signature_agency = None
    mf.signature_block = date_block if agency_block is None else agency_block


def level_of(agency: str | None) -> str:
    if not agency:
        return "unknown"
    if re.search(r"(镇|乡|街道)(人民政府|办事处)?$", agency) or agency.endswith("街道办事处"):
        return "township"
    if agency.endswith("人民政府") or agency.endswith("政府") or _REGION_ONLY.fullmatch(agency):
        return "government"
    return "department"
