"""Batch ingest on Ray (a local Ray with 2 CPUs): the same store as the local pool, a worker lost
mid-batch, a manifest with hints; and "current" as a database constraint under concurrent saves."""

from __future__ import annotations

import json
import multiprocessing
import os
import shutil
from collections import Counter

import pytest

import nianbao
from conftest import DATA
from store_fixtures import *  # the db and pg_server fixtures
from store_fixtures import new_pg_database
from synth import agency_names, report_text, tables

pytestmark = pytest.mark.slow  # Ray takes seconds to start, the scan minutes of OCR CPU

SEEDS = sorted((DATA / "text").glob("*.txt"))
KILL = "NIANBAO_TEST_KILL_WORKER_ONCE"


@pytest.fixture(scope="module")
def ray_local(tmp_path_factory):
    """Ray on this machine with 2 CPUs, started once for the module. The kill marker exists, so no
    worker dies unless a test removes it (the workers inherit the variable when Ray starts)."""
    import ray

    marker = tmp_path_factory.mktemp("ray") / "killed"
    marker.touch()
    os.environ[KILL] = str(marker)
    from nianbao.pipeline import ray_engine

    ray_engine.start(cpus=2)
    yield marker
    ray.shutdown()
    os.environ.pop(KILL, None)


def _snapshot(store) -> tuple:
    """What the store holds, independent of ids and order."""
    docs = sorted((d["name"].rsplit("/", 1)[-1], d["status"]) for d in store.documents())
    reports = sorted(
        (r.agency or "", r.year or 0, json.dumps(store.record(r.id).model_dump(mode="json", exclude={"provenance"}),
                                      sort_keys=True, ensure_ascii=False))
        for r in store.reports(doc_kind=None))
    findings = sorted((f.code, f.fingerprint) for f in store.findings())
    return docs, reports, findings


def _mixed_folder(tmp_path):
    d = tmp_path / "mixed"
    d.mkdir()
    for s in SEEDS[:3]:
        shutil.copy(s, d / s.name)
    shutil.copy(SEEDS[0], d / "副本.txt")  # duplicate
    shutil.copy(DATA / "batch" / "truncated.pdf", d / "损坏.pdf")  # corrupt
    shutil.copy(DATA / "scan" / "r000dense_scan_p3.pdf", d / "扫描件.pdf")  # needs OCR
    return d


def test_ray_stores_what_the_local_pool_stores(ray_local, tmp_path):
    folder = _mixed_folder(tmp_path)
    snaps, statuses, pages = {}, {}, {}
    for engine in ("local", "ray"):
        with nianbao.open_store(tmp_path / f"{engine}.sqlite") as store:
            seen: list = pages.setdefault(engine, [])
            result = nianbao.ingest_batch([folder], store, workers=2, engine=engine,
                                          on_page=lambda *event, seen=seen: seen.append(event))
            statuses[engine] = sorted((o.name.rsplit("/", 1)[-1], o.status.value) for o in result.outcomes)
            snaps[engine] = _snapshot(store)
    assert statuses["ray"] == statuses["local"]
    # OCR's page progress reaches the caller from the pool's workers and from the Ray tasks alike
    assert pages["ray"] == pages["local"] == [(str(folder / "扫描件.pdf"), 1, 1)]
    # the scan page names no agency and no year: 部分成功, not counted (issue 11, point 17)
    assert Counter(s for _, s in statuses["ray"]) == {"成功": 3, "部分成功": 1, "跳过": 1, "失败": 1}
    assert snaps["ray"] == snaps["local"]
    assert len(snaps["ray"][1]) == 4  # three seeds and the scan's 表三


def test_the_driver_reads_each_document_once(ray_local, tmp_path, monkeypatch):
    """The bytes the driver reads to hash a document are the bytes its task gets: one read per document
    (it read each twice: once for the hash, again to send it)."""
    from nianbao.pipeline import batch

    folder = tmp_path / "once"
    folder.mkdir()
    for s in SEEDS[:3]:
        shutil.copy(s, folder / s.name)
    reads: Counter = Counter()
    real = batch.Source.read

    def counting(self):
        reads[self.name] += 1
        return real(self)

    monkeypatch.setattr(batch.Source, "read", counting)
    with nianbao.open_store(tmp_path / "once.sqlite") as store:
        result = nianbao.ingest_batch([folder], store, engine="ray")
    assert Counter(o.status.value for o in result.outcomes) == {"成功": 3}
    assert sorted(reads.values()) == [1, 1, 1], reads


