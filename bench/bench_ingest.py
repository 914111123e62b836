"""Batch-ingest throughput: reports per second on 1 core and on all cores, and peak memory, for the
local process pool and for Ray (a local Ray started with 1 and with all CPUs).

    .venv/bin/python bench/bench_ingest.py [N] [REPEATS] [ENGINES]   # default 10 000 reports, 3 runs, local,ray

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


def _descendants_rss(root: int) -> list[float]:
    """Resident MB of every process under ``root`` (Linux /proc; Ray's workers are not children that
    rusage counts)."""
    parent: dict[int, int] = {}
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                with open(f"/proc/{d}/stat") as f:
                    parent[int(d)] = int(f.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                pass
    found, todo = [], [root]
    while todo:
        p = todo.pop()
        kids = [c for c, pp in parent.items() if pp == p]
        found.extend(kids)
        todo.extend(kids)
    out = []
    for pid in found:
        try:
            with open(f"/proc/{pid}/status") as f:
                rss = next((line.split()[1] for line in f if line.startswith("VmRSS:")), "0")
            out.append(int(rss) / 1024)
        except OSError:
            pass
    return out


def _tree_rss(stop: list[bool], peak: dict[str, float]) -> None:
    """Sample the peak resident memory of this process and of the largest process under it."""
    me = os.getpid()
    while not stop:
        peak["main"] = max(peak.get("main", 0), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
        peak["worker"] = max([peak.get("worker", 0), *_descendants_rss(me)])
        time.sleep(0.5)


def run(folder: str, db: str, workers: int, engine: str = "local") -> None:
    """One measured ingest (in a child process); prints a JSON line."""
    import threading

    import nianbao

    peak: dict[str, float] = {}
    stop: list[bool] = []
    sampler = threading.Thread(target=_tree_rss, args=(stop, peak), daemon=True)
    sampler.start()
    startup = 0.0
    if engine == "ray":  # Ray's start-up is paid once per cluster, not per batch: measured apart
        from nianbao.pipeline import ray_engine

        t = time.perf_counter()
        ray_engine.start(cpus=workers)
        startup = time.perf_counter() - t
    t0 = time.perf_counter()
    with nianbao.open_store(db) as store:
        result = nianbao.ingest_batch([folder], store, workers=workers, engine=engine)
    dt = time.perf_counter() - t0
    stop.append(True)
    sampler.join()
    ok = sum(o.status.value == "成功" for o in result.outcomes)
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    print(json.dumps({"workers": workers, "engine": engine, "seconds": dt, "startup": startup, "ok": ok,
                      "n": len(result.outcomes), "cpu_main": me.ru_utime + me.ru_stime,
                      "cpu_workers": kids.ru_utime + kids.ru_stime,
                      "rss_main_mb": max(peak.get("main", 0), me.ru_maxrss / 1024),
                      "rss_worker_mb": max(peak.get("worker", 0), kids.ru_maxrss / 1024)}))


def main(n: int, repeats: int, engines: list[str]) -> None:
    cores = os.cpu_count() or 1
    configs = [(e, w) for e in engines for w in sorted({1, cores})]
    with tempfile.TemporaryDirectory(prefix="nianbao-bench-") as tmp:
        folder = Path(tmp) / "reports"
        t0 = time.perf_counter()
        generate(folder, n)
        print(f"generated {n} reports in {time.perf_counter() - t0:.1f} s")
        results: dict[tuple[str, int], list[dict]] = {c: [] for c in configs}
        for i in range(repeats):
            for engine, workers in configs:
                db = Path(tmp) / f"{engine}{workers}-{i}.sqlite"
                out = subprocess.run([sys.executable, __file__, "--run", str(folder), str(db), str(workers), engine],
                                     capture_output=True, text=True, check=True)
                db.unlink()
                r = json.loads(out.stdout.strip().splitlines()[-1])
                results[(engine, workers)].append(r)
                print(f"{engine}, {workers} CPU: {r['ok']}/{r['n']} stored in {r['seconds']:.1f} s = "
                      f"{r['ok'] / r['seconds']:.1f} reports/s (start-up {r['startup']:.1f} s apart); CPU per report: "
                      f"main {1000 * r['cpu_main'] / n:.1f} ms, workers {1000 * r['cpu_workers'] / n:.1f} ms; "
                      f"peak RSS main {r['rss_main_mb']:.0f} MB, largest worker {r['rss_worker_mb']:.0f} MB")
        median = {c: statistics.median(r["ok"] / r["seconds"] for r in rs) for c, rs in results.items()}
        for engine, workers in configs:
            print(f"median of {repeats}, {engine}, {workers} CPU: {median[(engine, workers)]:.1f} reports/s")
        for engine in engines:
            if cores > 1:
                print(f"{engine} scaling: {median[(engine, cores)] / median[(engine, 1)]:.2f}x on {cores} cores")
        if "ray" in engines and "local" in engines and cores > 1:
            cpu = {c: statistics.median(1000 * r["cpu_main"] / n for r in rs) for c, rs in results.items()}
            print(f"Ray's driver spends {cpu[('ray', cores)]:.1f} ms CPU per document, the local pool's main process "
                  f"{cpu[('local', cores)]:.1f} ms: Ray adds {cpu[('ray', cores)] - cpu[('local', cores)]:.1f} ms "
                  f"(reading the bytes for the task, submitting it, fetching the result)")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--run":
        run(sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5] if len(sys.argv) > 5 else "local")
    else:
        main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000, int(sys.argv[2]) if len(sys.argv) > 2 else 3,
             (sys.argv[3] if len(sys.argv) > 3 else "local,ray").split(","))
