"""The unit list (单位名称, 上级, 层级) from CSV or XLSX, read through ingest's detection and decoding."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..files import os_error_zh
from ..format.agency import norm_name
from ..ingest.decode import decode_text
from ..ingest.sniff import sniff
from ..store import Store

COLUMNS = {"name": ("单位名称", "单位", "名称"), "parent": ("上级", "上级单位", "所属地区"), "level": ("层级", "级别")}


def read_units(path: str | Path) -> list[dict[str, Any]]:
    """Rows {name, parent, level}; raises InputError naming the file when the columns are missing."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as e:
        raise InputError(f"{p}：无法读取单位名单（{os_error_zh(e)}）", "not_found") from None
    kind = sniff(data, p.name)
    if kind == "empty":
        raise InputError(f"{p}：单位名单是空的", "empty")
    if kind == "xlsx":
        rows = _xlsx_rows(data, p)
    elif kind in ("text", "markdown"):
        try:
            text = decode_text(data, str(p))
        except InputError:
            raise InputError(f"{p}：单位名单编码无法识别（应为 UTF-8 或 GBK 的 CSV）", "encoding") from None
        rows = list(csv.reader(io.StringIO(text)))
    else:
        raise InputError(f"{p}：单位名单应为 CSV 或 XLSX 文件（这是 {kind} 文件）", "unsupported")
    if not rows:
        raise InputError(f"{p}：单位名单是空的", "empty")
    header = [h.strip() for h in rows[0]]
    idx = {}
    for key, names in COLUMNS.items():
        idx[key] = next((header.index(n) for n in names if n in header), None)
    if idx["name"] is None:
        raise InputError(f"{p}：单位名单缺少「单位名称」列（表头应为：单位名称, 上级, 层级）", "columns")
    out = []
    for r in rows[1:]:
        got = {k: (r[i].strip() if i is not None and i < len(r) else "") for k, i in idx.items()}
        if got["name"]:
            out.append({"name": norm_name(got["name"]), "parent": norm_name(got["parent"]) or None,
                        "level": got["level"] or None})
    return out


def _xlsx_rows(data: bytes, p: Path) -> list[list[str]]:
    from openpyxl import load_workbook

    try:
        ws = load_workbook(io.BytesIO(data), read_only=True, data_only=True).active
    except Exception as e:  # noqa: BLE001 - openpyxl raises many kinds on a broken file
        raise InputError(f"{p}：单位名单不是有效的 XLSX 文件（{e}）", "corrupt") from None
    if ws is None:
        raise InputError(f"{p}：单位名单是空的", "empty")
    return [["" if v is None else str(v) for v in r] for r in ws.iter_rows(values_only=True)]


def load_units(store: Store, path: str | Path) -> int:
    """Import a unit list (CSV/XLSX: 单位名称, 上级, 层级) into the store; returns the number of units."""
    return store.save_units(read_units(path))
