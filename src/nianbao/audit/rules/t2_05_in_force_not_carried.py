from __future__ import annotations

from ...record import Active2021
from ..base import Context, Rule, Severity


class InForceNotCarried(Rule):
    """现行有效件数与上年衔接不上。

    检查什么：表二“规章”“行政规范性文件”两行，本年“现行有效件数”是否等于
    上年报告的“现行有效件数”+ 本年“本年制发件数”− 本年“本年废止件数”。需要同一机关上一年度的报告。

    为什么重要：现行有效件数是存量，逐年由上年存量加新制发、减废止得到；对不上说明某一年的存量、
    制发或废止填错，或清理文件时没有在表中反映。文件也可能因失效、被修改而减少，所以只作提示。

    示例：上年现行有效 12 件，本年制发 3 件、废止 1 件，本年现行有效却填 20 件（应为 14 件）。

    依据：国办公开办函〔2021〕30号 表二 第二十条第（一）项（推断规则，跨年度核对）。
    """

    code = "T2-05"
    name = "in-force-not-carried"
    severity = Severity.info
    message = ("{cell0}为 {actual}，与上年衔接不上：上年（{prev_year}年）现行有效 {prev} + 本年制发 {issued}"
               " − 本年废止 {repealed} = {expected}")
    fix = "核对上年与本年的现行有效件数，以及本年制发、废止件数；如有文件失效或清理，在正文中说明。"
    needs_previous = True
    tables_only = True

    def check(self, ctx: Context):
        if ctx.previous is None:
            return
        cur, prev = ctx.record.active, ctx.previous.active
        if not isinstance(cur, Active2021) or not isinstance(prev, Active2021):
            return
        for key in ("regulations", "normative_documents"):
            row, last = getattr(cur, key), getattr(prev, key)
            if None in (row.in_force, row.issued, row.repealed, last.in_force):
                continue
            expected = last.in_force + row.issued - row.repealed
            if row.in_force != expected:
                yield self.finding(ctx, [f"active.{key}.in_force", f"active.{key}.issued", f"active.{key}.repealed"],
                                   expected=expected, actual=row.in_force, prev=last.in_force, issued=row.issued,
                                   repealed=row.repealed, prev_year=ctx.previous.meta.year or "上", key=key)
