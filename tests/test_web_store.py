"""The workbench on both stores, SQLite and a real PostgreSQL: users, upload, rights, concurrent review, filing
versions (the same API as tests/test_web_api.py, on each database)."""

from __future__ import annotations

import threading

from store_fixtures import *
from web_fixtures import make_bench, seed_text


def test_workbench_on_each_store(db, tmp_path):
    b = make_bench(tmp_path, db=db)
    c = b.client
    try:
        doc = b.upload("filer", "聊城统计.txt", seed_text("聊城市统计局"))["id"]
        assert b.wait("filer", doc)["agency"] == "聊城市统计局"
        assert c.get(f"/api/v1/documents/{doc}", headers=b.h("filer2")).status_code == 404
        assert c.get(f"/api/v1/documents/{doc}", headers=b.h("rev")).status_code == 200
        f = c.get(f"/api/v1/documents/{doc}/findings", headers=b.h("rev")).json()[0]
        url = f"/api/v1/findings/{f['fingerprint']}/review"
        results: list = [None] * 4
        barrier = threading.Barrier(4)

        def decide(i: int) -> None:
            barrier.wait()
            results[i] = c.post(url, json={"decision": ("confirm", "dismiss")[i % 2], "expected": 0},
                                headers=b.h(("rev", "admin")[i % 2]))

        threads = [threading.Thread(target=decide, args=(i,)) for i in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert sorted(r.status_code for r in results) == [200, 409, 409, 409], [r.text for r in results]
        items = c.get("/api/v1/findings", headers=b.h("admin")).json()["items"]
        assert next(x for x in items if x["fingerprint"] == f["fingerprint"])["seq"] == 1
        furl = "/api/v1/filings/聊城市统计局/2022"
        assert c.put(furl, json={"expected": 0}, headers=b.h("filer")).json()["version"] == 1
        assert c.put(furl, json={"expected": 0}, headers=b.h("filer")).status_code == 409
        assert c.put(furl, json={"expected": 1}, headers=b.h("filer")).json()["version"] == 2
    finally:
        c.__exit__(None, None, None)
