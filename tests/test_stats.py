"""Statistics: 2019-format reports mapped onto the 2021 rows, year-on-year change, shares, correction
rates, error share (dismissed findings left out), charts as PNG and SVG."""

from __future__ import annotations

import random

import pytest

import nianbao
from synth import report_text, tables

AGENCIES = ("聊城市统计局", "聊城市财政局")
OTHER = ("other_no_supplement", "other_fee_unpaid", "other_other")


def _as_2019(record: nianbao.record.Record, year: int) -> dict:
    """The same numbers laid out in the 2019 format: （六）其他处理 one row; 表二 not comparable."""
    d = record.to_json_dict()
    d["meta"].update(year=year, format="2019", published=f"{year + 1}-01-20")
    d["active"] = {"regulations": {"made": 1, "published": 1, "public_total": 3}}
    rows = d["requests"]
    rows["other_total"] = {c: sum(rows[k][c] for k in OTHER) for c in rows["other_other"]}
    for k in OTHER:
        del rows[k]
    d["provenance"] = {}
    return d


@pytest.fixture
def stored(tmp_path):
    rng = random.Random(11)
    store = nianbao.open_store(tmp_path / "s.sqlite")
    made = {}
    for i, agency in enumerate(AGENCIES):
        req, app = tables(rng)
        if i == 1:
            req["new_received"][6] += 1  # breaks 勾稽关系 and the row total: error findings
        text = report_text(agency, 2021, req, app)
        (tmp_path / f"{i}.txt").write_text(text, encoding="utf-8")
        made[(agency, 2021)] = nianbao.parse_bytes(text.encode(), f"{i}.txt")
        old = nianbao.parse_bytes(report_text(agency, 2021, *tables(rng)).encode(), "old.txt")
        d = _as_2019(old, 2020)
        store.save(sha256=f"{i:064d}", name=f"old{i}.txt", size=1, kind="text", status="成功", errors=[], record=d,
                   findings=[])
        made[(agency, 2020)] = nianbao.record.Record.model_validate(d)
    nianbao.ingest_batch([tmp_path / "0.txt", tmp_path / "1.txt"], store, workers=1)
    yield store, made
    store.close()


def _sum(made, year, path):
    return sum(r.get(path) for (a, y), r in made.items() if y == year)


def test_by_year_with_2019_rows_mapped(stored):
    store, made = stored
    st = nianbao.stats(store, by=["year"])
    g20, g21 = st.groups
    assert (g20.key, g21.key, g20.reports, g21.reports) == ({"year": 2020}, {"year": 2021}, 2, 2)
    r20, r21 = _sum(made, 2020, "requests.new_received.total"), _sum(made, 2021, "requests.new_received.total")
    assert (g20.received, g21.received, g21.received_prev) == (r20, r21, r20)
    assert g21.yoy == pytest.approx((r21 - r20) / r20)
    assert g20.yoy is None
    # 2019: the single （六） row; 2021: the three rows summed into it
    assert g20.outcomes["other"] == pytest.approx(_sum(made, 2020, "requests.other_total.total")
                                                  / _sum(made, 2020, "requests.total_processed.total"))
    other21 = sum(_sum(made, 2021, f"requests.{k}.total") for k in OTHER)
    assert g21.outcomes["other"] == pytest.approx(other21 / _sum(made, 2021, "requests.total_processed.total"))
    assert sum(g21.outcomes.values()) == pytest.approx(1.0)
    assert g21.applicants["natural_person"] == pytest.approx(
        _sum(made, 2021, "requests.new_received.natural_person")
        / sum(_sum(made, 2021, f"requests.new_received.{c}") for c in
              ("natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org")))
    assert g21.denied["denied_state_secret"] == _sum(made, 2021, "requests.denied_state_secret.total")
    corrected = _sum(made, 2021, "appeals.review.corrected")
    decided = sum(_sum(made, 2021, f"appeals.review.{c}") for c in ("upheld", "corrected", "other"))
    assert g21.review_correction == (pytest.approx(corrected / decided) if decided else None)
    assert g21.reviews == _sum(made, 2021, "appeals.review.total")
    assert g21.lawsuits == (_sum(made, 2021, "appeals.litigation_direct.total")
                            + _sum(made, 2021, "appeals.litigation_after_review.total"))
    assert g21.error_share == 0.5 and g20.error_share == 0
    assert st.findings["T3-01"] >= 1


def test_dismissed_findings_do_not_count(stored):
    store, _ = stored
    for f in store.findings():
        if f.severity == "error":
            nianbao.review(store, f.fingerprint, "dismiss", "数据已核实")
    st = nianbao.stats(store, by=("year", "region", "level"))
    assert all(g.error_share == 0 for g in st.groups)
    assert st.findings["T3-01"] == 0
    assert {tuple(g.key.values()) for g in st.groups} == {(2020, "聊城市", "department"), (2021, "聊城市", "department")}


def test_charts_png_and_svg_in_chinese(stored, tmp_path):
    store, _ = stored
    files = nianbao.charts(nianbao.stats(store), tmp_path / "charts")
    assert sorted(f.suffix for f in files) == [".png"] * 3 + [".svg"] * 3
    for f in files:
        data = f.read_bytes()
        if f.suffix == ".png":
            assert data[:4] == b"\x89PNG" and len(data) > 5000
        else:
            assert "收到政府信息公开申请数量" in data.decode("utf-8") or "办理结果构成" in data.decode("utf-8") \
                or "最常见的审核问题" in data.decode("utf-8")
