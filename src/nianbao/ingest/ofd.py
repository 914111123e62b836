"""OFD (GB/T 33190, the national fixed-layout format) → Document, through ofdkit's text runs.

Runs are grouped into lines by baseline and, within a line, into cells by the horizontal gap
between them, then read like lines of a text PDF (extraction repairs wrapped labels). Template
runs (page headers, watermarks) and page numbers are left out. Off-standard files (easyofd writes
no font sizes and zero widths) work too: the line tolerance then comes from the line spacing.
Provenance: page and bbox (PDF points, top-left origin, converted from millimetres).
"""

from __future__ import annotations

import math
import statistics
import time
from collections.abc import Sequence
from itertools import pairwise

from .. import limits
from ..errors import InputError
from . import archive, grid
from .document import Block, Cell, Document
from .pagenumbers import PAGE_LINE

MAX_PAGES = limits.MAX_OFD_PAGES
_MM_TO_PT = 72 / 25.4


def read_ofd(data: bytes, name: str) -> Document:
    import ofdkit

    z = archive.open_zip(data, name, "OFD 文档")
    with z:
        archive.check_members(z, name, "OFD 文档")
    deadline = time.monotonic() + limits.MAX_SECONDS_PER_DOC
    runs_by_page: list[list] = []
    total = 0
    try:
        with ofdkit.open(data) as doc:
            pages = doc.pages
            if len(pages) > MAX_PAGES:
                raise InputError(f"{name}：OFD 文档页数过多（{len(pages)} 页，上限 {MAX_PAGES} 页），不像一篇年度报告",
                                 "too_large")
            for i, p in enumerate(pages, start=1):
                runs = p.runs
                total += len(runs)
                if len(runs) > limits.MAX_RUNS_PER_PAGE or total > limits.MAX_RUNS_PER_PAGE * 20:
                    raise InputError(f"{name}：OFD 文档第 {i} 页的文字对象数目异常（{len(runs)} 个），拒绝读取",
                                     "too_large")
                if time.monotonic() > deadline:
                    raise InputError(f"{name}：OFD 文档读取超时（读到第 {i} 页已超过 {limits.MAX_SECONDS_PER_DOC} 秒），"
                                     "文件可能被恶意构造", "timeout")
                runs_by_page.append([r for r in runs if not r.from_template and r.text.strip() and _placed(r)])
    except InputError:
        raise
    except ofdkit.OFDLimitError as e:
        raise InputError(f"{name}：OFD 文档超出安全限制（{e}），拒绝读取", "too_large") from None
    except MemoryError:
        raise InputError(f"{name}：OFD 文档内容过于庞大，无法读取", "too_large") from None
    except Exception as e:  # noqa: BLE001 - ofdkit lets its XML, zip and number errors through
        why = str(e)[:160] if isinstance(e, ofdkit.OFDError) else type(e).__name__
        raise InputError(f"{name}：OFD 文档已损坏或不符合标准，无法读取（{why}）", "corrupt") from None
    blocks: list[Block] = []
    for i, runs in enumerate(runs_by_page, start=1):
        blocks.extend(page_blocks(runs, i))
    if not blocks:
        raise InputError(f"{name}：OFD 文档中没有文字（可能是扫描件图片）", "no_text")
    return Document(source=name, kind="ofd", blocks=blocks, text=grid.finish(blocks), pages=len(runs_by_page))


def _placed(run) -> bool:
    """A run at a real position (a damaged file may give NaN, infinite or astronomic coordinates)."""
    return all(math.isfinite(v) and abs(v) < 1e6 for v in (run.x, run.y, run.width or 0.0, run.size or 0.0))


def page_blocks(runs: Sequence, page: int) -> list[Block]:
    """Runs of one page → one block per line, one cell per run group separated by a wide gap."""
    if not runs:
        return []
    em = _em(runs)
    tol = 0.3 * em
    lines: list[list] = []
    for r in sorted(runs, key=lambda r: (r.y, r.x)):
        if lines and r.y - lines[-1][0].y <= tol:
            lines[-1].append(r)
        else:
            lines.append([r])
    out: list[Block] = []
    for line in lines:
        line.sort(key=lambda r: r.x)
        groups: list[list] = []
        for r in line:
            if groups:
                prev = groups[-1][-1]
                size = prev.size or em
                if r.x - (prev.x + prev.width) < 0.6 * size:
                    groups[-1].append(r)
                    continue
            groups.append([r])
        cells = [_cell(g, page, em) for g in groups]
        cells = [c for c in cells if c.text]
        if not cells or (len(cells) == 1 and PAGE_LINE.match(cells[0].text)):
            continue
        out.append(Block(cells))
    return out


def _em(runs: Sequence) -> float:
    """The body font size; from the line spacing when the file gives no sizes."""
    sizes = [r.size for r in runs if r.size > 0]
    if sizes:
        return statistics.median(sizes)
    ys = sorted({round(r.y, 2) for r in runs})
    gaps = [b - a for a, b in pairwise(ys) if b - a > 0.05]
    return statistics.median(gaps) / 1.3 if gaps else 1.0


def _cell(group: list, page: int, em: float) -> Cell:
    text = "".join(r.text for r in group).strip()
    size = max((r.size for r in group), default=0.0) or em
    x0 = min(r.x for r in group)
    x1 = max(r.x + r.width for r in group)
    top = min(r.y for r in group) - size
    bottom = max(r.y for r in group) + 0.2 * size
    bbox = tuple(round(v * _MM_TO_PT, 2) for v in (x0, top, x1, bottom))
    return Cell(text, page=page, bbox=bbox)
