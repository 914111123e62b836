"""Parse and audit the seeds many times in one process; print the median ms per report, and how it divides
between the stages (ingest: bytes → Document; extract: Document → Record; audit: Record → findings).

    .venv/bin/python bench/bench_parse.py [ROUNDS]
    .venv/bin/python bench/bench_parse.py --profile [ROUNDS]   # cProfile over the rounds: the top functions

On a loaded machine the medians swell (other processes take the core); the stages' shares and the minima
hold better.
"""

from __future__ import annotations

import cProfile
import pstats
import statistics
import sys
import time
from pathlib import Path

import nianbao
from nianbao.extract.values import _clean
from nianbao.format.labels import core, norm
from nianbao.ingest import load_bytes

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "tests" / "data" / "text").glob("*.txt"))
STAGES = ("ingest", "extract", "audit")


def _clear() -> None:
    norm.cache_clear()
    core.cache_clear()  # no help from label caches between runs of the same text
    _clean.cache_clear()


def main(rounds: int = 200) -> None:
    datas = [(p.name, p.read_bytes()) for p in SEEDS]
    for name, data in datas:  # warm imports and rule loading
        nianbao.check(nianbao.parse_bytes(data, name))
    per_doc: dict[str, list[float]] = {name: [] for name, _ in datas}
    stages: dict[str, list[float]] = {s: [] for s in STAGES}
    for _ in range(rounds):
        for name, data in datas:
            _clear()
            t0 = time.perf_counter()
            doc = load_bytes(data, name)
            t1 = time.perf_counter()
            record = nianbao.build_record(doc)  # what parse_bytes is: ingest, then extract
            t2 = time.perf_counter()
            nianbao.check(record)
            t3 = time.perf_counter()
            per_doc[name].append((t3 - t0) * 1000)
            for s, t in zip(STAGES, (t1 - t0, t2 - t1, t3 - t2), strict=True):
                stages[s].append(t * 1000)
    print(f"parse + audit, {rounds} rounds, one process, one core")
    for name, times in per_doc.items():
        print(f"  {name:<32} median {statistics.median(times):6.2f} ms")
    allt = [t for ts in per_doc.values() for t in ts]
    total = statistics.median(allt)
    print("stages: " + "，".join(f"{s} {statistics.median(stages[s]):.2f} ms（min {min(stages[s]):.2f}）"
                                 for s in STAGES))
    print(f"median over all reports: {total:.2f} ms per report")


def profile(rounds: int = 60, top: int = 30) -> None:
    datas = [(p.name, p.read_bytes()) for p in SEEDS]
    for name, data in datas:
        nianbao.check(nianbao.parse_bytes(data, name))
    pr = cProfile.Profile()
    for _ in range(rounds):
        for name, data in datas:
            _clear()
            pr.enable()
            nianbao.check(nianbao.parse_bytes(data, name))
            pr.disable()
    stats = pstats.Stats(pr)
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(top)


if __name__ == "__main__":
    args = sys.argv[1:]
    if args[:1] == ["--profile"]:
        profile(int(args[1]) if len(args) > 1 else 60)
    else:
        main(int(args[0]) if args else 200)
