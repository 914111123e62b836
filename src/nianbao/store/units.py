"""Read the unit list (单位名称, 上级, 层级) from CSV or XLSX."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from ..errors import InputError
from .store import norm_name

COLUMNS = {"name": ("单位名称", "单位", "名称"), "parent": ("上级", "上级单位", "所属地区"), "level": ("层级", "级别")}


def read_units(path: str | Path) -> list[dict]:
    """Rows {name, parent, level}; raises InputError naming the file when the columns are missing."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as e:
        raise InputError(f"{p}：无法读取单位名单（{e.strerror}）", "not_found") from None
    if data[:4] == b"PK\x03\x04":
        from openpyxl import load_workbook

        try:
            ws = load_workbook(io.BytesIO(data), read_only=True, data_only=True).active
        except Exception as e:  # noqa: BLE001 - openpyxl raises many kinds on a broken file
            raise InputError(f"{p}：单位名单不是有效的 XLSX 文件（{e}）", "corrupt") from None
        rows = [["" if v is None else str(v) for v in r] for r in ws.iter_rows(values_only=True)]
    else:
        for enc in ("utf-8-sig", "gb18030"):
            try:
                text = data.decode(enc)
                break
            except UnicodeDecodeError:
                continue
        else:
            raise InputError(f"{p}：单位名单编码无法识别（应为 UTF-8 或 GBK 的 CSV）", "encoding")
        rows = list(csv.reader(io.StringIO(text)))
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
