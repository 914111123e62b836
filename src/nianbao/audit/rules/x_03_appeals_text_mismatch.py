from __future__ import annotations

from ..base import Context, Rule, Severity
from ._common import T4_COLUMN_ZH, quote

_KINDS = (
    # narrative key, outcome key, 表四 groups, name, where in 表四
    ("reviews", "review_outcomes", ("review",), "行政复议", "「行政复议」"),
    ("lawsuits", "lawsuit_outcomes", ("litigation_direct", "litigation_after_review"), "行政诉讼",
     "两组行政诉讼"),
)


def _total(appeals, groups: tuple[str, ...], col: str):
    vals = [getattr(getattr(appeals, g), col) for g in groups]
    return None if any(v is None for v in vals) else sum(vals)


class AppealsTextMismatch(Rule):
    """正文所述行政复议、行政诉讼件数与表四不一致。

    检查什么：正文所述行政复议件数是否等于表四「行政复议」总计，行政诉讼件数是否等于表四两组行政诉讼
    （未经复议直接起诉、复议后起诉）总计之和；正文写明结果的（如“行政复议5件(4件结果维持,1件结果纠正)”、
    “均尚未审结”），逐项与表四对应列比较；正文说“没有行政复议/行政诉讼”而表四有案件时也报告。
    表四对应格子空白时不比较（见 T4-03）。

    为什么重要：复议、诉讼情况是条例第五十条要求报告的内容，正文和表格说法不一，
    读者无法知道实际有多少案件、结果如何。

    示例：正文“行政复议 2 件”，表四「行政复议」「总计」为 1。

    依据：条例第五十条（三）；国办公开办函〔2021〕30号 表四。
    """

    code = "X-03"
    name = "appeals-text-mismatch"
    severity = Severity.warning
    message = "{said}{quote}，表四{where}为 {expected}"
    fix = "核对复议、诉讼案件台账，使正文与表四一致。"

    def check(self, ctx: Context):
        record = ctx.record
        appeals = record.appeals
        if appeals is None:
            return
        nar = record.narrative
        for key, okey, groups, kind, where in _KINDS:
            n = nar.get(key)
            if not isinstance(n, (int, float)):
                continue
            plural = "之和" if len(groups) > 1 else ""
            text = quote(record, key)
            total = _total(appeals, groups, "total")
            if total is not None and total != n:
                yield self.finding(ctx, [f"narrative.{key}", *(f"appeals.{g}.total" for g in groups)],
                                   expected=total, actual=n, said=f"正文所述{kind} {n} 件" if n else f"正文说没有{kind}",
                                   quote=text, where=f"{where}「总计」{plural}", key=key)
                continue
            outcomes = nar.get(okey)
            if not isinstance(outcomes, dict):
                continue
            for col, m in outcomes.items():
                v = _total(appeals, groups, col)
                if v is not None and v != m:
                    yield self.finding(ctx, [f"narrative.{okey}", *(f"appeals.{g}.{col}" for g in groups)],
                                       expected=v, actual=m, said=f"正文所述{kind}「{T4_COLUMN_ZH[col]}」 {m} 件",
                                       quote=text, where=f"{where}「{T4_COLUMN_ZH[col]}」{plural}", key=f"{key}.{col}")
