"""Page furniture around a report in text taken from a web page: what a crawler or a copy adds.

- A crawler's header: leading ``key: value`` lines (标题: …, 发布时间: …, 原文链接: …, 栏目: …), optionally
  closed by a separator line (``==== 正文 ====``). Its title and date are kept as hints (like an HTML
  <title> and a CMS 发布时间); the lines are not report text. 发布机构 is not trusted: crawlers fill it with
  the site's owner or a column name.
- Navigation at the head of the page text: 当前位置：首页 > … and the share/print bar that follows it
  (来源： 时间：… 微信 微博 QQ空间 全真版 文字版 文件下载 相关链接：).
- HTML conditional comments (``<!--[if !supportLists]-->``), stray comment ends (``-->``) and the style
  sheet Word pastes into web pages (``Normal 0 7.8 磅 … /* Style Definitions */ table.MsoNormalTable {…}``).
- A trailing 附件下载 / 打印本页 / 关闭窗口.
- Image placeholders a converter writes where the page had a picture: ``[image: result]``, ``[图片]``, a Markdown
  image ``![说明](a.png)`` (an HTML comment ``<!-- image -->`` is a comment above).

Nothing is rewritten: ``report_spans`` gives the parts of a line that are report text, so cells keep their
exact character offsets in the document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# the colon may come out of an OCR engine as a semicolon (「标题; …」, 「栏目; …」)
_KV = re.compile(r"^\s*([A-Za-z\u4e00-\u9fff][A-Za-z\u4e00-\u9fff ]{0,9}?)\s*[:：;；]\s*(.*?)\s*$")
_TITLE_KEYS = {"标题", "题目", "文章标题", "名称", "title"}
_DATE_KEYS = {"发布时间", "发布日期", "发文日期", "成文日期", "日期", "时间", "date", "published", "pubdate"}
_HEADER_KEYS = _TITLE_KEYS | _DATE_KEYS | {
    "发文字号", "索引号", "发布机构", "发文机关", "来源", "信息来源", "栏目", "所属栏目", "分类", "主题分类",
    "原文链接", "链接", "网址", "url", "source", "本地目录", "路径", "作者", "关键词", "有效性", "浏览次数", "点击数",
}
_SEPARATOR = re.compile(r"^\s*(?:[=\-_*#~]{3,}.*[=\-_*#~]{3,}|[=\-_*#~]{5,})\s*$")
# 「==== 正文 ====」 read from pixels: the rules come out as 一, 二, a lone = or a colon (「一一   一 正文 一   一一」)
_OCR_SEPARATOR = re.compile(r"^[\s=\-_*#~一二—－:：]*正文[\s=\-_*#~一二—－:：]*$")


def _separator(line: str) -> bool:
    if _SEPARATOR.match(line):
        return True
    return bool(_OCR_SEPARATOR.match(line)) and sum(ch in "=-_*#~一二—－" for ch in line) >= 2


_DATE = re.compile(r"((?:19|20)\d{2})\s*(?:[-./年])\s*(\d{1,2})\s*(?:[-./月])\s*(\d{1,2})")

# navigation crumb at the head of the page text, and the bar that ends it
_WHERE = r"(?:当前位置|您当前的位置|您现在的位置|您的位置|所在位置|当前页面|位置)\s*[:：]"
_CRUMB = re.compile(rf"^\s*(?:{_WHERE}|首页\s*[>＞»›])")
# the path itself, "首页 > 政务公开 > 年报", up to its last item followed by white space
_PATH = re.compile(rf"^\s*(?:{_WHERE}\s*)?首页(?:\s*[>＞»›/]\s*[^\s>＞»›/]{{1,24}}(?=\s))+")
# a line of the page's info bar: "发布时间：2023-01-05 来源：某某局 浏览次数：12"
_INFO_KEY = re.compile(r"(?:^|\s|】|【)(发布时间|发布日期|来源|信息来源|浏览次数|点击数|访问量|作者|字号|字体|索引号|"
                       r"发布机构|文号|时间|日期)\s*[:：]")
_CRUMB_END = re.compile(r"相关链接\s*[:：]?|文件下载|全真版|文字版|QQ空间|微博|微信|分享到\s*[:：]?|【\s*(?:打印|关闭)[^】]{0,4}】"
                        r"|打印本页|关闭窗口|字号\s*[:：]?\s*(?:[大中小]\s*){1,3}|-->")
_CRUMB_WINDOW = 600  # the crumb, the title and the source/time line fit in this
_CRUMB_GAP = 12  # the items of the share/print bar follow each other closely
# debris anywhere in a line, by kind:
_CONDITIONAL = r"<!--\[if[^\]]*\]>?(?:-->)?|<!\[endif\]>?(?:-->)?|<!--\[endif\]-->|<!--.*?-->"  # (conditional) comments
_COMMENT_END = r"(?<!\S)-->"  # a comment end left alone
# Word's style sheet as a page shows it when a CMS pastes it into the text: 「Normal 0 7.8 磅 0 2 false false false
# EN-US ZH-CN X-NONE /* Style Definitions */ table.MsoNormalTable {mso-style-name:普通表格; …}」. Printed and read
# back it is cut by line wraps (its block runs on past the line) and an OCR engine misreads its letters
# (「NormaL」, 「StytLe Definitions」). Its parts:
_NORMAL = r"(?i:norma\w)"  # 「Normal」 however its last letter is read
_SETTINGS = _NORMAL + r"\s+\d[^{}/]{0,160}"  # the settings before the comment: 「Normal 0 7.8 磅 … ZH-CN X-NONE 」
_X_NONE = r"(?:[A-Z]{2}\s+)?X-NONE\s*"  # … or only their last words, the line having begun after 「Normal」
_TITLE = r"/\*\s*St\w{2,4}\s+Definitions\s*\*/"  # 「/* Style Definitions */」
_FIRST_RULE = r"[^{}]{0,200}\{[^{}]*(?:\}|$)"  # 「table.MsoNormalTable {…}」, to its end or the line's
_STYLE_SHEET = "(?:" + _SETTINGS + "|" + _X_NONE + ")?" + _TITLE + _FIRST_RULE
_STYLE_START = _NORMAL + r"\s+\d\s+[\d.]+\s*磅[^{}]{0,80}$"  # its first words closing a line: 「Normal 0 7.8 磅 0 2 false…」
# a line of its declarations (「mso-tstyle-rowband-size:0; … font-family:"Times New Roman";}」), maybe starting with
# the tail of a word cut at the line's start (「orphan; font-size:10.0pt; …」)
_DECLARATIONS = r"^\s*(?:[A-Za-z][\w-]*;\s*)?(?:[A-Za-z]\w*-[\w-]*\s*:[^;{}]*;\s*){2,}(?:[^{}]*\}|[\w-]+(?:\s*:[^;{}]*)?$)?"
_MSO_RULE = r"[\w.#-]*Mso\w*\s*\{[^{}]*\}"  # a stray Mso… rule
_MD_IMAGE = r"!\[[^\]\n]{0,200}\](?:\([^)\n]{0,500}\)|\[[^\]\n]{0,100}\])"  # a Markdown image: ![图](a.png), ![图][1]
_PLACEHOLDER = r"(?i:\[(?:image|img|picture|figure|图片|图像|插图)(?:\s*[:：][^\]\n]{0,80})?\])"  # a converter's [image: …]
_DEBRIS = re.compile("|".join((_CONDITIONAL, _STYLE_SHEET, _STYLE_START, _DECLARATIONS, _MSO_RULE, _COMMENT_END,
                               _MD_IMAGE, _PLACEHOLDER)))
# a line that may hold an image placeholder (a quick test before the pattern)
_IMAGE_HINT = re.compile(r"!\[|\[(?i:image|img|picture|figure)|\[(?:图片|图像|插图)")
_TRAILER = re.compile(r"(?:附件下载|附件\s*[:：]?\s*下载|扫一扫在手机上?打开当前页|【?\s*打印本页\s*】?|【?\s*关闭窗口\s*】?|【\s*打印\s*】|【\s*关闭\s*】)\s*$")

_TRAILER_LAST = tuple("载页口】")  # last character of a trailer (a quick test before the pattern)
# debris is only looked for in a line holding one of "<!", "-->", "Mso", "Definitions", "磅", "mso-", "font-" or an
# image hint


@dataclass
class Header:
    lines: int = 0  # leading lines that are the crawler's header (0: none)
    title: str | None = None
    date: str | None = None  # YYYY-MM-DD


def is_crumb(text: str) -> bool:
    """``text`` is the page's navigation path (当前位置：首页 > 政务公开 > 政府信息公开年报), wherever it
    stands: a spreadsheet or Markdown table made of the page keeps it as a cell."""
    return bool(_CRUMB.match(text))


_URL = re.compile(r"^\s*https?://", re.I)  # a value's line, not a key's (「https」 before a colon)


def _date_of(value: str) -> str | None:
    d = _DATE.search(value)
    if d and 1 <= int(d.group(2)) <= 12 and 1 <= int(d.group(3)) <= 31:
        return f"{int(d.group(1)):04d}-{int(d.group(2)):02d}-{int(d.group(3)):02d}"
    return None


def _header_key(line: str) -> str | None:
    m = _KV.match(line)
    return m.group(1).strip().lower() if m and m.group(1).strip().lower() in _HEADER_KEYS else None


def _value_below(lines: list[str], i: int, key_at: int) -> tuple[str, str, int] | None:
    """The value of the header key on line ``key_at``, written with nothing after its colon, on lines ``i``…:
    (key, the value's lines joined, the line after them), when another of the header's keys or its separator
    follows within three lines (blank ones not counted), none of them longer than a wrapped value."""
    if key_at < 0 or (key := _header_key(lines[key_at])) is None or _KV.match(lines[key_at]).group(2):  # type: ignore[union-attr]
        return None
    if any(x.strip() for x in lines[key_at + 1:i]):
        return None  # the key's next line is not this one
    parts: list[str] = []
    j = i
    while j < len(lines) and len(parts) <= 3:  # (a fourth line: no value of a header's)
        line = lines[j]
        if not line.strip():
            j += 1
            continue
        if _separator(line) or _header_key(line) is not None:
            break
        if _KV.match(line) and not _URL.match(line):
            if not parts:
                return None
            break  # another key (「文号:」, not one the header is known by)
        if len(line.strip()) > 100:
            return None
        parts.append(line)
        j += 1
    if not parts or len(parts) > 3 or j >= len(lines):
        return None
    text = "".join(p.strip() for p in parts) if key in _TITLE_KEYS else " ".join(p.strip() for p in parts)
    return key, text, j


def _past_separator(lines: list[str], i: int) -> int:
    """The line after the header's closing separator on line ``i``; written a word a line (「====」 / 「正文」 /
    「====」), after its three lines."""
    rest = [k for k in range(i + 1, min(len(lines), i + 6)) if lines[k].strip()][:2]
    if len(rest) == 2 and lines[rest[0]].strip() == "正文" and _separator(lines[rest[1]]):
        return rest[1] + 1
    return i + 1


def crawler_header(lines: list[str]) -> Header:
    """The leading ``key: value`` header of a crawler's dump, if the text starts with one."""
    known = 0
    last_kv = -1
    title = date = None
    i = 0
    while i < len(lines) and i < 40:
        line = lines[i]
        if not line.strip():
            i += 1
            continue
        m = None if _URL.match(line) and last_kv == i - 1 and _value_below(lines, i, last_kv) else _KV.match(line)
        if _separator(line):
            if known >= 2:  # the header's closing separator, after its lines (and blank or wrapped ones)
                return Header(_past_separator(lines, i), title, date)
            break
        if not m:
            # a key with its value on the lines after it (a tool that writes a word a line: 「标题:」 / 「某某局2025」 /
            # 「年度政府信息公开工作年度报告」 / 「发布时间:」 / 「2026-01-21」 / 「15:16」): the value when another key
            # of the header follows within a few lines
            if (below := _value_below(lines, i, last_kv)) is not None:
                key, text, i = below
                if key in _TITLE_KEYS and title is None:
                    title = text
                if key in _DATE_KEYS and date is None:
                    date = _date_of(text)
                continue
            # a value wrapped onto the next line (a long 原文链接 or 本地目录 printed at a page's width): part
            # of the header when the header's closing separator follows within a few lines (blank lines not
            # counted: an OCR engine may leave one after every line)
            if known >= 2 and len(line.strip()) <= 100 and any(
                    _separator(x) for x in [y for y in lines[i + 1:i + 16] if y.strip()][:5]):
                i += 1
                continue
            break
        key = m.group(1).strip().lower()
        if key in _HEADER_KEYS:
            known += 1
            value = m.group(2)
            if key in _TITLE_KEYS and value and title is None:
                title = value
            if key in _DATE_KEYS and date is None:
                date = _date_of(value)
        elif len(m.group(2)) > 60:  # a sentence with a colon: the report has begun
            break
        last_kv = i
        i += 1
    if known < 2:
        return Header()
    # a closing separator within a few lines (after notes such as "页面链接与图片详见 links.tsv")
    for j in range(last_kv + 1, min(len(lines), last_kv + 4)):
        if _separator(lines[j]):
            return Header(j + 1, title, date)
        if len(lines[j].strip()) > 60:
            break
    if known >= 3:
        return Header(last_kv + 1, title, date)
    return Header()


