"""Consolidate a region: sum its subordinate units' reports into 表二/表三/表四, list 缺报 and late units,
and compare with the region's own report.

Sums are cell by cell, so every linear relation of the format (勾稽关系, totals) that holds in each unit's
table holds in the sum; where it does not, a unit's table was already broken (the audit of the sum says so).
A blank cell is left out of its sum, and the units that left it blank are listed. A cell a unit's report
does fill but whose text the reader could not settle (L-03) makes its sum unknown: the sum is null, not the
others' total, and the units are listed so the office can enter the number from the original and sum again.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..audit import Finding, audit
from ..format import Format, cell_name
from ..format.agency import region_chain
from ..record import Consolidated, Record, Signature, by_row, covered_note, under_note
from ..record.paths import under
from ..store import ReportRow, Store
from .layout import CellDef, cells

LATE_CODES = ("P-01", "P-02")
SUM_RULES = ("T3-01", "T3-02", "T3-03", "T4-01")


@dataclass
class Difference:
    path: str
    name: str
    own: Any  # the region's own report
    total: Any  # the sum of the units


@dataclass
class Consolidation:
    region: str
    year: int
    format: str
    units: list[str]  # the units summed
    record: Record  # the sums, as a record: signed by the office, record.consolidation says what it is
    layout: list[CellDef]
    blanks: dict[str, list[str]] = field(default_factory=dict)  # path → units that left it blank
    unsettled: dict[str, list[str]] = field(default_factory=dict)  # path → units whose number was not read (L-03)
    missing: list[str] = field(default_factory=list)  # 缺报: in the unit list, no report
    late: list[tuple[str, str | None]] = field(default_factory=list)  # (unit, published)
    own: str | None = None  # the region's own report, when stored
    differences: list[Difference] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)  # the audit of the sum
    notes: list[str] = field(default_factory=list)
    office: str = ""  # the consolidating office (汇总单位) that signs the report
    listed: bool = False  # the unit list names units under the region: 缺报 is judged against it
    via: dict[str, str] = field(default_factory=dict)  # a summed unit not directly under the region → what it is under
    covered: dict[str, str] = field(default_factory=dict)  # a unit not summed → the government whose report includes it

    def under(self, unit: str) -> str:
        """「（属X）」 after a summed unit not directly under the region, else "" (the report's wording)."""
        return under_note(unit, self.via)

    @staticmethod
    def within(by: str) -> str:
        """「（含在X的报告中）」 after a unit not summed, X's report including it (the report's wording)."""
        return covered_note(by)

    def unsettled_rows(self) -> list[tuple[str, int, list[str]]]:
        """``unsettled`` by row, as a page lists them: (the row's name, its cells not summed, the units)."""
        return [(cell_name(row), n, who) for row, n, who in by_row(self.unsettled)]

    def to_json(self) -> dict[str, Any]:
        """The consolidation as ``nianbao consolidate --json`` prints it."""
        return {"region": self.region, "year": self.year, "format": self.format, "office": self.office,
                "units": self.units, "listed": self.listed,
                "via": self.via, "covered": self.covered,
                "record": self.record.to_json_dict(), "blanks": self.blanks,
                "unsettled": self.unsettled, "missing": self.missing,
                "late": [{"unit": u, "published": p} for u, p in self.late], "own": self.own,
                "differences": [vars(d) for d in self.differences],
                "findings": [f.to_json() for f in self.findings], "notes": self.notes}


_PROVINCIAL = ("省", "自治区", "北京市", "天津市", "上海市", "重庆市")
_PLACE = ("市", "县", "区", "州", "盟", "旗", "自治县", "自治州")
# a zone governed by a management committee (管委会), not a people's government: 平潭综合实验区, 开发区 …
_ZONE = ("实验区", "试验区", "开发区", "高新区", "示范区", "合作区", "保税区", "园区")


def place_key(name: str | None) -> str:
    """The place a governing body governs, the key a region and the units' 上级 are matched under:
    聊城市人民政府 → 聊城市, 平潭综合实验区管委会 (管理委员会, 党工委管委会) → 平潭综合实验区, 古楼街道办事处 →
    古楼街道; any other name (a place, a department) as it is."""
    n = (name or "").strip().removesuffix("人民政府")
    if n.endswith("管委会"):
        return n[:-3].removesuffix("党工委")
    if n.endswith("管理委员会") and n[:-5].endswith(("区", "园")):  # not 国有资产监督管理委员会, a department
        return n[:-5].removesuffix("党工委")
    if n.endswith("街道办事处"):
        return n[:-3]
    return n


def office_name(region: str) -> str:
    """The office a region's 汇总 is signed by when the user names none: the office of its people's
    government (聊城市 → 聊城市人民政府办公室; a province's: 办公厅), a zone's management committee's
    (平潭综合实验区管委会 → 平潭综合实验区管委会办公室; a bare zone name: its 管委会办公室), a township's
    government, a street's 办事处; a parent unit that is not a place (a department) signs under its own name."""
    name = region.strip()
    if name.endswith(("管委会", "管理委员会")) and place_key(name) != name:  # a zone's management committee
        return f"{name}办公室"
    base = name.removesuffix("人民政府")
    if base.endswith(_ZONE):
        return f"{base}管委会办公室"
    if base.endswith(_PROVINCIAL):
        return f"{base}人民政府办公厅"
    if base.endswith(_PLACE):
        return f"{base}人民政府办公室"
    if base.endswith(("乡", "镇")):
        return f"{base}人民政府"
    if base.endswith("街道"):
        return f"{base}办事处"
    return name


def governing_unit(region: str, names: Iterable[str]) -> str:
    """The unit that governs ``region`` under the name the store knows it by (``names``: the unit list's
    units and 上级, the year's report agencies, in that order of preference): 平潭综合实验区 →
    平潭综合实验区管委会 when the unit list names it so. ``region`` itself when it names a governing body
    already, or when nothing in ``names`` governs it."""
    key = place_key(region)
    if region.strip() != key:
        return region.strip()
    return next((n for n in names if n != key and place_key(n) == key), region.strip())


def _add(a: Any, b: Any) -> Any:
    total = a + b
    return Format.plain(total) if float(total).is_integer() else round(total, 6)


def _nest(values: dict[str, Any]) -> dict:
    out: dict = {}
    for path, v in values.items():
        node = out
        *parents, last = path.split(".")
        for p in parents:
            node = node.setdefault(p, {})
        node[last] = v
    return out


def governs(name: str) -> bool:
    """The unit is the government of a place (聊城市东昌府区人民政府, 阿城镇, 古楼街道办事处, 平潭综合实验区管委会):
    its own report is the sum of the units below it, which a consolidation above it must not add again."""
    return office_name(name) != name.strip()


@dataclass
class _Below:
    summed: list[ReportRow]  # the reports to sum: each unit below the region counted once
    missing: list[str]  # listed units below the region with no report, not covered by a reported government
    via: dict[str, str]  # a summed unit not directly under the region → the unit (or region) it is under
    covered: dict[str, str]  # a unit whose report is not summed → the government whose report includes it
    listed: bool  # the unit list names units under the region


def _below(region: str, units: dict[str, dict], rows: list[ReportRow]) -> _Below:
    """The reports a consolidation of ``region`` sums: every unit below it in the unit tree (children,
    grandchildren …: a 片区 under a department is the region's too), and a unit not in the list by the region
    of its name (聊城市东昌府区教育和体育局 is below 聊城市). Each is counted once; a sub-region's government
    that reported (聊城市东昌府区人民政府) already sums the units below it, so theirs are not added again —
    they are named in ``covered``. A government with no report is 缺报, and the reports below it are summed."""
    key = place_key(region)
    tree: dict[str, list[str]] = {}
    for name, u in units.items():
        if u["parent"]:
            tree.setdefault(place_key(u["parent"]), []).append(name)
    report = {place_key(r.agency): r for r in rows if r.agency}
    out = _Below([], [], {}, {}, bool(tree.get(key)))
    seen, todo = {key}, [(c, "") for c in sorted(tree.get(key, []))]

    def cover(k: str, by: str) -> None:  # every report below k is in by's report
        for c in tree.get(k, []):
            ck = place_key(c)
            if ck not in seen:
                seen.add(ck)
                if ck in report:
                    out.covered[report[ck].agency or c] = by
                cover(ck, by)

    while todo:
        unit, above = todo.pop(0)
        k = place_key(unit)
        if k in seen:
            continue
        seen.add(k)
        row = report.get(k)
        if row is None:
            out.missing.append(unit)
        else:
            out.summed.append(row)
            if above:
                out.via[row.agency or unit] = above
        if row is not None and governs(unit):
            cover(k, row.agency or unit)
        else:
            todo.extend((c, unit) for c in sorted(tree.get(k, [])))
    # units not in the list: by the regions their names place them in
    listed = {place_key(n) for n in units}
    for k, row in sorted(report.items()):
        if k in seen or k in listed:
            continue
        chain = region_chain(row.agency)
        if key not in chain and place_key(row.region) != key:
            continue
        between = chain[chain.index(key) + 1:] if key in chain else []
        gov = next((report[p] for p in between if p in report and report[p].agency != row.agency), None)
        if gov is not None:
            out.covered[row.agency or k] = gov.agency or ""
        else:
            out.summed.append(row)
            if between:
                out.via[row.agency or k] = between[-1]
    out.summed.sort(key=lambda r: r.agency or "")
    return out


def consolidate(store: Store, region: str, year: int, office: str | None = None) -> Consolidation:
    """Sum the reports of ``region``'s subordinate units for ``year``. ``office``, the consolidating
    office (汇总单位) that signs the report, defaults to the region's (``office_name``)."""
    region = region.strip()
    fmt = Format.for_year(year).id
    layout = cells(fmt)
    units = store.units()
    rows = store.reports(year=year)
    # signed by the office of the unit that governs the region, of its own kind (a 管委会 has no 人民政府办公室)
    known = [*units, *(u["parent"] for u in units.values() if u["parent"]), *(r.agency for r in rows if r.agency)]
    office = (office or "").strip() or office_name(governing_unit(region, known))
    own_rows = [r for r in rows if r.agency and place_key(r.agency) == place_key(region)]
    below = _below(region, units, [r for r in rows if r not in own_rows])
    subs = below.summed
    result = Consolidation(region=region, year=year, format=fmt, units=sorted(r.agency or "" for r in subs),
                           record=Record(), layout=layout, missing=below.missing, office=office,
                           listed=below.listed, via=below.via, covered=below.covered)

    sums: dict[str, Any] = {c.path: None for c in layout}
    for row in sorted(subs, key=lambda r: r.agency or ""):
        rec = store.record(row.id, provenance=False)
        unread = rec.unsettled()
        same_format = rec.meta.format == fmt
        if not same_format:
            result.notes.append(f"{row.agency}的报告为 {rec.meta.format} 格式，表二未计入汇总")
        for c in layout:
            if c.path.startswith("active.") and not same_format:
                continue
            v = rec.get(c.path)
            if v is None and under(c.path, unread):
                result.unsettled.setdefault(c.path, []).append(row.agency or "")
            elif v is None:
                result.blanks.setdefault(c.path, []).append(row.agency or "")
            else:
                sums[c.path] = v if sums[c.path] is None else _add(sums[c.path], v)
    for path in result.unsettled:  # the others' total is not the sum: it is unknown until the cell is entered
        sums[path] = None
    body = _nest(sums)
    # a consolidation is nobody's own report: the office signs it, record.consolidation says what it sums
    body["meta"] = {"agency": office, "year": year, "doc_kind": "annual_report", "format": fmt,
                    "title": f"{region}{year}年{Format.TITLE_PHRASE}（汇总）"}
    body["signature"] = Signature(agency=office).model_dump()
    body["consolidation"] = Consolidated(region=region, office=office, units=result.units,
                                         count=len(result.units), via=result.via,
                                         covered=result.covered, unsettled=result.unsettled).model_dump()
    result.record = Record.model_validate(body)
    result.findings = audit(result.record, select=SUM_RULES)

    late_ids = {f.report_id for f in store.findings([r.id for r in subs]) if f.code in LATE_CODES}
    result.late = sorted((r.agency or "", r.published) for r in subs if r.id in late_ids)

    if own_rows:
        own = own_rows[-1]
        result.own = own.agency
        rec = store.record(own.id, provenance=False)
        for c in layout:
            mine, total = rec.get(c.path), sums[c.path]
            if c.path in result.unsettled:  # the units' total is unknown: nothing to compare
                continue
            if mine != total and not (mine is None and total is None):
                result.differences.append(Difference(c.path, c.name, mine, total))
    return result
