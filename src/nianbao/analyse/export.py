"""Exports: (a) tidy cells with a codebook, (b) the 问题清单 for a 通报, (c) consolidated tables in the
report layout. XLSX, CSV, Parquet or JSON (see ``tabular``). Labels come from the format definition."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from io import BytesIO
from pathlib import Path
from typing import Any

from ..audit import Severity
from ..format import Format
from ..format.names import cell_name
from ..record import Record
from ..record.paths import under
from ..store import Store
from . import tabular
from .consolidate import Consolidation, consolidate
from .layout import all_cells

KINDS = ("tidy", "findings", "consolidated")
REVIEW_ZH = {None: "未审核", "confirm": "已确认", "dismiss": "已驳回"}
DOC_KIND_ZH = {"annual_report": "年度报告", "interpretation": "文字解读", "other": "其他文件"}
TIDY_COLUMNS = {
    "报告编号": "库中报告的编号（reports.id）",
    "单位": "报告机关（单位名称）",
    "年度": "报告年度",
    "地区": "所属地区或上级单位（单位名单优先，否则由单位名称推断）",
    "层级": "层级（单位名单优先，否则由报告推断：government/department/township）",
    "格式": "表格格式：2021（国办公开办函〔2021〕30号）或 2019（〔2019〕60号）",
    "文件": "来源文件",
    "变量": "单元格在规范记录中的路径，见「代码表」",
    "表": "表二、表三、表四或正文",
    "数值": "单元格数值；没有数值时见「状态」（空白不是 0）",
    "状态": "读出：文件中的数字；空白：报告留空；无法确定：文件中有数字，但其文字无法唯一还原（如转换工具丢了分隔符），"
            "留空而未猜测，见审核规则 L-03；文字：非数值内容",
    "文字": "非数值内容（JSON）",
    "原文": "单元格在文件中的原文",
    "位置": "原文所在的行或页",
}
FINDING_COLUMNS = ["单位", "年度", "规则", "规则说明", "单元格", "模板单元格", "应为", "实为", "严重程度", "审核状态",
                   "审核备注", "问题描述", "修改建议", "指纹"]
TABLE_ZH = {"active": "表二", "requests": "表三", "appeals": "表四", "narrative": "正文", "meta": "基本信息"}


def _where(prov: dict | None) -> str | None:
    if not prov:
        return None
    if prov.get("page"):
        return f"第 {prov['page']} 页"
    if prov.get("line"):
        return f"第 {prov['line']} 行"
    return prov.get("path")


def tidy_sheets(store: Store, year: int | None = None) -> list[tabular.Sheet]:
    reports = {r.id: r for r in store.reports(year=year)}

    unsettled: dict[int, tuple[str, ...]] = {}

    def state(c: dict) -> str:
        if c["value"] is not None:
            return "读出"
        if c["text"] is not None:
            return "文字"
        rid = c["report_id"]
        if rid not in unsettled:
            unsettled[rid] = store.record(rid, provenance=False).unsettled()
        return "无法确定" if under(c["path"], unsettled[rid]) else "空白"

    def rows() -> Iterator[list[Any]]:
        for c in store.cell_rows(reports):
            r = reports[c["report_id"]]
            prov = c["provenance"] or {}
            yield [r.id, r.agency, r.year, r.region, r.level, r.format, r.document, c["path"],
                   TABLE_ZH.get(c["table_name"], c["table_name"]), c["value"], state(c), c["text"], prov.get("text"),
                   _where(prov)]

    defs = all_cells()
    book = [[d.path, d.table, d.group, d.row, d.column, d.name] for d in defs.values()]

    for path, table in store.paths():  # narrative figures and other paths the format tables do not list
        if path not in defs:
            book.append([path, TABLE_ZH.get(table, table), "", "", "", cell_name(path)])
    fields = [[k, v] for k, v in TIDY_COLUMNS.items()]
    return [tabular.Sheet("数据", list(TIDY_COLUMNS), rows()),
            tabular.Sheet("代码表", ["变量", "表", "分组", "行", "列", "名称"], book),
            tabular.Sheet("字段说明", ["字段", "含义"], fields)]


def _show(v: Any) -> Any:
    v = Format.plain(v)
    if isinstance(v, str) and v in DOC_KIND_ZH:  # S-04: 应为 年度报告, 实为 文字解读
        return DOC_KIND_ZH[v]
    if isinstance(v, (list, dict)):
        return json.dumps(v, ensure_ascii=False)
    return v


FINDING_WIDTHS = [24, 7, 7, 30, 36, 26, 12, 12, 8, 9, 20, 50, 40, 18]
FINDING_WRAP = (0, 3, 4, 5, 6, 7, 10, 11, 12)
# a finding's cells → their addresses in the XLSX fill-in template of a format (given by the pipeline:
# the template's layout is render's)
CellsAddress = Callable[[list[str], str | None], str | None]


def findings_sheets(store: Store, year: int | None = None, include_dismissed: bool = False,
                    address: CellsAddress | None = None) -> list[tabular.Sheet]:
    """The 问题清单 for a 通报: one row per finding, by unit and year, most severe first; dismissed
    findings left out unless ``include_dismissed``; with ``address``, the cells' places in the fill-in
    template (模板单元格). Column widths, wrapped text, frozen header, filters."""
    from .stats import rule_title

    reports = {r.id: r for r in store.reports(year=year, doc_kind=None)}
    found = sorted((f for f in store.findings(list(reports)) if include_dismissed or f.review != "dismiss"),
                   key=lambda f: (f.agency or "", f.year or 0, Severity(f.severity).rank, f.code))
    rows = [[f.agency, f.year, f.code, rule_title(f.code), "、".join(cell_name(c) for c in f.cells),
             address(f.cells, reports[f.report_id].format) if address else None,
             _show(f.expected), _show(f.actual), Severity(f.severity).zh, REVIEW_ZH.get(f.review, f.review), f.note,
             f.message, f.fix, f.fingerprint] for f in found]
    return [tabular.Sheet("问题清单", FINDING_COLUMNS, rows, FINDING_WIDTHS, FINDING_WRAP, printed=True)]


def consolidated_sheets(store: Store, region: str, year: int) -> list[tabular.Sheet]:
    """The sums as flat tables (分组, 项目, one column per format column), then the lists."""
    res = consolidate(store, region, year)
    sheets: list[tabular.Sheet] = []
    by_table: dict[str, dict[tuple[str, str], dict[str, Any]]] = {}
    columns: dict[str, list[str]] = {}
    for c in res.layout:
        by_table.setdefault(c.table, {}).setdefault((c.group, c.row), {})[c.column or "数值"] = _show(
            res.record.get(c.path))
        cols = columns.setdefault(c.table, [])
        if (c.column or "数值") not in cols:
            cols.append(c.column or "数值")
    for table, rows in by_table.items():
        sheets.append(tabular.Sheet(table, ["分组", "项目", *columns[table]],
                                    [[g, r, *(vals.get(col) for col in columns[table])]
                                     for (g, r), vals in rows.items()]))
    return sheets + consolidation_lists(res)


def consolidation_lists(res: Consolidation) -> list[tabular.Sheet]:
    """What a consolidation lists beside its sums: units summed (and the unit each is under, when not directly
    under the region), units not added again (their government's report includes them), 缺报, late, blank
    cells, cells some unit's number could not be read in (their sums left null), differences."""
    names = {c.path: c.name for c in res.layout}
    return [tabular.Sheet("汇总单位", ["单位", "所属上级单位"], [[u, res.via.get(u)] for u in res.units], [40, 40]),
            tabular.Sheet("未重复计入", ["单位", "已含在其报告中"], [[u, by] for u, by in res.covered.items()], [40, 40]),
            tabular.Sheet("缺报", ["单位"], [[u] for u in res.missing], [40]),
            tabular.Sheet("逾期公布", ["单位", "落款日期"], [list(x) for x in res.late], [40, 14]),
            tabular.Sheet("留空单元格", ["单元格", "留空单位"],
                          [[names[p], "、".join(who)] for p, who in res.blanks.items()], [50, 60], (0, 1)),
            tabular.Sheet("无法确定单元格", ["单元格", "数字无法确定的单位（见其 L-03，汇总表中该格留空）"],
                          [[names[p], "、".join(who)] for p, who in res.unsettled.items()], [50, 60], (0, 1)),
            tabular.Sheet("与本级报告差异", ["单元格", "本级报告", "下级合计"],
                          [[d.name, _show(d.own), _show(d.total)] for d in res.differences], [50, 12, 12], (0,))]


def consolidated_workbook(store: Store, region: str, year: int, out: Path,
                          report_layout: Callable[[Record], bytes]) -> Path:
    """The consolidation as an XLSX in the report's own layout: the sums in 表二, 表三 and 表四 exactly as
    the fill-in template draws them (``report_layout``: the record as template XLSX bytes; merged
    headers, live 勾稽 checks), then the lists as sheets of their own."""
    from openpyxl import load_workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    res = consolidate(store, region, year)
    book = load_workbook(BytesIO(report_layout(res.record)))
    for ws in list(book.worksheets):
        if not ws.title.startswith("表"):  # the text sheets: a consolidation has no text of its own
            book.remove(ws)
    for sh in consolidation_lists(res):
        ws = book.create_sheet(sh.name)
        ws.append(sh.columns)
        for cell in ws[1]:
            cell.font = Font(bold=True)
        for r in sh.rows:
            ws.append([_show(v) for v in r])
        for i, w in enumerate(sh.widths or []):
            ws.column_dimensions[get_column_letter(i + 1)].width = w
        for row in ws.iter_rows(min_row=2):
            for i in sh.wrap:
                row[i].alignment = Alignment(wrap_text=True, vertical="top")
        ws.freeze_panes = "A2"
    out.parent.mkdir(parents=True, exist_ok=True)
    book.save(out)
    return out


def export(store: Store, kind: str, out: str | Path, fmt: str | None = None, region: str | None = None,
           year: int | None = None, include_dismissed: bool = False,
           report_layout: Callable[[Record], bytes] | None = None,
           address: CellsAddress | None = None) -> list[Path]:
    """Export ``kind`` (tidy | findings | consolidated) to ``out``; returns the files written.
    Consolidated tables to XLSX, given ``report_layout`` (a record → its template XLSX), are in the
    report's layout; otherwise (and in CSV, Parquet, JSON) flat, one row per table row."""
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {KINDS}")
    tabular.format_of(Path(out), fmt)  # fail before any work on an unknown format
    if kind == "tidy":
        sheets = tidy_sheets(store, year)
    elif kind == "findings":
        sheets = findings_sheets(store, year, include_dismissed, address)
    else:
        if not region or year is None:
            from ..errors import InputError

            raise InputError("导出汇总表需要 --region 和 --year", "usage")
        if report_layout is not None and tabular.format_of(Path(out), fmt) == "xlsx":
            return [consolidated_workbook(store, region, year, Path(out), report_layout)]
        sheets = consolidated_sheets(store, region, year)
    return tabular.write(sheets, out, fmt)