def report_spans(line: str) -> list[tuple[int, int]]:
    """The parts of ``line`` (start, end offsets) that are report text, furniture left out.

    A line with no furniture is one part, the whole line (its white space included)."""
    start, end = 0, len(line)
    m: re.Match[str] | None
    if (len(line) <= 160 and ("时间" in line or "日期" in line or "来源" in line or "浏览" in line)
            and len({m.group(1) for m in _INFO_KEY.finditer(line)}) >= 2):
        return []  # the page's info bar
    has_debris = ("<!" in line or "-->" in line or "Mso" in line or "Definitions" in line or "磅" in line
                  or "mso-" in line or "font-" in line
                  or ("[" in line and _IMAGE_HINT.search(line) is not None))
    if not has_debris and line.rstrip()[-1:] not in _TRAILER_LAST and not _CRUMB.match(line):
        return [(0, end)] if line.strip() else []
    if _CRUMB.match(line):
        cut = None
        for m in _CRUMB_END.finditer(line, 0, min(len(line), _CRUMB_WINDOW)):
            if cut is not None and m.start() - cut > _CRUMB_GAP:
                break  # the bar has ended: a later 微信 is report text (微信公众号)
            cut = m.end()
        if cut is None:
            if len(line) <= 120:
                return []
            path = _PATH.match(line)
            cut = path.end() if path else 0
        start = cut
    while line[start:end].rstrip()[-1:] in _TRAILER_LAST:
        m = _TRAILER.search(line, start, end)
        if not m:
            break
        end = m.start()
        if end <= start:
            return []
    spans: list[tuple[int, int]] = []
    pos = start
    debris = _DEBRIS.finditer(line, start, end) if has_debris else ()
    for m in debris:
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, end))
    out = []
    for a, b in spans:
        while a < b and line[a].isspace():
            a += 1
        while b > a and line[b - 1].isspace():
            b -= 1
        if b > a:
            out.append((a, b))
    return out
