from __future__ import annotations

import re

from ...format import norm
from ..base import Context, Rule, Severity
from ._common import section, section_body, section_title

# a shortcoming may also be written as what the work cannot yet do: 「还不能完全满足社会公众的需求…仍有进一步改进的空间」
_PROBLEM = re.compile(r"问题|不足|差距|短板|薄弱|有待|不够|不强|不高|欠缺|滞后|不到位|不规范|不及时|不全面|不充分|单一"
                      r"|不能(?:完全|充分|很好地?)?满足|(?:改进|提升|提高|完善)的?空间")
_MEASURE = re.compile(r"下一步|下步|今后|改进|整改|措施|加强|强化|提升|提高|完善|健全|推进|加大|优化|规范")
_NOTHING = re.compile(r"^(?:无|没有|暂无|无问题)[。.]?$")
_MIN_CHARS = 20


class ProblemsEmpty(Rule):
    """“五、存在的主要问题及改进情况”为空或没有具体内容。

    检查什么：第五部分正文（不含标题）是否为空、只有“无”，或太短（不足20字）；
    是否既写了存在的问题（如“不足”“有待”“不够”），又写了改进措施（如“下一步”“加强”“完善”）。

    为什么重要：条例第五十条要求报告“政府信息公开工作存在的主要问题及改进情况”；
    只写“无”或一两句套话，是评估中“内容不翔实”“敷衍塞责”的典型表现。

    示例：“五、存在的主要问题及改进情况 / 无。”

    依据：《中华人民共和国政府信息公开条例》第五十条（四）；国办公开办函〔2021〕30号（敷衍塞责）。
    判断：关键词法只能发现明显空泛的情形；找不到第五部分时由 S-01 报告。
    """

    code = "C-04"
    name = "problems-empty"
    severity = Severity.warning
    message = "「{heading}」部分{problem}"
    fix = "具体写明本年度工作存在的主要问题，以及针对每个问题的改进措施和进展。"

    def check(self, ctx: Context):
        s = section(ctx.record, "s5_problems")
        if s is None:
            return
        body = norm(section_body(s))
        if not body or _NOTHING.match(body) or len(body) < _MIN_CHARS:
            problem = "没有内容" if not body else f"只有「{body[:20]}」，没有具体的问题和改进措施"
        else:
            lacks = [w for w, pat in (("存在的问题", _PROBLEM), ("改进措施", _MEASURE)) if not pat.search(body)]
            if not lacks:
                return
            problem = f"没有写明{'和'.join(lacks)}"
        yield self.finding(ctx, ["sections.s5_problems"], expected="问题及改进措施", actual=body[:60] or None,
                           heading=section_title(s), problem=problem)
