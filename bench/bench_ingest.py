"""Batch-ingest throughput: reports per second on 1 core and on all cores, and peak memory.

    .venv/bin/python bench/bench_ingest.py [N] [REPEATS]   # default 10 000 generated reports, 3 runs each

Reports are seed 000 rewritten with other agencies, years and consistent random tables
(tests/synth.py). Each run is its own process into a fresh SQLite store, so peak memory (max RSS) is
per run: the main process and the largest worker. Runs of 1 and all cores alternate and the medians are
compared, so that other load on a shared machine skews both alike; CPU time per report (main process,
and workers) shows how much of the wall time was this program's.
"""

from __future__ import annotations

import json
import os
import random
import resource
import statistics
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
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    print(json.dumps({"workers": workers, "seconds": dt, "ok": ok, "n": len(result.outcomes),
                      "cpu_main": me.ru_utime + me.ru_stime, "cpu_workers": kids.ru_utime + kids.ru_stime,
                      "rss_main_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                      "rss_worker_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))


def main(n: int, repeats: int) -> None:
    cores = os.cpu_count() or 1
    configs = sorted({1, cores})
    with tempfile.TemporaryDirectory(prefix="nianbao-bench-") as tmp:
        folder = Path(tmp) / "reports"
        t0 = time.perf_counter()
        generate(folder, n)
        print(f"generated {n} reports in {time.perf_counter() - t0:.1f} s")
        results: dict[int, list[dict]] = {w: [] for w in configs}
        for i in range(repeats):
            for workers in configs:
                db = Path(tmp) / f"w{workers}-{i}.sqlite"
                out = subprocess.run([sys.executable, __file__, "--run", str(folder), str(db), str(workers)],
                                     capture_output=True, text=True, check=True)
                db.unlink()
                r = json.loads(out.stdout.strip().splitlines()[-1])
                results[workers].append(r)
                print(f"{workers} process(es): {r['ok']}/{r['n']} stored in {r['seconds']:.1f} s = "
                      f"{r['ok'] / r['seconds']:.1f} reports/s; CPU per report: main {1000 * r['cpu_main'] / n:.1f} ms, "
                      f"workers {1000 * r['cpu_workers'] / n:.1f} ms; peak RSS main {r['rss_main_mb']:.0f} MB, "
                      f"largest worker {r['rss_worker_mb']:.0f} MB")
        median = {w: statistics.median(r["ok"] / r["seconds"] for r in rs) for w, rs in results.items()}
        for w in configs:
            print(f"median of {repeats}, {w} process(es): {median[w]:.1f} reports/s")
        if cores > 1:
            print(f"scaling: {median[cores] / median[1]:.2f}x on {cores} cores (ideal {cores}x; the main process "
                  f"writes to the store serially, and other load on the machine counts too)")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--run":
        run(sys.argv[2], sys.argv[3], int(sys.argv[4]))
    else:
        main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000, int(sys.argv[2]) if len(sys.argv) > 2 else 3)
