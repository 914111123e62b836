"""Store write throughput: documents saved per second (one commit each, as batch ingest does) into SQLite
and into a PostgreSQL server started here (fsync on, default settings), by 1 and 2 writer processes;
on PostgreSQL with each commit waiting for the disk and, as batch ingest saves, without waiting.

    .venv/bin/python bench/bench_store.py [N]     # default 2 000 generated reports per run

The rows are built before timing (batch workers build them), so this is the writer's cost alone: the
figure that caps a cluster, whose workers can parse far more than one database takes.
"""

from __future__ import annotations

import glob
import multiprocessing
import os
import random
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))


def _docs(n: int, offset: int) -> list:
    import nianbao
    from nianbao.store import Parsed, prepare
    from synth import agency_names, report_text, tables

    rng = random.Random(offset)
    out = []
    for i, agency in enumerate(agency_names(n, offset)):
        req, app = tables(rng)
        text = report_text(agency, 2023, req, app)
        record = nianbao.parse_bytes(text.encode("utf-8"), f"{i}.txt")
        found = [f.model_dump(mode="json") for f in nianbao.check(record)]
        out.append(Parsed(f"{offset}-{i}", f"{i}.txt", len(text), "text", "成功", [],
                          prepare(record.to_json_dict(), found)))
    return out


def _writer(url: str, n: int, offset: int, barrier, queue, durable: bool) -> None:
    import nianbao

    docs = _docs(n, offset)
    with nianbao.open_store(url) as store:
        barrier.wait()
        t0 = time.perf_counter()
        for d in docs:
            store.save_many([d], durable=durable)
        queue.put(time.perf_counter() - t0)


def measure(url: str, n: int, writers: int, durable: bool = False) -> float:
    """Documents per second with ``writers`` processes saving n/writers each at once."""
    import nianbao

    nianbao.open_store(url).close()
    ctx = multiprocessing.get_context("spawn")
    barrier, queue = ctx.Barrier(writers), ctx.Queue()
    procs = [ctx.Process(target=_writer, args=(url, n // writers, 10_000 * (k + 1), barrier, queue, durable))
             for k in range(writers)]
    for p in procs:
        p.start()
    times = [queue.get() for _ in procs]
    for p in procs:
        p.join()
    return n / max(times)


def _postgres(base: Path) -> tuple[str, list[str], Path]:
    bindir = Path(sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))[-1]).parent
    as_user: list[str] = []
    if os.geteuid() == 0:
        shutil.chown(base, "postgres", "postgres")
        as_user = ["runuser", "-u", "postgres", "--"]
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    data = base / "data"
    subprocess.run([*as_user, str(bindir / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres"],
                   check=True, capture_output=True)
    subprocess.run([*as_user, str(bindir / "pg_ctl"), "-D", str(data), "-l", str(base / "log"), "-w", "-o",
                    f"-p {port} -k {base} -c listen_addresses=127.0.0.1", "start"], check=True, capture_output=True)
    return f"postgresql://postgres@127.0.0.1:{port}/postgres", [*as_user, str(bindir / "pg_ctl"), "-D", str(data)], data


def main(n: int) -> None:
    with tempfile.TemporaryDirectory(prefix="nianbao-store-") as tmp:
        base = Path(tmp)
        for writers in (1, 2):
            rate = measure(str(base / f"s{writers}.sqlite"), n, writers)
            print(f"SQLite, {writers} writer(s): {rate:.0f} documents/s")
        pgbase = Path(tempfile.mkdtemp(prefix="nianbao-store-pg-"))  # beside, not inside: postgres must reach it
        server, ctl, _ = _postgres(pgbase)
        try:
            import psycopg

            for sync in ("on", "off"):
                for writers in (1, 2):
                    name = f"b{writers}{sync}"
                    with psycopg.connect(server, autocommit=True) as c:
                        c.execute(f"CREATE DATABASE {name}")
                    url = server.rsplit("/", 1)[0] + "/" + name
                    # off: what batch ingest asks for (save_many(durable=False))
                    rate = measure(url, n, writers, durable=sync == "on")
                    print(f"PostgreSQL (fsync on, synchronous_commit {sync}), {writers} writer(s): "
                          f"{rate:.0f} documents/s")
        finally:
            subprocess.run([*ctl, "-m", "immediate", "stop"], capture_output=True)
            shutil.rmtree(pgbase, ignore_errors=True)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000)
