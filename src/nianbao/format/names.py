"""Chinese names of record paths, for messages and tables: 'requests.granted.total' → 表三「（一）予以公开」行「总计」列."""

from __future__ import annotations

from functools import lru_cache

from .spec import (
    ACTIVE_2019,
    ACTIVE_2021,
    SECTIONS,
    T3_COLUMNS,
    T3_ROW_BY_KEY,
    T3_SUBTOTAL,
    T3_SUBTOTAL_KEY,
    T4_COLUMNS,
    T4_GROUPS,
    T4_LITIGATION,
    TABLES,
)

_T3_COL = {c.key: c.label for c in T3_COLUMNS}
_T3_EXTRA_COL = {T3_SUBTOTAL_KEY: T3_SUBTOTAL}  # a column some reports add, named in a finding
_T4_COL = {c.key: c.label for c in T4_COLUMNS}
_T4_GROUP = {g.key: g.label for g in T4_GROUPS}
_ACTIVE_ALL = (*ACTIVE_2021, *ACTIVE_2019)
_ACTIVE = {it.key: it for it in reversed(_ACTIVE_ALL)}  # 2021 wording wins where keys are shared
_META = {"agency": "机关名称", "year": "报告年度", "published": "落款日期", "title": "标题",
         "doc_kind": "文档类型", "format": "格式版本", "file": "文件"}
_NARRATIVE = {
    "proactive_items": "正文所述主动公开信息条数", "requests_received": "正文所述收到申请件数",
    "reviews": "正文所述行政复议件数", "lawsuits": "正文所述行政诉讼件数",
    "normative_documents_issued": "正文所述制发规范性文件件数", "processing_fees_yuan": "正文所述信息处理费（元）",
    "fee_charged": "正文所述是否收取信息处理费", "statistics_period": "正文所述统计期限",
    "declared_parts": "正文所述报告组成部分数", "compared_years": "正文中比较所用的年份",
    "review_outcomes": "正文所述行政复议结果", "lawsuit_outcomes": "正文所述行政诉讼结果",
    "outcome_granted": "正文所述予以公开件数", "outcome_partially_granted": "正文所述部分公开件数",
    "outcome_denied": "正文所述不予公开件数", "outcome_unavailable": "正文所述无法提供件数",
    "outcome_declined": "正文所述不予处理件数", "outcome_granted_share": "正文所述予以公开占比",
    "outcome_partially_granted_share": "正文所述部分公开占比", "outcome_denied_share": "正文所述不予公开占比",
    "outcome_unavailable_share": "正文所述无法提供占比", "outcome_declined_share": "正文所述不予处理占比",
}
_SECTION = {s.id: s for s in SECTIONS}
_TABLE = {t.key: t.name for t in TABLES}


def appeal_group_name(key: str) -> str:
    """"行政复议", "行政诉讼·未经复议直接起诉", "行政诉讼·复议后起诉"."""
    name = _T4_GROUP.get(key, key)
    return f"{T4_LITIGATION}·{name}" if key.startswith("litigation") else name


@lru_cache(maxsize=4096)
def cell_name(path: str) -> str:
    parts = path.split(".")
    head = parts[0]
    if len(parts) == 1 and head in _TABLE:  # a whole table: 'appeals' → 表四
        return _TABLE[head]
    if head == "requests" and len(parts) >= 3 and parts[1] == "*":  # a whole column: 'requests.*.subtotal'
        return f"表三「{_T3_COL.get(parts[2]) or _T3_EXTRA_COL.get(parts[2], parts[2])}」列"
    if head == "requests" and len(parts) >= 2:
        row = T3_ROW_BY_KEY.get(parts[1])
        name = f"表三「{row.label if row else parts[1]}」"
        if len(parts) >= 3:
            name += f"行「{_T3_COL.get(parts[2], parts[2])}」列"
        return name
    if head == "appeals" and len(parts) >= 2:
        group = appeal_group_name(parts[1])
        return f"表四「{group}」" + (f"「{_T4_COL.get(parts[2], parts[2])}」" if len(parts) >= 3 else "")
    if head == "active" and len(parts) >= 2:
        item = _ACTIVE.get(parts[1])
        if parts[1] == "*" and len(parts) >= 3:
            col = next((c.label for it in _ACTIVE_ALL for c in it.columns if c.key == parts[2]), parts[2])
            return f"表二「{col}」列"
        if item is None:
            return f"表二「{parts[1]}」"
        name = f"表二「{item.label}」"
        if len(parts) >= 3:
            col = next((c.label for it in _ACTIVE_ALL if it.key == parts[1] for c in it.columns
                        if c.key == parts[2]), parts[2])
            name += f"「{col}」"
        return name
    if head == "sections" and len(parts) >= 2 and parts[1] in _SECTION:
        return f"第{_SECTION[parts[1]].number}部分「{_SECTION[parts[1]].label}」"
    if head == "meta" and len(parts) >= 2:
        return _META.get(parts[1], parts[1])
    if head == "narrative" and len(parts) >= 2:
        return _NARRATIVE.get(parts[1], f"正文「{parts[1]}」")
    return path


@lru_cache(maxsize=4096)
def cell_parts(path: str) -> tuple[str, str | None]:
    """A cell's row and column names in Chinese, for tags placed where the table around them says the rest:
    'requests.granted.total' → ('（一）予以公开', '总计'); 'active.fees' → ('行政事业性收费', None); a path
    outside the tables (正文、元数据) → (cell_name(path), None)."""
    parts = path.split(".")
    head = parts[0]
    if head == "requests" and len(parts) == 3:
        row = T3_ROW_BY_KEY.get(parts[1])
        if row is not None and parts[2] in _T3_COL:
            return row.label, _T3_COL[parts[2]]
    if head == "appeals" and len(parts) == 3 and parts[1] in _T4_GROUP and parts[2] in _T4_COL:
        return appeal_group_name(parts[1]), _T4_COL[parts[2]]
    if head == "active" and len(parts) in (2, 3) and parts[1] in _ACTIVE:
        item = _ACTIVE[parts[1]]
        if len(parts) == 2:
            return item.label, None
        col = next((c.label for it in _ACTIVE_ALL if it.key == parts[1] for c in it.columns if c.key == parts[2]), None)
        if col is not None:
            return item.label, col
    return cell_name(path), None

