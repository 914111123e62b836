"""A manifest: the documents of a crawl as a CSV or JSONL list, with what the crawler knew of each.

One row per document: the path of the downloaded file (relative to the manifest's folder, or absolute),
and optionally its URL and hints: agency, region, year. A hint fills only what the document itself does
not say (a scan fragment with no title, say); the document's own words win. Columns are found by their
names, in English or Chinese (path/文件/路径, url/网址/链接, agency/机关/单位, region/地区, year/年度).
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import InputError
from ..record import Provenance, Record

if TYPE_CHECKING:
    from .batch import DocOutcome, Source

COLUMNS = {
    "path": ("path", "file", "文件", "路径", "文件路径", "本地路径"),
    "url": ("url", "网址", "链接", "原文链接"),
    "agency": ("agency", "机关", "单位", "单位名称", "机关名称"),
    "region": ("region", "地区", "行政区划"),
    "year": ("year", "年度", "年份", "报告年度"),
}
HINTS = ("agency", "region", "year", "url")


def _column(header: str) -> str | None:
    h = header.strip().lower()
    return next((key for key, names in COLUMNS.items() if h in names), None)


def read_manifest(path: str | Path) -> list[dict[str, str]]:
    """The manifest's rows as {path, url, agency, region, year} (strings; missing keys left out)."""
    p = Path(path)
    try:
        text = p.read_bytes().decode("utf-8-sig")
    except OSError as e:
        raise InputError(f"{p}：无法读取清单（{e.strerror or e}）", "manifest") from None
    except UnicodeDecodeError:
        try:
            text = p.read_bytes().decode("gb18030")
        except UnicodeDecodeError:
            raise InputError(f"{p}：清单不是 UTF-8 或 GBK 编码的文本", "manifest") from None
    rows: list[dict[str, str]] = []
    if p.suffix.lower() in (".jsonl", ".ndjson") or text.lstrip().startswith("{"):
        for n, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError:
                raise InputError(f"{p} 第 {n} 行：不是 JSON 对象", "manifest") from None
            if not isinstance(obj, dict):
                raise InputError(f"{p} 第 {n} 行：不是 JSON 对象", "manifest")
            rows.append(_row({str(k): v for k, v in obj.items()}))
    else:
        reader = csv.DictReader(io.StringIO(text))
        if not reader.fieldnames or not any(_column(h) == "path" for h in reader.fieldnames if h):
            raise InputError(f"{p}：清单缺少文件路径列（path / 文件 / 路径）", "manifest")
        rows = [_row(r) for r in reader]
    return rows


def _row(raw: dict[str, Any]) -> dict[str, str]:
    out: dict[str, str] = {}
    for k, v in raw.items():
        key = _column(k) if k else None
        if key and v not in (None, ""):
            out[key] = str(v).strip()
    return out


def manifest_sources(path: str | Path) -> list[Source | DocOutcome]:
    """The manifest's documents as batch sources; a row without a usable file is a failed outcome."""
    from ..record import Status
    from .batch import DocOutcome, Source

    base = Path(path).parent
    out: list[Source | DocOutcome] = []
    for n, row in enumerate(read_manifest(path), 1):
        hints = tuple((k, row[k]) for k in HINTS if k in row)
        where = f"{path} 第 {n} 条"
        if "path" not in row:
            what = f"只有网址 {row['url']}，没有已下载文件的路径" if "url" in row else "没有文件路径"
            out.append(DocOutcome(where, Status.failed, errors=[f"{where}：{what}"]))
            continue
        f = Path(row["path"])
        f = f if f.is_absolute() else base / f
        if not f.is_file():
            out.append(DocOutcome(str(f), Status.failed, errors=[f"{where}：文件不存在：{f}"]))
            continue
        out.append(Source(str(f), str(f), None, hints))
    return out


def apply_hints(record: Record, hints: dict[str, str]) -> None:
    """Fill the agency and year a document does not state from the manifest's hints."""
    if not hints:
        return
    meta = record.meta
    if meta.agency is None and hints.get("agency"):
        meta.agency = hints["agency"]
        record.provenance["meta.agency"] = Provenance(text=hints["agency"], path="manifest")
    year = hints.get("year", "")
    if meta.year is None and year.isdigit() and 1990 <= int(year) <= 2100:
        meta.year = int(year)
        record.provenance["meta.year"] = Provenance(text=year, path="manifest")
