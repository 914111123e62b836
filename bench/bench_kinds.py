"""CPU seconds to parse and audit one document, per kind of document: the figures docs/scale.md builds on.

    .venv/bin/python bench/bench_kinds.py [REPEATS]    # default 5; the scan once (OCR takes seconds)

Inputs are the shared samples (the seeds as DOCX, HTML, a LibreOffice PDF, a scan) and the real WPS PDF.
Each figure is the median process CPU time (user + system, all threads: OCR uses both cores) of one
parse + audit, after a warm-up, so library loading is not counted.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
KINDS = {
    "text (seed 000)": next((SHARED / "seeds").glob("000_*.txt"), SHARED / "seeds" / "000.txt"),
    "HTML page": SHARED / "research" / "samples" / "r000.html",
    "DOCX": SHARED / "research" / "samples" / "r000.docx",
    "text PDF (LibreOffice, per document)": SHARED / "research" / "samples" / "r000.pdf",
    "text PDF (WPS, 淮安, per document)": SHARED / "corpus" / "huaian2024.pdf",
    "scanned page (OCR)": ROOT / "tests" / "data" / "scan" / "r000dense_scan_p3.pdf",
}


def cpu() -> float:
    return time.process_time()


def main(repeats: int) -> None:
    import nianbao

    for kind, path in KINDS.items():
        if not path.exists():
            print(f"{kind}: {path} missing, skipped")
            continue
        data = path.read_bytes()
        n = 1 if "OCR" in kind else repeats
        nianbao.check(nianbao.parse_bytes(data, path.name))  # warm-up: imports, models
        times, walls = [], []
        for _ in range(n):
            c0, w0 = cpu(), time.perf_counter()
            nianbao.check(nianbao.parse_bytes(data, path.name))
            times.append(cpu() - c0)
            walls.append(time.perf_counter() - w0)
        print(f"{kind}: {1000 * statistics.median(times):.1f} ms CPU, {1000 * statistics.median(walls):.1f} ms wall "
              f"({len(data) // 1024} KB, median of {n})")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
