"""PDF: nianbao's PDF reading against `pdftotext -layout` (the floor) on the same files, and OCR per page.

    .venv/bin/python bench/bench_pdf.py [ROUNDS] [--no-ocr]

Text PDFs: pages per second (median over rounds) of
  - ingest: bytes → Document (text layer, ruled grids, paragraphs), what `pdftotext -layout` also does;
  - parse: ingest + extraction into the record;
  - pdftotext -layout (poppler-utils), a separate process per file.
CPU time is measured (this process, or the child for pdftotext) so that other work on a shared
machine does not inflate the figures; one core. Targets (issue 3): text PDF ≥ 20 pages/s.
Scans: wall seconds per page of nianbao.parse after one warm-up page (onnxruntime uses every
core it is given), and CPU seconds per page. Target: OCR ≤ 3 s/page.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

import pypdfium2 as pdfium

import nianbao

ROOT = Path(__file__).resolve().parent.parent
TEXT = [p for p in sorted((ROOT / "tests" / "data" / "pdf").glob("*.pdf")) if p.stem not in ("encrypted", "corrupt")]
SCANS = sorted((ROOT / "tests" / "data" / "scan").glob("*.pdf"))


def pages(p: Path) -> int:
    pdf = pdfium.PdfDocument(p)
    try:
        return len(pdf)
    finally:
        pdf.close()


def cpu_self(fn) -> float:
    t0 = time.process_time()
    fn()
    return time.process_time() - t0


def cpu_child(cmd: list[str]) -> float:
    before = os.times()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    after = os.times()
    return (after.children_user - before.children_user) + (after.children_system - before.children_system)


def main(rounds: int = 7, ocr: bool = True) -> None:
    have_pdftotext = shutil.which("pdftotext") is not None
    print(f"text PDFs, {rounds} rounds, CPU time, pages/s (median) — higher is better")
    print(f"{'file':28} {'pages':>5} {'ingest':>9} {'parse':>9} {'pdftotext':>10}")
    totals = {"ingest": [], "parse": [], "pdftotext": []}
    for p in TEXT:
        n = pages(p)
        nianbao.parse(p)  # warm imports and caches
        ing = statistics.median(cpu_self(lambda p=p: nianbao.read_document(p)) for _ in range(rounds))
        par = statistics.median(cpu_self(lambda p=p: nianbao.parse(p)) for _ in range(rounds))
        ptt = statistics.median(cpu_child(["pdftotext", "-layout", str(p), "-"]) for _ in range(rounds)) \
            if have_pdftotext else float("nan")
        totals["ingest"].append((n, ing))
        totals["parse"].append((n, par))
        totals["pdftotext"].append((n, ptt))
        print(f"{p.name:28} {n:5d} {n / ing:9.1f} {n / par:9.1f} {n / ptt if ptt else float('inf'):10.1f}")
    for k, v in totals.items():
        pg = sum(n for n, _ in v)
        s = sum(t for _, t in v)
        print(f"  all files, {k}: {pg / s:.1f} pages/s ({s / pg * 1000:.1f} ms/page)")
    if not ocr or not SCANS:
        return
    print("\nscans (OCR), wall and CPU seconds per page (median over files) — lower is better")
    nianbao.parse(SCANS[0])  # load the models, warm onnxruntime
    walls, cpus = [], []
    for p in SCANS:
        n = pages(p)
        t0, c0 = time.perf_counter(), time.process_time()
        nianbao.parse(p)
        wall, cpu = (time.perf_counter() - t0) / n, (time.process_time() - c0) / n
        walls.append(wall)
        cpus.append(cpu)
        print(f"{p.name:28} {n:5d} pages  {wall:6.2f} s/page wall  {cpu:6.2f} s/page CPU")
    print(f"  median: {statistics.median(walls):.2f} s/page wall, {statistics.median(cpus):.2f} s/page CPU")


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    main(int(args[0]) if args else 7, ocr="--no-ocr" not in sys.argv)
