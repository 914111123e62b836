"""Parse and audit the seeds many times in one process; print the median ms per report.

    .venv/bin/python bench/bench_parse.py [ROUNDS]
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

import nianbao
from nianbao.extract.values import _clean
from nianbao.format.labels import core, norm

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "tests" / "data" / "text").glob("*.txt"))


def main(rounds: int = 200) -> None:
    datas = [(p.name, p.read_bytes()) for p in SEEDS]
    for name, data in datas:  # warm imports and rule loading
        nianbao.check(nianbao.parse_bytes(data, name))
    per_doc: dict[str, list[float]] = {name: [] for name, _ in datas}
    for _ in range(rounds):
        for name, data in datas:
            norm.cache_clear()
            core.cache_clear()  # no help from label caches between runs of the same text
            _clean.cache_clear()
            t0 = time.perf_counter()
            nianbao.check(nianbao.parse_bytes(data, name))
            per_doc[name].append((time.perf_counter() - t0) * 1000)
    print(f"parse + audit, {rounds} rounds, one process, one core")
    for name, times in per_doc.items():
        print(f"  {name:<32} median {statistics.median(times):6.2f} ms")
    allt = [t for ts in per_doc.values() for t in ts]
    print(f"median over all reports: {statistics.median(allt):.2f} ms per report")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200)
