from __future__ import annotations

from ...format import Format
from ..base import Context, Rule, Severity

# 二、三、四 carry the three tables: without them the report lacks what 第五十条 requires first.
_TABLE_OF = {"s2_active": "active", "s3_requests": "requests", "s4_appeals": "appeals"}
SECTIONS = Format.SECTIONS
_ORDER = {s.id: i for i, s in enumerate(SECTIONS)}


class SectionMissing(Rule):
    """六个部分缺失或顺序不对。

    检查什么：报告是否按格式写齐六个部分，并按 一、总体情况 / 二、主动公开政府信息情况 /
    三、收到和处理政府信息公开申请情况 / 四、政府信息公开行政复议、行政诉讼情况 /
    五、存在的主要问题及改进情况 / 六、其他需要报告的事项 的顺序排列（按标题关键词识别）。
    缺二、三、四（放表格的部分）且找不到该部分的表格为“错误”；只缺标题而表格还在、缺一、五、六
    或顺序颠倒为“警告”。

    为什么重要：条例第五十条列明年度报告必须包括的内容，国办公开办函〔2021〕30号要求各部分
    “不能遗漏”；缺了某一部分，读者和上级主管部门就无法核对相应的情况。

    示例：报告从“三、收到和处理政府信息公开申请情况”直接跳到“五、存在的主要问题及改进情况”，
    缺“四、政府信息公开行政复议、行政诉讼情况”。

    依据：《中华人民共和国政府信息公开条例》第五十条；国办公开办函〔2021〕30号。
    判断：2019年以前的报告（格式 pre2019）没有统一的六部分结构，不检查；文字解读不检查（见 S-04）。
    """

    code = "S-01"
    name = "section-missing"
    severity = Severity.error
    message = "第{number}部分「{label}」{problem}"
    fix = "按格式补齐该部分并放回原位：一总体情况、二主动公开、三收到和处理申请、四复议诉讼、五问题及改进、六其他事项。"
    tables_only = True

    def check(self, ctx: Context):
        record = ctx.record
        if record.meta.format == Format.PRE2019:
            return
        present = [s.id for s in record.sections if s.id in _ORDER]
        for sec in SECTIONS:
            if sec.id in present:
                continue
            table = _TABLE_OF.get(sec.id)
            if table and getattr(record, table) is not None:
                sev, problem = Severity.warning, "没有标题（该部分的表格已找到）"
            else:
                sev, problem = (Severity.error if table else Severity.warning), "缺失"
            yield self.finding(ctx, [f"sections.{sec.id}"], expected=sec.label, actual=None, severity=sev,
                               number=sec.number, label=sec.label, problem=problem, key=sec.id)
        # out of order: a section that comes after one the format puts behind it
        seen_max = -1
        last_id = None
        reported: set[str] = set()
        for sid in present:
            i = _ORDER[sid]
            if i < seen_max and sid not in reported:
                reported.add(sid)
                sec, after = SECTIONS[i], SECTIONS[seen_max]
                yield self.finding(ctx, [f"sections.{sid}"], expected=i + 1, actual=present.index(sid) + 1,
                                   severity=Severity.warning, number=sec.number, label=sec.label,
                                   problem=f"顺序不对：出现在第{after.number}部分「{after.label}」之后",
                                   key=f"order:{sid}:{last_id}")
            seen_max = max(seen_max, i)
            last_id = sid
