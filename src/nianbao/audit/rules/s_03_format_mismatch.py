from __future__ import annotations

from ...format import Format
from ...record import Active2019, Active2021
from ..base import Context, Rule, Severity
from ._common import OTHER_SUBROWS


class FormatMismatch(Rule):
    """表格格式与报告年度不符。

    检查什么：报告年度 Y 与所用表格格式是否相符。Y ≥ 2021 的报告应使用国办公开办函〔2021〕30号
    格式；如仍使用〔2019〕60号试行格式的特征——表二“本年新制作数量 / 本年新公开数量”、
    “第二十条第（九）项 政府集中采购”，表三“（六）其他处理”只有一行——为“错误”。
    Y = 2019、2020 的报告应使用〔2019〕60号格式，却使用了2021年格式（表二“本年制发件数”、
    表三（六）分三个子项）时为“提示”。

    为什么重要：新格式改了表二的统计口径、把“其他处理”拆成三项；用旧表填新年度，
    数字无法与同年度其他机关比较，也说明报告是套用旧模板写成的。

    示例：2022年度报告的表三“（六）其他处理”只有一行，没有“1.申请人无正当理由逾期不补正…”等三个子项。

    依据：国办公开办函〔2021〕30号（自2021年度报告起施行）；国办公开办函〔2019〕60号。
    判断：只看表格本身的特征（表二的列、表三的行），不看正文；2019年以前的年度不检查。
    """

    code = "S-03"
    name = "format-mismatch"
    severity = Severity.error
    message = "{year}年度报告使用了{used}：{signs}；该年度应使用{want}"
    fix = "按该年度适用的格式模板重新填写表二、表三（2021年度起为国办公开办函〔2021〕30号格式）。"
    tables_only = True

    def check(self, ctx: Context):
        record = ctx.record
        year = record.meta.year
        want = Format.id_for_year(year)
        if want not in Format.IDS:
            return
        old, new = [], []
        if isinstance(record.active, Active2019):
            old.append("表二为“本年新制作数量 / 本年新公开数量 / 政府集中采购”格式")
        elif isinstance(record.active, Active2021):
            new.append("表二为“本年制发件数 / 本年废止件数 / 现行有效件数”格式")
        req = record.requests
        if req is not None:
            has_sub = any(k in req and any(v is not None for v in req[k].model_dump().values()) for k in OTHER_SUBROWS)
            if "other_total" in req and not has_sub:
                old.append("表三“（六）其他处理”只有一行")
            elif has_sub:
                new.append("表三“（六）其他处理”分三个子项")
        if record.meta.format == "2019" and not old:
            old.append("表格按〔2019〕60号格式识别")
        if want == "2021" and old:
            yield self.finding(ctx, ["meta.format"], expected="2021", actual="2019", year=year,
                               used="〔2019〕60号试行格式", signs="；".join(old),
                               want="国办公开办函〔2021〕30号格式", key="old")
        elif want == "2019" and new and not old:
            yield self.finding(ctx, ["meta.format"], expected="2019", actual="2021", severity=Severity.info,
                               year=year, used="国办公开办函〔2021〕30号格式", signs="；".join(new),
                               want="〔2019〕60号格式", key="new")
