"""HTML: parse + audit each HTML sample many times in one process; print the median ms per report.

    .venv/bin/python bench/bench_html.py [ROUNDS]

Target (issue 3): ≤ 10 ms per report. Also prints the ingest share (bytes → Document) alone.
Times are CPU time of this process (time.process_time), so other work on a shared machine does
not inflate them.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

import nianbao
from nianbao.extract import build_record
from nianbao.ingest import load_bytes

DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "html"
SAMPLES = ("r000.html", "r001.html", "r000dense.html", "r001_gbk.html")


def median_ms(fn, rounds: int) -> float:
    times = []
    for _ in range(rounds):
        t = time.process_time()  # CPU time: the machine is shared, wall time measures the neighbours
        fn()
        times.append((time.process_time() - t) * 1000)
    return statistics.median(times)


def main(rounds: int) -> None:
    print(f"{'file':<18}{'KB':>6}{'ingest ms':>11}{'parse+audit ms':>16}")
    totals = []
    for name in SAMPLES:
        data = (DATA / name).read_bytes()
        ingest = median_ms(lambda d=data, n=name: load_bytes(d, n), rounds)
        full = median_ms(lambda d=data, n=name: nianbao.check(build_record(load_bytes(d, n))), rounds)
        totals.append(full)
        print(f"{name:<18}{len(data) / 1024:>6.0f}{ingest:>11.2f}{full:>16.2f}")
    print(f"median parse+audit per report: {statistics.median(totals):.2f} ms (target ≤ 10 ms, {rounds} rounds)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 50)
