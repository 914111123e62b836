from __future__ import annotations

from ...format import Format
from ...record.paths import under
from ..base import Context, Rule, Severity
from ._common import COLUMN_ZH, request_rows, row_label

# Without these totals neither the identity (T3-01) nor the outcome total (T3-02) can be checked.
_KEY_TOTALS = ("new_received", "carried_over", "total_processed", "carried_forward")


class RequestsBlankCell(Rule):
    """表三有空白单元格。

    检查什么：表三中没有填数字的单元格（空着，或只写了“-”“/”），每行报告一次并列出空白的列；
    如果“总计”列也是空白，说明这张表无法核对。

    为什么重要：空白不等于 0。读者无法判断是“没有发生”还是“没有统计”；
    本工具把空白记为 null，涉及空白格的勾稽关系和合计核对（T3-01/02/03）都只能跳过。

    示例：表三「（三）不予公开 1.属于国家秘密」行 7 列全部空白；
    表三「（七）总计」行「总计」列空白，整张表无法核对。

    依据：国办公开办函〔2021〕30号 表三；本项目约定“空白为 null，绝不当作 0”。
    判断：2019年格式（或沿用它的）单行“（六）其他处理”，其2021年的三个子项不算空白；
    解析器因原文数字无法唯一还原而留空的格子（见 L-03）也不算空白。
    """

    code = "T3-05"
    name = "requests-blank-cell"
    severity = Severity.warning
    message = "表三「{row}」行{cols}为空白{note}"
    fix = "填写实际件数；没有发生的填 0。"
    tables_only = True

    def check(self, ctx: Context):
        unread = ctx.record.unsettled()  # the reader's nulls (L-03), not the document's blanks
        for key, row in request_rows(ctx.record):
            blank = [c for c in Format.T3_COLUMN_KEYS
                     if getattr(row, c) is None and not under(f"requests.{key}.{c}", unread)]
            if not blank:
                continue
            cols = "全部 7 列" if len(blank) == len(Format.T3_COLUMN_KEYS) else "「" + "」「".join(COLUMN_ZH[c] for c in blank) + "」列"
            note = "，表格的勾稽关系和合计无法核对" if "total" in blank and key in _KEY_TOTALS else ""
            yield self.finding(ctx, [f"requests.{key}.{c}" for c in blank], expected="数字", actual=None,
                               row=row_label(key), cols=cols, note=note, key=key)
