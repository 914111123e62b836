"""Cut the fixtures of tests/test_browser_print.py from pages printed to PDF by Chromium (bench/score_browser.py
writes them to build/browser/pdf): the blocks nianbao's PDF reader made of 表三, from its section heading to
表四's, as JSON (cell text, covered, page; block grid, table, row).

    .venv/bin/python tests/data/browser/make_fixtures.py
"""

from __future__ import annotations

import json
from pathlib import Path

from nianbao.ingest.pdf import read_pdf

HERE = Path(__file__).resolve().parent
PRINTED = HERE.parent.parent.parent / "build" / "browser" / "pdf"
NAMES = ("layout", "split_tables", "split_rowspan")
# pages of bench/score_browser.py --synth's sets (build/browser/synth/chromium/STEM.pdf, expected/STEM.json beside)
SYNTH = HERE.parent.parent.parent / "build" / "browser" / "synth" / "chromium"
SYNTH_NAMES = ("s06335-mixed",)  # seed 6335: the header's 「项目」 a slot wider than the labels


def cut(name: str, folder: Path = PRINTED) -> list[dict]:
    doc = read_pdf((folder / f"{name}.pdf").read_bytes(), f"{name}.pdf")
    out, on = [], False
    for b in doc.blocks:
        on = on or "收到和处理" in b.text
        if on:
            out.append({"grid": b.grid, "table": b.table, "row": b.row,
                        "cells": [{"text": c.text, "covered": c.covered, "page": c.page} for c in b.cells]})
        if on and "政府信息公开行政复议" in b.text:
            break
    return out


if __name__ == "__main__":
    for n in NAMES:
        rows = (json.dumps(b, ensure_ascii=False, separators=(",", ":")) for b in cut(n))  # a block a line
        (HERE / f"{n}.pdf.blocks.json").write_text("[\n" + ",\n".join(rows) + "\n]\n", "utf-8")
    for n in SYNTH_NAMES:
        if (SYNTH / f"{n}.pdf").exists():
            rows = (json.dumps(b, ensure_ascii=False, separators=(",", ":")) for b in cut(n, SYNTH))
            (HERE / f"{n}.pdf.blocks.json").write_text("[\n" + ",\n".join(rows) + "\n]\n", "utf-8")
            (HERE / f"{n}.expected.json").write_bytes((SYNTH.parent / "expected" / f"{n}.json").read_bytes())
