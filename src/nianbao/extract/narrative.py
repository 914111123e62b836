"""Figures the text states: 主动公开 N 条, 收到申请 N 件, 行政复议 N 件, 统计期限 …

Each figure is read from one clause (text between 。；, etc.) so that a number never travels from
one statement to another, and a clause about another stream (12345 热线, 咨询, 信箱) or another
year is never taken for this year's application count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import cast

from ..limits import MAX_AMOUNT, MAX_DIGITS
from .numerals import CN_NUM_CHARS, in_range, to_int
from .prose import Para

_N = rf"(?<!第)(\d{{1,3}}(?:[,，]\d{{3}})+|\d+|[{CN_NUM_CHARS}]+)"  # 1,234 too; 第二十条 is no count
_SENT = re.compile(r"[^。；;！!？?\n]+")
_CLAUSE_SPLIT = re.compile(r"[，,：:]")
_OTHER_STREAM = ("12345", "热线", "咨询", "信箱", "留言", "来电", "市长", "网民", "投诉", "建议", "提案")
_YEAR = re.compile(r"(\d{4})\s*年")
# a running total over all years, not the report year's figure
_CUMULATIVE = re.compile(r"(?:截至|截止)目前|至今|成立以来|历年")


@dataclass(slots=True)
class Hit:
    value: object
    text: str
    line: int | None
    span: tuple[int, int] | None


PATTERNS: dict[str, tuple[re.Pattern[str], ...]] = {
    "proactive_items": (
        re.compile(rf"主动公开[^。；;，,\d{CN_NUM_CHARS}]{{0,14}}?(?:共计|共|累计|合计|总计)?\s*{_N}\s*(?:条|项|份)"),
        re.compile(rf"(?:全年|共|累计|合计)[^。；;，,\d]{{0,6}}公开(?:各类)?(?:政府|政务)信息\s*(?:共计|共)?\s*{_N}\s*条"),
        # 「共在“…”门户网站公开政府信息159条」: the venue between 共 and 公开
        re.compile(rf"(?:全年|共|累计|合计)(?:在|通过)[^。；;，,\d]{{0,24}}?(?:网站|平台|门户|公众号|栏目|渠道)\s*"
                   rf"(?:主动)?公开(?:各类)?(?:政府|政务)信息\s*(?:共计|共)?\s*{_N}\s*条"),
        # 「主动公开涵盖办事程序、便民政策、…等政府信息135条」: a list closed by 等, then the total
        re.compile(rf"主动公开[^。；;，,\d]{{0,48}}?等(?:各类)?(?:政府|政务)信息\s*(?:共计|共)?\s*{_N}\s*条"),
        # 「今年我局公开278条政务信息」: the count before the noun
        re.compile(rf"(?:今年|全年|本年度?|年内|年度)[^。；;，,\d]{{0,6}}?(?:主动)?公开(?:了)?\s*{_N}\s*条(?:各类)?(?:政府|政务)信息"),
    ),
    "requests_received": (
        # the words between 申请 and the count never answer or handle (答复/回复/办结/办理/复议): a
        # count after them is of replies, not of applications received ("申请" + a wrapped line "复 3050 件")
        re.compile(rf"(?:收到|受理|接收|新收|接到)[^。；;，,\d]{{0,14}}?(?:申请|依申请公开)[^。；;，,\d{CN_NUM_CHARS}答复办]{{0,8}}?"
                   rf"(?:共计|共|合计)?\s*{_N}\s*(?:件|个|条|份|宗|次)"),
        re.compile(rf"(?:收到|受理|接收|新收|接到)(?:各类)?\s*{_N}\s*(?:件|个|份|宗)[^。；;，,\d]{{0,6}}?(?:依申请公开|政府信息公开申请|信息公开申请)"),
        re.compile(rf"依申请公开[^。；;，,\d]{{0,6}}?(?:申请)?(?:共计|共|合计)\s*{_N}\s*件"),
        # 「收到群众通过邮寄、网络提交的各类政府信息公开申请共计8件」: who sent them, how, between 收到 and the noun
        re.compile(rf"(?:收到|受理|接收|接到)[^。；;，,\d答复办]{{0,30}}?政府信息公开申请\s*(?:共计|共|合计)?\s*{_N}\s*件"),
        # 「收到申请公开政府信息的要求6件」
        re.compile(rf"(?:收到|受理|接收|接到)[^。；;，,\d]{{0,6}}?申请公开(?:政府)?信息的?(?:要求|请求)\s*(?:共计|共)?\s*{_N}\s*件"),
    ),
    "reviews": (re.compile(rf"行政复议(?:案件|申请)?\s*(?:共)?\s*{_N}\s*(?:件|起|宗)"),),
    "lawsuits": (re.compile(rf"行政诉讼(?:案件)?\s*(?:共)?\s*{_N}\s*(?:件|起|宗)"),),
    "normative_documents_issued": (
        re.compile(rf"(?:制发|发布|出台|印发|制定)[^。；;，,\d]{{0,8}}?规范性文件\s*(?:共)?\s*{_N}\s*(?:件|个|份|部)"),
        re.compile(rf"(?:制发|发布|出台|印发|制定)(?:了)?\s*{_N}\s*(?:件|个|份|部)(?:行政)?规范性文件"),
    ),
    "processing_fees_yuan": (re.compile(r"信息处理费[^。；;，,\d]{0,10}?(\d+(?:\.\d+)?)\s*元"),),
    "outcome_granted": (re.compile(rf"予以公开(?:的|类)?\s*(?:共)?\s*{_N}\s*件"),),
    "outcome_partially_granted": (re.compile(rf"部分公开(?:的|类)?\s*(?:共)?\s*{_N}\s*件"),),
    "outcome_denied": (re.compile(rf"不予公开(?:的|类)?\s*(?:共)?\s*{_N}\s*件"),),
    "outcome_unavailable": (re.compile(rf"无法提供(?:的|类)?\s*(?:共)?\s*{_N}\s*件"),),
    "outcome_declined": (re.compile(rf"不予处理(?:的|类)?\s*(?:共)?\s*{_N}\s*件"),),
}
_OUTCOME_WORDS = {"予以公开": "outcome_granted", "部分公开": "outcome_partially_granted", "不予公开": "outcome_denied",
                  "无法提供": "outcome_unavailable", "不予处理": "outcome_declined"}
# "无法提供265件，占32.9%": the share of one outcome, stored as outcome_<x>_share (a percentage)
_SHARE = re.compile(rf"({'|'.join(_OUTCOME_WORDS)})[^。；;，,%％\d{CN_NUM_CHARS}]{{0,4}}(?:\s*{_N}\s*件)?\s*[，,]?\s*"
                    r"(?:占|比例为|比例|比重为|比重)[^。；;\d%％]{0,6}?(\d+(?:\.\d+)?)\s*[%％]")
# "共收到申请12件（含上年结转2件）": the stated count includes last year's carried-over applications
# (in the matched words, or right after the count, before any other number: "答复3050件（含上年度结转…）" is not it)
_WITH_CARRIED = re.compile(r"(?:含|包括|包含)[^。；;\d]{0,8}?结转")
_WITH_CARRIED_AFTER = re.compile(r"^\s*[（(，,]?\s*(?:其中)?\s*(?:含|包括|包含)[^。；;\d]{0,8}?结转")
# "行政复议5件(4件结果维持,1件结果纠正)", "行政诉讼2件，均尚未审结": outcomes of the cases the text counts
_APPEAL_OUTCOME = {
    "upheld": re.compile(rf"{_N}\s*件\s*(?:结果)?(?:为)?维持|(?:结果)?维持\s*{_N}\s*件"),
    "corrected": re.compile(rf"{_N}\s*件\s*(?:结果)?(?:为)?(?:被)?纠正|(?:结果)?纠正\s*{_N}\s*件"),
    "other": re.compile(rf"{_N}\s*件\s*其他结果|其他结果\s*{_N}\s*件"),
    "pending": re.compile(rf"{_N}\s*件\s*(?:尚未审结|未审结|正在审理|审理中)|(?:尚未审结|未审结)\s*{_N}\s*件"),
}
_APPEAL_ALL = {"upheld": re.compile(r"均(?:结果)?(?:为)?维持|全部(?:结果)?维持"),
               "pending": re.compile(r"均(?:尚未审结|未审结|在审理中)")}
_APPEAL_STOP = re.compile(r"行政复议|行政诉讼")

_NONE = {
    "requests_received": re.compile(r"(?:未|没有|无)(?:收到|受理|接到|接收)[^。；;，,]{0,14}申请"),
    "reviews": re.compile(r"(?:未|没有|无)[^。；;]{0,24}行政复议"),
    "lawsuits": re.compile(r"(?:未|没有|无)[^。；;]{0,24}行政诉讼"),
    "normative_documents_issued": re.compile(r"(?:未|没有|无)(?:制定|制发|出台|印发|发布)[^。；;，,]{0,6}规范性文件"),
}
_NO_FEE = re.compile(r"(?:没有|未|无|不|免)[^。；;]{0,16}(?:信息处理费|处理费|收取费用|收费)|(?:信息处理费|处理费)[^。；;]{0,6}(?:为零|0元)")
_PERIOD = re.compile(
    r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*(?:起)?\s*[，,]?\s*(?:至|到|—|－|-|~|～)\s*(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*日"
)
# a date range is the 统计期限 only in a sentence about the report's data, not "1月1日至3月31日开展专项行动"
_PERIOD_WORDS = re.compile(r"期限|统计|数据|本报告|年报")
_PARTS = re.compile(rf"(?:由|包括|分为|共)[^。]{{0,120}}?(?:等)?\s*{_N}\s*(?:个)?(?:部分|大部分|方面内容|大内容)")
_COMPARE = re.compile(r"(?:比|较|同比|相比|与)\s*(\d{4})\s*年(?:度)?(?:同期|相比)?[^。；;，,\d]{0,4}?(?:增加|减少|增长|下降|多|少|提高|上升|持平|降低)")


# A word each pattern cannot match without: a paragraph lacking it is not scanned by that pattern (the
# same figures, without ~25 patterns run over every clause of every paragraph)
_PATTERN_WORDS: dict[str, tuple[str, ...]] = {
    "proactive_items": ("主动公开", "信息", "公开", "主动公开", "信息"),
    "requests_received": ("申请", "申请", "依申请公开", "政府信息公开申请", "申请公开"),
    "reviews": ("行政复议",),
    "lawsuits": ("行政诉讼",),
    "normative_documents_issued": ("规范性文件", "规范性文件"),
    "processing_fees_yuan": ("信息处理费",),
    "outcome_granted": ("予以公开",),
    "outcome_partially_granted": ("部分公开",),
    "outcome_denied": ("不予公开",),
    "outcome_unavailable": ("无法提供",),
    "outcome_declined": ("不予处理",),
}
_GUARDED = tuple((key, pat, word) for key, pats in PATTERNS.items()
                 for pat, word in zip(pats, _PATTERN_WORDS[key], strict=True))
_GUARD_WORDS = tuple(dict.fromkeys(g[2] for g in _GUARDED))  # each word once (several patterns share one)
_GUARDED_BY_WORDS: dict[frozenset[str], tuple[tuple[str, re.Pattern[str], str], ...]] = {}


def _guarded(words: frozenset[str]) -> tuple[tuple[str, re.Pattern[str], str], ...]:
    """The patterns (in their order) whose word is one of ``words``: a table of the constants, filled as asked."""
    got = _GUARDED_BY_WORDS.get(words)
    if got is None:
        got = _GUARDED_BY_WORDS[words] = tuple(g for g in _GUARDED if g[2] in words)
    return got
_NONE_WORDS = {"requests_received": "申请", "reviews": "行政复议", "lawsuits": "行政诉讼",
               "normative_documents_issued": "规范性文件"}


def _clauses(p: Para):
    for sm in _SENT.finditer(p.text):
        yield sm.group(0), sm.start()


def _before(p: Para, at: int, doc_text: str | None) -> str:
    """The text before ``at`` in the paragraph, without the white space it ends with; the document's before
    the paragraph where it has none (a PDF's lines kept apart: 「…44 条；其他应」 / 「主动公开的政府信息 32 条」,
    the first line read as a row of a table)."""
    before = p.text[:at].rstrip()
    if before or doc_text is None or p.start is None:
        return before
    i = p.start
    while i > 0 and doc_text[i - 1].isspace():  # (a layout's blank lines are long runs of spaces)
        i -= 1
    return doc_text[max(0, i - 8):i]


def _year_ok(sentence: str, m: re.Match[str], year: int | None) -> bool:
    """A clause that names another year speaks of that year, not of this one."""
    if year is None:
        return True
    years = [int(y) for y in _YEAR.findall(sentence[: m.end()])]
    return not years or year in years


_LONE_NUMBER = re.compile(r"[\d\s,，]+")


def _lone_number(p: Para, at: int) -> bool:
    """The number at ``at`` is a line of its own among the wrapped lines the paragraph was joined from."""
    starts = [o for o, _, _ in p.pieces]
    if not starts:
        return False
    ends = [*starts[1:], len(p.text)]
    return any(a <= at < b and _LONE_NUMBER.fullmatch(p.text[a:b]) for a, b in zip(starts, ends))


def find_narrative(paras: list[Para], year: int | None, overflow: list[tuple[str, Hit]] | None = None,
                   numbers_apart: bool = False, doc_text: str | None = None) -> tuple[dict[str, object], dict[str, Hit], dict[str, list[float]]]:
    """Figures stated in the text. A figure outside any count's range is not read; with ``overflow``,
    (key, hit) of each such figure is appended to it (the caller notes it: finding L-04). ``doc_text``: the
    document's text, where a paragraph's start shows what stood before it. With
    ``numbers_apart`` (a table tool's text whose numbers stand apart from their words), a count on a
    line of its own is not read: it may be a line's neighbour's (「公开政府信息 / 2 / 条」 after 「159」), or
    several lines' digits (「信息数 / 31 / 1 / 4 / 条」)."""
    figures: dict[str, object] = {}
    hits: dict[str, Hit] = {}
    restated: dict[str, list[float]] = {}
    m: re.Match[str] | None
    for p in paras:
        # the patterns' words the paragraph holds (a clause lacking them cannot match)
        para = p.text
        held = [w for w in _GUARD_WORDS if w in para]
        nones = [(key, pat) for key, pat in _NONE.items() if _NONE_WORDS[key] in para]
        for sent, s0 in _clauses(p):
            # the same words asked of each clause: the patterns below search one clause and cannot match without them
            share = "%" in sent or "％" in sent
            no_fee = "费" in sent
            period = "月" in sent
            parts = "部分" in sent or "内容" in sent
            compare = "年" in sent
            # a pattern needs its word in this clause, not only in the paragraph: the patterns of the words
            # the clause holds, in their order
            for key, pat, _word in _guarded(frozenset([w for w in held if w in sent])):
                for m in pat.finditer(sent):
                    if key in ("requests_received",) and any(w in sent[max(0, m.start() - 20): m.end()] for w in _OTHER_STREAM):
                        continue
                    if not _year_ok(sent, m, year):
                        continue
                    if key == "proactive_items" and (_before(p, s0 + m.start(), doc_text).endswith("应")
                                                     or _CUMULATIVE.search(sent, max(0, sent.rfind("其中", 0, m.start())),
                                                                           m.start())):
                        # 其他应主动公开的政府信息 N 条 is a category, also where a line ends at 「其他应」 (a PDF's
                        # text with its lines apart); 截至目前累计 N 条 is not this year's
                        continue
                    if numbers_apart and _lone_number(p, s0 + m.start(1)):
                        continue
                    raw = m.group(1)
                    if key == "processing_fees_yuan":
                        val = float(raw) if len(raw) <= 2 * MAX_DIGITS else None
                        if val is not None and val > MAX_AMOUNT:
                            val = None
                    else:
                        val = to_int(raw)
                    if val is None:
                        if overflow is not None and key not in figures and (
                                key == "processing_fees_yuan" or not in_range(raw)):
                            overflow.append((key, _hit(None, p, s0, m)))
                        continue
                    if key not in figures:
                        figures[key] = val
                        hits[key] = _hit(val, p, s0, m)
                        if key == "requests_received" and (_WITH_CARRIED.search(m.group(0))
                                                           or _WITH_CARRIED_AFTER.search(sent[m.end():])):
                            figures["requests_received_with_carried_over"] = True
                        elif key in ("reviews", "lawsuits") and val:
                            outcomes = _appeal_outcomes(sent[m.end():], val)
                            if outcomes:
                                figures[f"{key[:-1]}_outcomes"] = outcomes
                    if key in ("proactive_items", "requests_received") and "其中" not in sent[: m.start()]:
                        restated.setdefault(key, [])
                        if val not in restated[key]:
                            restated[key].append(val)
            for m in (_SHARE.finditer(sent) if share else ()):
                key = _OUTCOME_WORDS[m.group(1)] + "_share"
                if key not in figures and _year_ok(sent, m, year):
                    figures[key] = float(m.group(3))
                    hits[key] = _hit(figures[key], p, s0, m)
            for key, pat in nones:
                m = pat.search(sent) if _NONE_WORDS[key] in sent else None
                if m and key not in figures and _year_ok(sent, m, year):
                    if key == "requests_received" and any(w in sent[max(0, m.start() - 10): m.end()] for w in _OTHER_STREAM if w not in ("投诉",)):
                        continue
                    figures[key] = 0
                    hits[key] = _hit(0, p, s0, m)
                    if key == "requests_received":
                        restated.setdefault(key, [])
                        if 0 not in restated[key]:
                            restated[key].append(0)
            if "fee_charged" not in figures:
                m = _NO_FEE.search(sent) if no_fee else None
                if m:
                    figures["fee_charged"] = False
                    hits["fee_charged"] = _hit(False, p, s0, m)
            if "statistics_period" not in figures:
                m = _PERIOD.search(sent) if period else None
                if m and _PERIOD_WORDS.search(sent):
                    y1, m1, d1, y2, m2, d2 = m.groups()
                    figures["statistics_period"] = {
                        "start": f"{int(y1):04d}-{int(m1):02d}-{int(d1):02d}",
                        "end": f"{int(y2 or y1):04d}-{int(m2):02d}-{int(d2):02d}",
                    }
                    hits["statistics_period"] = _hit(None, p, s0, m)
            if "declared_parts" not in figures:
                m = _PARTS.search(sent) if parts else None
                if m and ("报告" in sent or "全文" in sent or "年报" in sent):
                    n = to_int(m.group(1))
                    if n and n < 20:
                        figures["declared_parts"] = n
                        hits["declared_parts"] = _hit(n, p, s0, m)
            for m in (_COMPARE.finditer(sent) if compare else ()):
                compared = cast("list[dict[str, object]]", figures.setdefault("compared_years", []))
                hit = _hit(int(m.group(1)), p, s0, m)
                compared.append({"year": int(m.group(1)), "text": m.group(0), "line": hit.line})
    if figures.get("processing_fees_yuan"):
        figures["fee_charged"] = True
    return figures, hits, {k: v for k, v in restated.items() if len(v) > 1}


def _appeal_outcomes(tail: str, total: float) -> dict[str, float]:
    """Outcomes stated right after a 行政复议/行政诉讼 count, up to the next such count."""
    stop = _APPEAL_STOP.search(tail)
    tail = tail[: stop.start()] if stop else tail
    out: dict[str, float] = {}
    for key, pat in _APPEAL_OUTCOME.items():
        m = pat.search(tail)
        if m:
            n = to_int(next(g for g in m.groups() if g is not None))
            if n is not None:
                out[key] = n
    for key, pat in _APPEAL_ALL.items():
        if key not in out and pat.search(tail):
            out[key] = total
    return out


def _hit(val: object, p: Para, s0: int, m: re.Match[str]) -> Hit:
    at = s0 + m.start()
    line, start = p.line, None if p.start is None else p.start + at
    for offset, doc_start, piece_line in p.pieces:  # a joined paragraph: find the piece it starts in
        if offset <= at:
            line, start = piece_line, None if doc_start is None else doc_start + at - offset
    return Hit(val, m.group(0), line, None if start is None else (start, start + len(m.group(0))))
