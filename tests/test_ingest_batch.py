"""Batch ingest: a folder with a corrupt file, a duplicate and a zip; re-runs; a killed run; two runs at once."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
import time
import zipfile
from collections import Counter

import nianbao
from conftest import BIN, DATA
from store_fixtures import *  # the db and pg_server fixtures
from store_fixtures import new_pg_database
from synth import agency_names, report_text, tables

SEEDS = sorted((DATA / "text").glob("*.txt"))


def _folder(tmp_path):
    """3 seeds as files, a duplicate of one, the corrupt PDF, and a zip with the other 2 seeds."""
    d = tmp_path / "batch"
    (d / "sub").mkdir(parents=True)
    for s in SEEDS[:3]:
        shutil.copy(s, d / s.name)
    shutil.copy(SEEDS[0], d / "sub" / "副本.txt")
    shutil.copy(DATA / "batch" / "truncated.pdf", d / "损坏.pdf")
    (d / ".hidden.txt").write_text("not a report", encoding="utf-8")  # hidden files are not documents
    with zipfile.ZipFile(d / "more.zip", "w") as z:
        for s in SEEDS[3:]:
            z.write(s, f"2021年/{s.name}")
    return d


def _statuses(result) -> Counter:
    return Counter(o.status.value for o in result.outcomes)


def test_folder_with_corrupt_duplicate_and_zip(db, tmp_path):
    folder = _folder(tmp_path)
    with nianbao.open_store(db) as store:
        result = nianbao.ingest_batch([folder], store, workers=2)
        assert _statuses(result) == {"成功": 5, "跳过": 1, "失败": 1}
        failed = next(o for o in result.outcomes if o.status.value == "失败")
        assert failed.name.endswith("损坏.pdf") and "损坏.pdf" in failed.errors[0]
        assert result.exit_code == 1
        assert "失败 1" in result.summary() and "未能读取" in result.summary()
        assert any(o.name.endswith("more.zip:2021年/" + SEEDS[4].name) for o in result.outcomes)
        assert len(store.reports(doc_kind=None)) == 5
        docs = store.documents()
        assert Counter(d["status"] for d in docs) == {"成功": 5, "失败": 1}
        assert "损坏.pdf" in next(d for d in docs if d["status"] == "失败")["errors"][0]["message"]
        before = store.counts()
        again = nianbao.ingest_batch([folder], store, workers=1)
        assert _statuses(again) == {"跳过": 6, "失败": 1}  # the failed file is tried again, the rest skipped
        assert store.counts() == before


def _cli_ingest(*args: str, **kw) -> subprocess.Popen:
    return subprocess.Popen([str(BIN / "nianbao"), "ingest", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, **kw)


def _generate(folder, n: int, seed: int = 0, offset: int = 0) -> None:
    import random

    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    for i, name in enumerate(agency_names(n, offset)):
        req, app = tables(rng)
        (folder / f"r{i:03d}.txt").write_text(report_text(name, 2021, req, app), encoding="utf-8")


def test_killed_run_finishes_on_rerun_without_duplicates(tmp_path):
    folder, url = tmp_path / "many", str(tmp_path / "k.sqlite")
    _generate(folder, 40)
    proc = _cli_ingest(str(folder), "--db", url, "-j", "1")
    deadline = time.time() + 120
    with nianbao.open_store(url) as store:
        while time.time() < deadline and store.counts()["reports"] < 3:
            time.sleep(0.05)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        stored = store.counts()["reports"]
        assert 3 <= stored < 40, "the run was not interrupted half-way"
    out = _cli_ingest(str(folder), "--db", url)
    stdout, _ = out.communicate(timeout=300)
    assert out.returncode == 0, stdout
    with nianbao.open_store(url) as store:
        assert store.counts()["reports"] == 40
        assert len({r.agency for r in store.reports()}) == 40
    assert f"跳过 {stored}" in stdout.replace("\n", "")


def test_two_runs_at_once_into_postgresql_lose_nothing(pg_server, tmp_path):
    url = new_pg_database(pg_server)
    a, b = tmp_path / "a", tmp_path / "b"
    _generate(a, 30, seed=1)
    b.mkdir()
    for f in sorted(a.iterdir())[10:]:  # b overlaps a on 20 documents and adds 10 of its own
        shutil.copy(f, b / f.name)
    _generate(tmp_path / "b_own", 10, seed=2, offset=100)
    for f in (tmp_path / "b_own").iterdir():
        shutil.copy(f, b / ("own_" + f.name))
    runs = [_cli_ingest(str(a), "--db", url, "--json", "-j", "1"),
            _cli_ingest(str(b), "--db", url, "--json", "-j", "1")]
    outs = []
    for p in runs:
        stdout, stderr = p.communicate(timeout=600)
        assert p.returncode == 0, stderr
        outs.append(stdout)
    import json

    lines = [json.loads(x) for out in outs for x in out.splitlines() if x.strip()]
    assert Counter(x["status"] for x in lines) == {"成功": 40, "跳过": 20}
    with nianbao.open_store(url) as store:
        counts = store.counts()
        assert counts["documents"] == counts["reports"] == 40
        assert len({d["sha256"] for d in store.documents()}) == 40


def test_cli_exit_code_and_summary(tmp_path):
    folder = _folder(tmp_path)
    r = subprocess.run([str(BIN / "nianbao"), "ingest", str(folder), "--db", str(tmp_path / "c.sqlite")],
                       capture_output=True, text=True, env={**os.environ, "COLUMNS": "200"}, check=False)
    assert r.returncode == 1
    last = r.stdout.strip().splitlines()[-1]
    assert last.startswith("共 7 个文件：成功 5，部分成功 0，失败 1，跳过 1（重复）")
    assert "损坏.pdf" in r.stdout
    bad = subprocess.run([str(BIN / "nianbao"), "ingest", str(folder), "--db", "postgresql://x@127.0.0.1:1/none"],
                         capture_output=True, text=True, check=False)
    assert bad.returncode == 2 and "无法打开数据库" in bad.stderr
    assert sys.executable  # the CLI runs in the project venv


def test_worker_pool_matches_single_process(tmp_path):
    folder = tmp_path / "g"
    _generate(folder, 8, seed=5)
    results = {}
    for workers in (1, 2):
        with nianbao.open_store(tmp_path / f"w{workers}.sqlite") as store:
            nianbao.ingest_batch([folder], store, workers=workers)
            results[workers] = sorted((r.agency, store.record(r.id).get("requests.new_received.total"))
                                      for r in store.reports())
    assert results[1] == results[2] and len(results[1]) == 8
    assert threading.active_count() >= 1


def test_a_store_kept_in_the_folder_of_reports_is_not_read_as_a_report(tmp_path):
    """``nianbao ingest 报告 --db 报告/库.sqlite``: the store, its -wal/-shm and another database in the folder
    are no reports. The folder scan passes them by (they used to fail as 「不是文本文件」, once per run); a
    database named on its own is called a database."""
    folder = tmp_path / "报告"
    folder.mkdir()
    shutil.copy(SEEDS[0], folder / "a.txt")
    db = folder / "库.sqlite"
    for _ in range(2):
        with nianbao.open_store(db) as store:
            result = nianbao.ingest_batch([folder], store, workers=1)
    assert [o.name for o in result.outcomes] == [str(folder / "a.txt")]
    (folder / "库.sqlite-wal").write_bytes(b"\x37\x7f\x06\x82" + bytes(60))  # a journal left by a killed run
    shutil.copy(db, folder / "旧库.db")
    assert [s.name for s in nianbao.pipeline.batch.sources([folder])] == [str(folder / "a.txt")]
    with nianbao.open_store(tmp_path / "other.sqlite") as store:
        alone = nianbao.ingest_batch([folder / "旧库.db"], store, workers=1).outcomes[0]
    assert alone.status == nianbao.Status.failed
    assert "这是SQLite 数据库文件，不是年度报告文档" in alone.errors[0]