def test_lost_worker_is_retried_nothing_lost_or_doubled(ray_local, tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    import random

    rng = random.Random(3)
    for i, name in enumerate(agency_names(12)):
        req, app = tables(rng)
        (folder / f"r{i:02d}.txt").write_text(report_text(name, 2022, req, app), encoding="utf-8")
    ray_local.unlink()  # the next task kills its worker
    with nianbao.open_store(tmp_path / "k.sqlite") as store:
        result = nianbao.ingest_batch([folder], store, engine="ray")
        assert ray_local.exists(), "no worker was killed"
        assert Counter(o.status.value for o in result.outcomes) == {"成功": 12}
        counts = store.counts()
        assert counts["documents"] == counts["reports"] == 12
        again = nianbao.ingest_batch([folder], store, engine="ray")
        assert Counter(o.status.value for o in again.outcomes) == {"跳过": 12}
        assert store.counts() == counts


def test_manifest_hints_fill_what_the_document_does_not_say(ray_local, tmp_path):
    (tmp_path / "docs").mkdir()
    shutil.copy(SEEDS[0], tmp_path / "docs" / "a.txt")
    shutil.copy(DATA / "scan" / "r000dense_scan_p3.pdf", tmp_path / "docs" / "b.pdf")
    manifest = tmp_path / "清单.csv"
    manifest.write_text("文件,网址,机关,地区,年度\n"
                        "docs/a.txt,https://example.invalid/a,别的机关,某某市,2020\n"
                        "docs/b.pdf,https://example.invalid/b,某某县财政局,某某县,2023\n"
                        ",https://example.invalid/c,,,\n"
                        "docs/missing.txt,,,,\n", encoding="utf-8")
    with nianbao.open_store(tmp_path / "m.sqlite") as store:
        result = nianbao.ingest_batch([], store, manifests=[manifest], engine="ray")
        by = {o.name.rsplit("/", 1)[-1]: o for o in result.outcomes}
        assert by["a.txt"].status.value == "成功"
        seed = nianbao.parse(SEEDS[0])
        assert by["a.txt"].agency == seed.meta.agency  # the document's own words win over a hint
        assert by["b.pdf"].agency == "某某县财政局" and by["b.pdf"].year == 2023  # a scan fragment says neither
        failed = [o for o in result.outcomes if o.status.value == "失败"]
        assert len(failed) == 2 and any("只有网址" in e for o in failed for e in o.errors)
        assert any("文件不存在" in e for o in failed for e in o.errors)
        regions = {r.agency: r.region for r in store.reports(doc_kind=None)}
        assert regions["某某县财政局"] == "某某县"


def _save_at_once(url: str, barrier, sha: str, text: str) -> None:
    record = nianbao.parse_bytes(text.encode("utf-8"), "x.txt")
    with nianbao.open_store(url) as store:
        barrier.wait()
        store.save(sha256=sha, name=sha, size=len(text), kind="text", status="成功", errors=[],
                   record=record.to_json_dict(), findings=[])


def test_same_agency_year_from_two_processes_leaves_one_current(pg_server):
    url = new_pg_database(pg_server)
    nianbao.open_store(url).close()  # migrate once
    ctx = multiprocessing.get_context("spawn")
    import random

    rng = random.Random(9)
    rounds = 8
    for year in range(2021, 2021 + rounds):
        barrier = ctx.Barrier(2)
        procs = []
        for k in range(2):
            req, app = tables(rng)
            text = report_text("某某市某某区教育局", year, req, app)
            procs.append(ctx.Process(target=_save_at_once, args=(url, barrier, f"{year}-{k}", text)))
        for p in procs:
            p.start()
        for p in procs:
            p.join(120)
            assert p.exitcode == 0
    with nianbao.open_store(url) as store:
        current = Counter(r.year for r in store.reports())
        assert current == {y: 1 for y in range(2021, 2021 + rounds)}
        assert store.counts()["reports"] == 2 * rounds


def test_a_ray_worker_cannot_take_more_than_its_cap():
    import subprocess
    import sys

    code = ("from nianbao.pipeline import ray_engine as r\n"
            "r._cap_memory()\n"
            "try:\n    b = bytearray(r.WORKER_DATA + (1 << 30))\nexcept MemoryError:\n    print('capped')\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    assert out.stdout.strip() == "capped"
