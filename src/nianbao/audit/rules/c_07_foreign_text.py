from __future__ import annotations

import re

from ..base import Context, Rule, Severity
from ._common import section_title

# a run of six or more English words: prose, not a name, an acronym or a web address
_ENGLISH = re.compile(r"[A-Za-z][A-Za-z'’-]*(?:[ \t]*[,;:]?[ \t]+[A-Za-z][A-Za-z'’-]*){5,}")
# what a copied web page leaves: Markdown emphasis around a field name, the breadcrumb of a site
_WEB = re.compile(r"^\s*[-*]?\s*(?:\*\*[^*\n]{1,12}[:：]?\*\*|[^*\n]{1,12}[:：]\*\*)|当前位置[:：]?\*{0,2}\s*首页\s*[>＞›]")


def debris(text: str) -> list[tuple[int, str]]:
    """(line number within the section, the line) of each line that is not the report's own words."""
    out: list[tuple[int, str]] = []
    # most sections have neither: an English run stays within a line ([ \t] between its words) and both of
    # _WEB's branches need 「**」 or 「当前位置」, so a text without them has no such line
    if "**" not in text and "当前位置" not in text and not _ENGLISH.search(text):
        return out
    for i, line in enumerate(text.split("\n"), start=1):
        if _ENGLISH.search(line) or _WEB.search(line):
            out.append((i, line.strip()))
    return out


def _excerpt(line: str, limit: int = 40) -> str:
    """The line's start, cut at a word where it is English, marked （节选） when cut (no ellipsis:
    tables mark a cut cell with one)."""
    if len(line) <= limit:
        return line
    cut = line[:limit]
    if " " in cut and line[limit] != " ":
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip() + "（节选）"


class ForeignText(Rule):
    """正文夹杂非报告文字：英文说明、网页抓取残留等不属于报告的文字。

    检查什么：各部分正文中整句的英文（连续六个以上英文单词），以及复制网页时带入的残留
    （Markdown 加粗的字段名如「**标题:**」、「当前位置：首页 >」导航）。机构简称、网址、
    APP 等零散英文不算。

    为什么重要：这类文字来自采集或转换工具（例如对网页截图的英文描述），不是机关的报告内容；
    照此发布，公开的年报里会出现与报告无关的英文段落和网页碎片。生成报告时遇到这一问题会
    停下，确认后才能加 --force 照样生成。

    示例：“The screenshot shows the official website of the Liaocheng Statistical Bureau …”；
    “- 标题:** 解读：1-11月全市经济持续稳定恢复”。

    依据：《中华人民共和国政府信息公开条例》第五十条（年度报告的内容）；报告正文应当只含报告本身的文字。
    """

    code = "C-07"
    name = "foreign-text"
    severity = Severity.warning
    blocks_publishing = True
    message = "「{heading}」正文第 {line} 行夹杂非报告文字：「{excerpt}」{more}"
    fix = "删除这些不属于报告的文字（英文说明、网页残留），核对原文后再生成或发布。"

    def check(self, ctx: Context):
        for s in ctx.record.sections:
            found = debris(s.text)
            if not found:
                continue
            line, text = found[0]
            more = f"（本部分共 {len(found)} 行）" if len(found) > 1 else ""
            yield self.finding(ctx, [f"sections.{s.id}"], expected=None, actual=_excerpt(text, 30),
                               heading=section_title(s), line=line, excerpt=_excerpt(text), more=more,
                               key=s.id)
