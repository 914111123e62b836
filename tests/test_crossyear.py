"""Cross-year rules T2-05, T3-06, C-03: fire on a copied/inconsistent next year, stay quiet on a real one,
run on ingest (in either order) and on `nianbao check --db`."""

from __future__ import annotations

import json
import subprocess

import nianbao
from conftest import BIN, DATA
from synth import report_text

SEED = DATA / "text" / "000_3da483fcafa05843.txt"  # 聊城市统计局 2021: 结转下年度 1 (自然人), 现行有效 0
OTHER = DATA / "text" / "001_da0b4287a16eb6d3.txt"  # another agency's 2021 report: different text
CROSS = ["T2-05", "T3-06", "C-03"]


def _codes(findings) -> dict[str, list]:
    out: dict[str, list] = {}
    for f in findings:
        out.setdefault(f.code, []).append(f)
    return out


def test_rules_fire_on_a_copied_next_year():
    prev = nianbao.parse(SEED)
    cur = nianbao.parse_bytes(report_text(year=2022, in_force=5).encode(), "2022.txt")
    found = _codes(nianbao.check(cur, select=CROSS, previous=prev))
    [t205] = found["T2-05"]
    assert t205.cells[0] == "active.normative_documents.in_force"
    assert (t205.expected, t205.actual) == (0, 5)
    assert "上年（2021年）现行有效 0 + 本年制发 0 − 本年废止 0 = 0" in t205.message
    t306 = {f.cells[0]: f for f in found["T3-06"]}
    assert set(t306) == {"requests.carried_over.natural_person", "requests.carried_over.total"}
    assert (t306["requests.carried_over.total"].expected, t306["requests.carried_over.total"].actual) == (1, 0)
    assert "上年（2021年）报告的结转下年度继续办理（总计列）为 1" in t306["requests.carried_over.total"].message
    [c03] = found["C-03"]
    assert c03.actual > 0.9 and "与上年（2021年）报告高度雷同" in c03.message


def test_rules_stay_quiet_on_a_consistent_new_report():
    prev = nianbao.parse(SEED)
    cur = nianbao.parse(OTHER).model_copy(deep=True)
    cur.meta.agency, cur.meta.year = prev.meta.agency, 2022
    cur.requests["carried_over"] = prev.requests["carried_forward"].model_copy()
    nd, last = cur.active.normative_documents, prev.active.normative_documents
    nd.in_force = last.in_force + nd.issued - nd.repealed
    rg, last_rg = cur.active.regulations, prev.active.regulations
    rg.in_force = last_rg.in_force + rg.issued - rg.repealed
    assert nianbao.check(cur, select=CROSS, previous=prev) == []
    assert nianbao.check(cur, select=CROSS) == []  # no previous record: the rules do not run


def test_same_text_with_new_numbers_is_still_a_copy_and_small_edits_are_not():
    prev = nianbao.parse(SEED)
    rewritten = nianbao.parse_bytes(report_text(year=2022).encode(), "x.txt")
    rewritten.sections = [s.model_copy(update={"text": s.text[: len(s.text) // 3]}) for s in prev.sections]
    # a third of last year's text kept, the rest dropped: below the share that makes a copy
    assert not [f for f in nianbao.check(rewritten, select=["C-03"], previous=prev)]


def test_rules_run_on_ingest_in_either_order(tmp_path):
    nxt = tmp_path / "2022.txt"
    nxt.write_text(report_text(year=2022), encoding="utf-8")
    with nianbao.open_store(tmp_path / "s.sqlite") as store:
        nianbao.ingest_batch([nxt], store, workers=1)  # next year first: nothing to compare with yet
        assert not [f for f in store.findings() if f.code in CROSS]
        nianbao.ingest_batch([SEED], store, workers=1)  # last year arrives: next year's findings appear
        got = {(f.year, f.code) for f in store.findings() if f.code in CROSS}
        assert got == {(2022, "T3-06"), (2022, "C-03")}


def test_check_db_passes_last_year(tmp_path):
    db = tmp_path / "s.sqlite"
    with nianbao.open_store(db) as store:
        nianbao.ingest_batch([SEED], store, workers=1)
    nxt = tmp_path / "2022.txt"
    nxt.write_text(report_text(year=2022), encoding="utf-8")
    r = subprocess.run([str(BIN / "nianbao"), "check", str(nxt), "--json", "--db", str(db)],
                       capture_output=True, text=True)
    codes = {f["code"] for f in json.loads(r.stdout)["findings"]}
    assert {"T3-06", "C-03"} <= codes
    r = subprocess.run([str(BIN / "nianbao"), "check", str(nxt), "--json"], capture_output=True, text=True, check=False)
    assert not {f["code"] for f in json.loads(r.stdout)["findings"]} & set(CROSS)
