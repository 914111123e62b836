from __future__ import annotations

from ...format import Format
from ..base import Context, Rule, Severity


class TableMissing(Rule):
    """表二、表三或表四缺失或无法读取。

    检查什么：报告里是否找到并读出了三张统计表：表二（主动公开政府信息情况）、表三（收到和处理
    政府信息公开申请情况）、表四（政府信息公开行政复议、行政诉讼情况）。解析器标记为“无法读取”
    的表格也在此报告。

    为什么重要：三张表是格式规定的统一统计口径，缺表就无法做勾稽关系、合计等任何核对，
    也无法与其他机关、其他年度比较。

    示例：报告的“四、政府信息公开行政复议、行政诉讼情况”只有一句“无”，没有表四。

    依据：国办公开办函〔2021〕30号 附件表格（〔2019〕60号 同）。
    判断：2019年以前的报告（格式 pre2019）没有统一表格，不检查；文字解读不检查（见 S-04）。
    """

    code = "S-02"
    name = "table-missing"
    severity = Severity.error
    message = "表{table}（{title}）{problem}"
    fix = "按格式模板补上该表并填写全部单元格（没有发生的填 0）。"
    tables_only = True

    def check(self, ctx: Context):
        record = ctx.record
        if record.meta.format == Format.PRE2019:
            return
        unreadable = {n.path.split(".")[0]: n for n in record.notes if n.kind == "unreadable" and n.path}
        for t in Format.TABLES:
            key, table, title = t.key, t.number, Format.table_title(t.key)
            if getattr(record, key) is not None:
                continue
            note = unreadable.get(key)
            problem = (f"无法读取（第 {note.line} 行附近「{note.text.strip()[:20]}」）" if note and note.line
                       else "无法读取" if note else "缺失：报告中没有找到这张表")
            yield self.finding(ctx, [key], expected=f"表{table}", actual=None, table=table, title=title,
                               problem=problem, key=key)
