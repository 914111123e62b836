"""Rendering seed 000's record to each format (audit included); print the median ms per report.

    .venv/bin/python bench/bench_render.py [ROUNDS]     # PDF runs LibreOffice: 3 rounds at most
"""

from __future__ import annotations

import shutil
import statistics
import sys
import time
from pathlib import Path

import nianbao

ROOT = Path(__file__).resolve().parent.parent
SEED = sorted((ROOT / "tests" / "data" / "text").glob("*.txt"))[0]


def main(rounds: int = 20) -> None:
    record = nianbao.parse(SEED)
    formats = ["md", "html", "docx", "xlsx"] + (["pdf"] if shutil.which("soffice") else [])
    for to in formats:
        nianbao.render(record, to)  # warm up: imports, styles
        times = []
        for _ in range(min(rounds, 3) if to == "pdf" else rounds):
            t0 = time.perf_counter()
            data = nianbao.render(record, to)
            times.append((time.perf_counter() - t0) * 1000)
        print(f"{to:5s} median {statistics.median(times):8.1f} ms  ({len(times)} runs, {len(data) // 1024} KB)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20)
