"""Batch-ingest throughput: reports per second on 1 core and on all cores, and peak memory.

    .venv/bin/python bench/bench_ingest.py [N]        # default 10 000 generated reports

Reports are seed 000 rewritten with other agencies, years and consistent random tables
(tests/synth.py). Each configuration runs in its own process into a fresh SQLite store, so peak
memory (max RSS) is per run: the main process and the largest worker.
"""

from __future__ import annotations

import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))


def generate(folder: Path, n: int) -> None:
    from synth import agency_names, report_text, tables

    rng = random.Random(2024)
    agencies = agency_names(min(n, 1000))
    for i in range(n):
        agency, year = agencies[i % len(agencies)], 2021 + i // len(agencies)
        req, app = tables(rng)
        sub = folder / str(year)
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"{i:05d}.txt").write_text(report_text(agency, year, req, app), encoding="utf-8")


def run(folder: str, db: str, workers: int) -> None:
    """One measured ingest (in a child process); prints a JSON line."""
    import nianbao

    t0 = time.perf_counter()
    with nianbao.open_store(db) as store:
        result = nianbao.ingest_batch([folder], store, workers=workers)
    dt = time.perf_counter() - t0
    ok = sum(o.status.value == "成功" for o in result.outcomes)
    print(json.dumps({"workers": workers, "seconds": dt, "ok": ok, "n": len(result.outcomes),
                      "rss_main_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                      "rss_worker_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))


def main(n: int) -> None:
    cores = os.cpu_count() or 1
    with tempfile.TemporaryDirectory(prefix="nianbao-bench-") as tmp:
        folder = Path(tmp) / "reports"
        t0 = time.perf_counter()
        generate(folder, n)
        print(f"generated {n} reports in {time.perf_counter() - t0:.1f} s")
        results = {}
        for workers in sorted({1, cores}):
            out = subprocess.run([sys.executable, __file__, "--run", str(folder), str(Path(tmp) / f"w{workers}.sqlite"),
                                  str(workers)], capture_output=True, text=True, check=True)
            r = json.loads(out.stdout.strip().splitlines()[-1])
            results[workers] = r
            print(f"{workers} process(es): {r['ok']}/{r['n']} stored in {r['seconds']:.1f} s = "
                  f"{r['ok'] / r['seconds']:.1f} reports/s; peak RSS main {r['rss_main_mb']:.0f} MB, "
                  f"largest worker {r['rss_worker_mb']:.0f} MB")
        if cores > 1:
            speed = results[1]["seconds"] / results[cores]["seconds"]
            print(f"scaling: {speed:.2f}x on {cores} cores (ideal {cores}x; the main process writes to the store "
                  f"serially, and other load on the machine counts too)")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--run":
        run(sys.argv[2], sys.argv[3], int(sys.argv[4]))
    else:
        main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000)
