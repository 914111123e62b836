"""The audit alone: run every rule on each seed's record many times; print the median ms per report.

    .venv/bin/python bench/bench_audit.py [ROUNDS]
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

import nianbao

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "tests" / "data" / "text").glob("*.txt"))


def main(rounds: int = 500) -> None:
    records = [(p.name, nianbao.parse(p)) for p in SEEDS]
    for _, r in records:  # load the rule modules
        nianbao.check(r)
    per_doc: dict[str, list[float]] = {name: [] for name, _ in records}
    for _ in range(rounds):
        for name, r in records:
            t0 = time.perf_counter()
            nianbao.check(r)
            per_doc[name].append((time.perf_counter() - t0) * 1000)
    print(f"audit only ({len(nianbao.rules())} rules), {rounds} rounds, one process")
    for name, times in per_doc.items():
        print(f"  {name:<32} median {statistics.median(times):6.3f} ms")
    allt = [t for ts in per_doc.values() for t in ts]
    print(f"median over all reports: {statistics.median(allt):.3f} ms per report")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 500)
