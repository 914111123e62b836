"""Shared output helpers: JSON lines, the findings table, the one-line summary."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from nianbao import Format, NianbaoError, Store, cell_name, open_store, template_address, write_atomic

console = Console(highlight=False)
err_console = Console(stderr=True, highlight=False)

SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
SEVERITY_ZH = Format.SEVERITY_NAMES
LEVEL_ZH = {"government": "人民政府", "department": "部门", "township": "乡镇（街道）", "unknown": "不明"}


def print_json(obj: Any, indent: int | None = 1) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False, indent=indent) + "\n")


DOC_KIND_ZH = {"annual_report": "年度报告", "interpretation": "文字解读", "other": "其他文件"}


def fmt(v: Any) -> str:
    if isinstance(v, str) and v in DOC_KIND_ZH:
        return DOC_KIND_ZH[v]
    return Format.number_text(v, blank="空白")


def where(cells: list[str], fmt_id: str | None = None, limit: int = 3) -> str:
    """The cells a finding names, each with its address in the XLSX template; past ``limit`` cells, the
    first ones by name and where they all are (表四 复议诉讼!A7:E7)."""
    if len(cells) <= limit:
        return "；".join(cell_label(c, fmt_id) for c in cells) or "—"
    area = template_address(cells, fmt_id)
    return "；".join(cell_name(c) for c in cells[:limit]) + f"；等 {len(cells)} 格" + (f"（{area}）" if area else "")


def finding_table(title: str, value_width: int = 16) -> Table:
    """The columns every findings table has (check, findings): 级别 代码 单元格 应为 实为 说明."""
    table = Table(title=title, title_justify="left", show_lines=True, expand=False)
    table.add_column("级别", no_wrap=True)
    table.add_column("代码", no_wrap=True)
    table.add_column("单元格（模板位置）", ratio=3, overflow="fold")
    table.add_column("应为", overflow="fold", max_width=value_width)
    table.add_column("实为", overflow="fold", max_width=value_width)
    table.add_column("说明", ratio=4, overflow="fold")
    return table


MAX_VALUE_TEXT = 20  # a quoted text longer than this is in 说明 whole; the value column shows its start


def value_cell(value: Any) -> Text:
    """应为/实为: a number right-aligned (digits line up), a text left-aligned and cut to its start
    (右对齐的长文本在窄终端里成了一列碎字)."""
    if value is None:
        return Text("")
    shown = fmt(value)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return Text(shown, justify="right")
    if len(shown) > MAX_VALUE_TEXT:
        shown = shown[:MAX_VALUE_TEXT - 1] + "…"
    return Text(shown, justify="left")


def finding_cells(severity: str, code: str, where_text: str, expected: Any, actual: Any, message: str) -> list[str | Text]:
    """One finding's cells for ``finding_table``, escaped for rich."""
    return [f"[{SEVERITY_STYLE[severity]}]{SEVERITY_ZH[severity]}[/]", code, escape(where_text),
            value_cell(expected), value_cell(actual), escape(message)]


def findings_table(title: str, findings: list[Any], fmt_id: str | None = None) -> Table:
    table = finding_table(title)
    for f in findings:
        table.add_row(*finding_cells(f.severity.value, f.code, where(f.cells, fmt_id), f.expected, f.actual,
                                     f.message))
    return table


def error(message: str) -> None:
    err_console.print(f"[bold red]错误[/]：{escape(message)}", soft_wrap=True)  # the terminal wraps: paths stay whole


HINTS = {"not_a_file": "整个文件夹请用 nianbao ingest 文件夹（批量解析、审核并入库）"}


def told(e: NianbaoError) -> str:
    """The error's Chinese message, with what to do instead where the terminal user has another command."""
    hint = HINTS.get(e.code)
    return f"{e.message}；{hint}" if hint else e.message


@contextmanager
def exit_on_error() -> Iterator[None]:
    """A NianbaoError raised in the block ends the command: its Chinese message on stderr, exit code 2,
    no traceback (every command's answer to a file or store it cannot use)."""
    try:
        yield
    except NianbaoError as e:
        error(told(e))
        raise typer.Exit(2) from None


def write_or_exit(path: Path, data: bytes | str) -> None:
    """``data`` written to ``path`` (atomically); the Chinese message and exit code 2 when it cannot be."""
    with exit_on_error():
        write_atomic(path, data)


def open_existing(db: str | None) -> Store:
    """The store at ``db`` for a read-only command: it must exist (nothing is created); NianbaoError if not."""
    return open_store(db, create=False)


def cell_label(path: str, fmt: str | None = None) -> str:
    """A cell's Chinese name with its address in the XLSX template: 表三 本年新收政府信息公开申请数量 总计（表三 依申请公开!J7）."""
    where = template_address(path, fmt)
    return cell_name(path) + (f"（{where}）" if where else "")


def _short(name: str) -> str:
    return name.replace("人民政府", "政府").replace(" ", "")


def match_agencies(names: Iterable[str | None], query: str) -> list[str]:
    """The stored agencies a user means by ``query``: the exact name, else every name containing it
    (人民政府 may be written 政府: 淮安市政府 → 淮安市人民政府)."""
    names = sorted({n for n in names if n})
    if query in names:
        return [query]
    q = _short(query)
    return [n for n in names if q in _short(n)]


def severity_of(name: str) -> str | None:
    """error / warning / info from 错误 / 警告 / 提示 or the English name."""
    return Format.severity_from_name(name.strip().lower()) or Format.severity_from_name(name.strip())
