from __future__ import annotations

from ...format import Format
from ..base import Context, Rule, Severity
from ._common import GROUP_ROWS, group_sum, quote, show

# narrative key → (表三 outcome group, name as the format prints it)
_OUTCOMES = tuple((f"outcome_{key}", group, Format.outcome_group(group).keys[0]) for key, group in (
    ("granted", "granted"), ("partially_granted", "partial"), ("denied", "denied"),
    ("unavailable", "unavailable"), ("declined", "declined")))


def _tolerance(share: float) -> float:
    """Half a unit of the last digit the text prints (32.9% → 0.05), plus float slack."""
    text = f"{share:g}"
    places = len(text.split(".")[1]) if "." in text else 0
    return 0.5 * 10 ** -places + 1e-6


class OutcomeTextMismatch(Rule):
    """正文所述办理结果件数或占比与表三不一致。

    检查什么：正文写的各类办理结果件数（予以公开 N 件、部分公开、不予公开、无法提供、不予处理）
    是否等于表三对应行（或对应各子项之和）的总计；正文写了占比（“占32.9%”）的，
    按表三该项件数除以办理结果总计（或本年新收、新收加结转）计算，四舍五入到正文的位数后比较。

    为什么重要：正文常把某一子项（如“本机关不掌握”）当作整类（“无法提供”）来写，或占比算错，
    读者会得出错误的结论。

    示例：正文“因本机关不掌握等原因无法提供265件，占32.9%”，表三（四）无法提供三个子项之和为 337。

    依据：国办公开办函〔2021〕30号 表三“三、本年度办理结果”。
    判断：占比的分母各机关写法不一，与三种分母中任一种相符即不报告。
    """

    code = "X-05"
    name = "outcome-text-mismatch"
    severity = Severity.warning
    message = "正文所述「{outcome}」{what}{quote}，表三为 {expected}"
    fix = "按表三改正正文中的办理结果件数或占比（注意是整类还是其中一个子项）。"

    def check(self, ctx: Context):
        record = ctx.record
        req = record.requests
        if not req:
            return
        nar = record.narrative
        denominators = self._denominators(req)
        for key, group, name in _OUTCOMES:
            table = group_sum(req, group)
            if table is None:
                continue
            cells = [f"requests.{k}.total" for k in GROUP_ROWS[group] if k in req]
            n = nar.get(key)
            if isinstance(n, (int, float)) and n != table:
                yield self.finding(ctx, [f"narrative.{key}", *cells], expected=table, actual=n, outcome=name,
                                   what=f" {show(n)} 件", quote=quote(record, key), key=key)
            share = nar.get(f"{key}_share")
            if isinstance(share, (int, float)) and denominators:
                computed = [100.0 * table / d for d in denominators]
                tol = _tolerance(share)
                if not any(abs(c - share) <= tol for c in computed):
                    best = round(computed[0], 1)
                    yield self.finding(ctx, [f"narrative.{key}_share", *cells], expected=best, actual=share,
                                       outcome=name, what=f"占比 {show(share)}%",
                                       quote=quote(record, f"{key}_share"), key=f"{key}_share")

    @staticmethod
    def _denominators(req) -> list[float]:
        out = []
        for keys in (("total_processed",), ("new_received",), ("new_received", "carried_over")):
            vals = [req[k].total for k in keys if k in req]
            if len(vals) == len(keys) and None not in vals and sum(vals) > 0:
                out.append(float(sum(vals)))
        return out
