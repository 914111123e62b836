from __future__ import annotations

from ..base import Context, Rule, Severity

# what 第五十条 asks for, and the words that count as mentioning it
_ITEMS = (("工作考核", ("考核",)), ("社会评议", ("评议",)), ("责任追究", ("责任追究", "追责", "问责", "追究责任")))


def is_people_government(meta) -> bool:
    """A 人民政府 itself (county, city, province or township), not one of its offices or a 街道办事处."""
    if meta.level == "government":
        return True
    return meta.level == "township" and (meta.agency or "").endswith("政府")


class AssessmentMissing(Rule):
    """人民政府的年度报告没有提及工作考核、社会评议和责任追究情况。

    检查什么：各级人民政府（县、市、省以及乡镇人民政府）本级的年度报告，正文是否提到
    工作考核、社会评议和责任追究（结果）情况；缺哪一项报告哪一项。

    为什么重要：条例第五十条规定，各级人民政府的年度报告“还应当包括工作考核、社会评议和责任追究结果情况”；
    国办公开办函〔2021〕30号把它放在“一、总体情况”的“监督保障”中。

    示例：某县人民政府报告的“监督保障”只写了培训，没有考核、评议和责任追究的情况。

    依据：《中华人民共和国政府信息公开条例》第五十条（四）、第四十六条；国办公开办函〔2021〕30号。
    判断：只适用于 level 为 government 的机关（名称以“人民政府”“政府”结尾）和乡镇人民政府；
    “××人民政府办公室”是部门、街道办事处不是一级政府，都不适用。在全部章节正文中查找关键词。
    """

    code = "C-01"
    name = "assessment-missing"
    severity = Severity.warning
    message = "人民政府的年度报告没有提及{missing}情况（条例第五十条）"
    fix = "在“一、总体情况”的“监督保障”中写明本年度工作考核、社会评议和责任追究结果情况。"

    def check(self, ctx: Context):
        record = ctx.record
        if not is_people_government(record.meta) or not record.sections:
            return
        text = "".join(s.text for s in record.sections)
        missing = [name for name, words in _ITEMS if not any(w in text for w in words)]
        if missing:
            present = [n for n, _ in _ITEMS if n not in missing]
            yield self.finding(ctx, ["sections.s1_overview"], expected="、".join(n for n, _ in _ITEMS),
                               actual="仅提及" + "、".join(present) if present else "均未提及",
                               missing="、".join(missing), key="/".join(missing))
