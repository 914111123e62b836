"""The web workbench under load: a region of 1 000 reports and 20 000 findings.

    .venv/bin/python bench/bench_web.py [REPORTS] [FINDINGS] [REQUESTS]   # default 1000 20000 30

Measures, in-process (FastAPI's TestClient, so the numbers are the application's, not a network's):
- the report page (报告) of one report and the 问题清单 of the region (first page, and filtered by rule), as a
  reviewer of the region: median and 90th percentile of REQUESTS requests each (target ≤ 200 ms median);
- upload → findings: a text report POSTed to /api/v1/documents until GET …/findings answers 200 (target ≤ 1 s).

Reports are seed 000 rewritten with other agencies and consistent random tables (tests/synth.py), ingested with
`nianbao.ingest_batch`; they bring ~5 findings each, and the rest up to FINDINGS is added as copies with other
codes and fingerprints directly in the findings table (the page reads them like any other).
"""

from __future__ import annotations

import random
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
REGION = "某某市"


def build(tmp: Path, n_reports: int, n_findings: int) -> str:
    from sqlalchemy import text

    import nianbao
    from synth import report_text, tables

    folder = tmp / "reports"
    folder.mkdir()
    rng = random.Random(9)
    agencies = [f"{REGION}第{i:04d}局" for i in range(n_reports)]
    for i, agency in enumerate(agencies):
        req, app = tables(rng)
        (folder / f"{i:05d}.txt").write_text(report_text(agency, 2023, req, app), encoding="utf-8")
    db = str(tmp / "bench.sqlite")
    t0 = time.perf_counter()
    with nianbao.open_store(db) as store:
        result = nianbao.ingest_batch([folder], store)
        store.save_units([{"name": a, "parent": REGION, "level": "department"} for a in agencies])
        with store.engine.begin() as c:
            have = c.execute(text("SELECT count(*) FROM findings")).scalar_one()
            rows = c.execute(text("SELECT report_id, code, name, severity, message, cells, expected, actual, fix "
                                  "FROM findings")).all()
            codes = [r.code for r in nianbao.rules()]
            extra, k = [], 0
            while have + len(extra) < n_findings:
                r = rows[k % len(rows)]
                extra.append({"report_id": r.report_id, "code": codes[k % len(codes)], "name": r.name,
                              "severity": ("error", "warning", "info")[k % 3], "message": r.message, "cells": r.cells,
                              "expected": r.expected, "actual": r.actual, "fix": r.fix, "fingerprint": f"b{k:015x}"})
                k += 1
            if extra:
                c.execute(text("INSERT INTO findings (report_id, code, name, severity, message, cells, expected, actual, "
                               "fix, fingerprint) VALUES (:report_id, :code, :name, :severity, :message, :cells, "
                               ":expected, :actual, :fix, :fingerprint)"), extra)
            total = c.execute(text("SELECT count(*) FROM findings")).scalar_one()
    print(f"store: {sum(o.status.value == '成功' for o in result.outcomes)} reports of {REGION}, {total} findings "
          f"(built in {time.perf_counter() - t0:.1f} s)")
    return db


def timed(client, url: str, n: int) -> tuple[float, float]:
    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        r = client.get(url)
        times.append((time.perf_counter() - t0) * 1000)
        assert r.status_code == 200, (url, r.status_code, r.text[:300])
    times.sort()
    return statistics.median(times), times[int(0.9 * (len(times) - 1))]


def main(n_reports: int, n_findings: int, n_requests: int) -> None:
    from fastapi.testclient import TestClient

    import nianbao
    from nianbao.web import add_user, create_app
    from synth import report_text, tables

    with tempfile.TemporaryDirectory(prefix="nianbao-web-bench-") as tmp:
        db = build(Path(tmp), n_reports, n_findings)
        add_user(db, "rev", "reviewer", REGION, "bench-password")
        with TestClient(create_app(db, files=Path(tmp) / "files")) as c:
            page = c.get("/login")
            token = re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)
            c.post("/login", data={"username": "rev", "password": "bench-password", "csrf": token})
            api = c.post("/api/v1/auth/login", json={"username": "rev", "password": "bench-password"}).json()["token"]
            h = {"Authorization": f"Bearer {api}"}
            docs = c.get("/api/v1/documents", params={"limit": 1}, headers=h).json()
            sha = docs["items"][0]["id"]
            listed = c.get("/api/v1/findings", params={"region": REGION, "limit": 1}, headers=h).json()["total"]
            print(f"the reviewer of {REGION} sees {docs['total']} documents and {listed} findings")
            for name, url in (("report page (报告)", f"/reports/{sha}"),
                              ("问题清单 of the region, page 1", f"/findings?region={REGION}"),
                              ("问题清单 filtered by rule T3-01", f"/findings?region={REGION}&code=T3-01"),
                              ("问题清单 not yet reviewed", "/findings?state=open")):
                c.get(url)  # warm
                med, p90 = timed(c, url, n_requests)
                print(f"{name}: median {med:.0f} ms, p90 {p90:.0f} ms over {n_requests} requests "
                      f"({'OK' if med <= 200 else 'OVER'} the 200 ms target)")
            rng = random.Random(5)
            waits = []
            for i in range(10):
                req, app = tables(rng)
                data = report_text(f"{REGION}新单位{i}", 2024, req, app).encode("utf-8")
                t0 = time.perf_counter()
                out = c.post("/api/v1/documents", files={"file": (f"new{i}.txt", data)}, headers=h).json()
                while c.get(f"/api/v1/documents/{out['id']}/findings", headers=h).status_code != 200:
                    time.sleep(0.005)
                waits.append((time.perf_counter() - t0) * 1000)
            print(f"upload → findings: median {statistics.median(waits):.0f} ms, max {max(waits):.0f} ms over 10 uploads "
                  f"({'OK' if statistics.median(waits) <= 1000 else 'OVER'} the 1 s target)")
    del nianbao


if __name__ == "__main__":
    args = [int(a) for a in sys.argv[1:]]
    main(*(args + [1000, 20000, 30][len(args):]))
