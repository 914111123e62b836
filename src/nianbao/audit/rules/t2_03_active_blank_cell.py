from __future__ import annotations

from ...format.names import cell_name
from ...record.paths import under
from ..base import Context, Rule, Severity, leaves


class ActiveBlankCell(Rule):
    """表二有空白单元格。

    检查什么：表二中没有填数字的单元格（空着，或只写了“-”“/”）。每个事项（行）报告一次，列出空白的栏目。

    为什么重要：空白不等于 0——读者无法判断是“没有发生”还是“没有统计”；
    本工具把空白记为 null（不当作 0），相关的核对也因此无法进行。

    示例：表二「行政许可」「本年处理决定数量」为空。

    依据：国办公开办函〔2021〕30号 表二；本项目约定“空白为 null，绝不当作 0”。
    判断：解析器因原文数字无法唯一还原而留空的格子（见 L-03）不算空白。
    """

    code = "T2-03"
    name = "active-blank-cell"
    severity = Severity.warning
    message = "{cell}为空白{more}"
    fix = "填写实际数字；没有发生的事项填 0。"
    tables_only = True

    def check(self, ctx: Context):
        active = ctx.record.active
        if active is None:
            return
        unread = ctx.record.unsettled()  # the reader's nulls (L-03), not the document's blanks
        by_item: dict[str, list[str]] = {}
        for path, v in leaves(active, "active"):
            if v is None and not under(path, unread):
                by_item.setdefault(path.split(".")[1], []).append(path)
        for item, paths in by_item.items():
            more = f"（共 {len(paths)} 格：{'、'.join(cell_name(p) for p in paths)}）" if len(paths) > 1 else ""
            yield self.finding(ctx, paths, expected="数字", actual=None, more=more, key=item)
