from __future__ import annotations

import re

from ...format import Format, norm
from ..base import Context, Rule, Severity

TITLE_PHRASE = Format.TITLE_PHRASE

_YEAR = re.compile(r"(?:19|20)\d{2}年|[〇零一二三四五六七八九]{4}年")


class TitleIncomplete(Rule):
    """标题缺少机关名称、年度或“政府信息公开工作年度报告”字样。

    检查什么：报告标题是否同时包含机关名称、报告年度（如“2021年”）和
    “政府信息公开工作年度报告”这一固定名称；找不到标题时也报告。

    为什么重要：标题是读者和检索系统识别报告的依据；写成“政府信息公开工作报告”“年报”
    或漏写年度、机关，容易与其他年度、其他机关的报告混淆，也不便归档。

    示例：“××县商务局政府信息公开工作报告”——缺年度，且不是“年度报告”。

    依据：条例第四十九条、第五十条称“政府信息公开工作年度报告”；国办公开办函〔2021〕30号 格式标题。
    判断：机关名称可以写在标题上方单独一行（解析器会把它并入标题）；年度可用阿拉伯数字或汉字。
    """

    code = "S-05"
    name = "title-incomplete"
    severity = Severity.warning
    message = "标题「{title}」缺少：{missing}"
    fix = "标题写成“机关名称 + 年度 + 政府信息公开工作年度报告”，如“××市统计局2023年政府信息公开工作年度报告”。"

    def check(self, ctx: Context):
        meta = ctx.record.meta
        if not meta.title:
            yield self.finding(ctx, ["meta.title"], expected=TITLE_PHRASE, actual=None, title="（未找到标题）",
                               missing="整个标题", key="none")
            return
        t = norm(meta.title)
        missing = []
        if not meta.agency or norm(meta.agency) not in t:
            missing.append("机关名称")
        if not _YEAR.search(t):
            missing.append("报告年度")
        if TITLE_PHRASE not in t:
            missing.append(f"“{TITLE_PHRASE}”字样")
        if missing:
            yield self.finding(ctx, ["meta.title"], expected=TITLE_PHRASE, actual=meta.title, title=meta.title,
                               missing="、".join(missing), key="/".join(missing))
