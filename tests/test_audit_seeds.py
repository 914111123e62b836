"""The rules on the real seeds: their genuine defects are found, and one-cell mutations of the text
(parsed again, so the whole pipeline runs) make the right rule fire."""

from __future__ import annotations

from pathlib import Path

import pytest

import nianbao
from conftest import DATA, golden
from nianbao.audit.base import Severity

TEXT = DATA / "text"
SEEDS = {p.stem[:3]: p for p in sorted(TEXT.glob("*.txt"))}
TABLE_CODES = ("T2-", "T3-", "T4-", "S-01", "S-02")


def findings(path: Path):
    return nianbao.check(nianbao.parse(path))


def codes(path: Path) -> set[str]:
    return {f.code for f in findings(path)}


@pytest.mark.parametrize("seed", sorted(SEEDS))
def test_seed_findings_golden(seed):
    got = [{"code": f.code, "severity": f.severity.value, "message": f.message, "cells": f.cells,
            "fingerprint": f.fingerprint} for f in findings(SEEDS[seed])]
    golden(DATA / "audit" / "golden" / f"{SEEDS[seed].stem}.findings.json", got)


@pytest.mark.parametrize("seed", sorted(SEEDS))
def test_seeds_have_no_error(seed):
    errors = [f.message for f in findings(SEEDS[seed]) if f.severity == Severity.error]
    assert errors == []


def test_seed_000_blank_review_half_and_label_typos():
    found = findings(SEEDS["000"])
    blank = [f for f in found if f.code == "T4-03"]
    assert len(blank) == 1 and blank[0].cells == [f"appeals.review.{c}" for c in ("upheld", "corrected", "other", "pending", "total")]
    assert any(f.code == "L-01" and f.actual == "本年度止件数" for f in found)


def test_seed_002_compares_with_a_later_year():
    x07 = [f for f in findings(SEEDS["002"]) if f.code == "X-07"]
    assert len(x07) == 1
    assert (x07[0].expected, x07[0].actual) == (2023, 2024)
    assert "比2024年增加" in x07[0].message


def test_seed_003_is_an_interpretation_without_table_findings():
    found = codes(SEEDS["003"])
    assert "S-04" in found
    assert not [c for c in found if c.startswith(TABLE_CODES)]


# ---- mutations of the seed text -------------------------------------------------------------------
def mutate(tmp_path: Path, seed: str, old: str, new: str, count: int = 1) -> Path:
    text = SEEDS[seed].read_text(encoding="utf-8")
    assert text.count(old) >= 1, f"{old!r} not in seed {seed}"
    out = tmp_path / SEEDS[seed].name
    out.write_text(text.replace(old, new, count), encoding="utf-8")
    return out


# (seed, old text, new text, codes that must fire, codes that must not)
MUTATIONS = {
    # 001 表三 （一）予以公开 自然人 2 → 3: the row total and the outcome total break, the identity holds
    "t3-cell": ("001", "(一) 予以公开\t2\t0", "(一) 予以公开\t3\t0", {"T3-02", "T3-03"}, {"T3-01"}),
    # 001 表三 （七）总计 总计 2 → 3: row total, outcome total and identity all break in the 总计 column
    "t3-total": ("001", "(七) 总计\t2\t0\t0\t0\t0\t0\t2", "(七) 总计\t2\t0\t0\t0\t0\t0\t3", {"T3-01", "T3-02", "T3-03"}, set()),
    # 001 表三 本年新收 自然人 2 → 5: identity and row total, and the text (2 件) no longer matches
    "t3-new": ("001", "一、本年新收政府信息公开申请数量\t\t2\t0\t0\t0\t0\t0\t2",
               "一、本年新收政府信息公开申请数量\t\t2\t0\t0\t0\t0\t0\t5", {"T3-01", "T3-03", "X-01"}, {"T3-02"}),
    # 001 表四 a non-zero 复议 total without its parts
    "t4-total": ("001", "\n0\t0\t0\t0\t0\t0\t0", "\n0\t0\t0\t0\t2\t0\t0", {"T4-01"}, set()),
    # 000 signed a month late
    "date": ("000", "2022年1月26日", "2022年2月26日", {"P-01"}, set()),
    # 000 date removed
    "no-date": ("000", "\n2022年1月26日", "\n", {"P-04"}, {"P-01"}),
    # 000 the text's count of applications
    "narrative-count": ("000", "全年收到政府信息公开申请14件", "全年收到政府信息公开申请15件", {"X-01"}, {"X-02"}),
    # 000 the text says none were received
    "narrative-none": ("000", "全年收到政府信息公开申请14件", "全年未收到政府信息公开申请", {"X-02"}, {"X-01"}),
    # 000 comparison with the report year itself
    "year": ("000", "比2019年同期增长", "比2022年同期增长", {"X-07"}, set()),
    # 000 统计期限 of another year
    "period": ("000", "期限从 2021 年 1 月 1 日至", "期限从 2020 年 1 月 1 日至", {"S-06", "X-07"}, set()),
    # 001 a 2021 report whose 表三 （六） is one row (the 2019 format)
    "format": ("001", ("(六) 其他处理\t1. 申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请\t0\t0\t0\t0\t0\t0\t0\t\n"
               "\t2. 申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请\t0\t0\t0\t0\t0\t0\t0\t\n\t3. 其他\t0\t0\t0\t0\t0\t0\t0"),
               "(六) 其他处理\t0\t0\t0\t0\t0\t0\t0", {"S-03"}, {"T3-05", "T3-02"}),
    # 001 表二 a count that is not an integer
    "t2-number": ("001", "行政处罚\t0", "行政处罚\t1.5", {"T2-01"}, set()),
    # 001 表二 a blank cell
    "t2-blank": ("001", "行政许可\t0", "行政许可\t-", {"T2-03"}, {"T2-01"}),
    # 001 text: 制发规范性文件 — the table says 7
    "normative": ("001", "发布规范性文件7个", "发布规范性文件5个", {"X-04"}, set()),
    # 001 section 六 mentions the fee: C-05 quiet
    "fee-said": ("001", "六、其他需要报告的事项。", "六、其他需要报告的事项。本年度未收取信息处理费。", set(), {"C-05"}),
}


@pytest.mark.parametrize("name", sorted(MUTATIONS))
def test_mutation_fires_the_right_rule(tmp_path, name):
    seed, old, new, must, must_not = MUTATIONS[name]
    before = codes(SEEDS[seed])
    after = codes(mutate(tmp_path, seed, old, new))
    assert must <= after, f"{name}: {sorted(must - after)} did not fire"
    assert not (must_not & after), f"{name}: {sorted(must_not & after)} fired"
    assert not (must & before), "the mutation, not the seed, must cause the finding"


def test_dropping_table_four(tmp_path):
    text = SEEDS["001"].read_text(encoding="utf-8")
    start = text.index("行政复议\t\t\t\t\t行政诉讼")
    end = text.index("五、政府信息公开工作存在的主要问题")
    out = tmp_path / "dropped.txt"
    out.write_text(text[:start] + "本年度无。\n\n" + text[end:], encoding="utf-8")
    s02 = [f for f in findings(out) if f.code == "S-02"]
    assert [f.cells for f in s02] == [["appeals"]]
    assert s02[0].severity == Severity.error


def test_dropping_a_section(tmp_path):
    out = mutate(tmp_path, "000", "五、存在的主要问题及改进情况", "另外")
    s01 = [f for f in findings(out) if f.code == "S-01"]
    assert [f.cells for f in s01] == [["sections.s5_problems"]]
    assert s01[0].severity == Severity.warning


def test_emptying_section_five(tmp_path):
    text = SEEDS["000"].read_text(encoding="utf-8")
    start = text.index("五、存在的主要问题及改进情况") + len("五、存在的主要问题及改进情况")
    end = text.index("六、其他需要报告的事项")
    out = tmp_path / "empty5.txt"
    out.write_text(text[:start] + "\n\n无。\n\n" + text[end:], encoding="utf-8")
    c04 = [f for f in findings(out) if f.code == "C-04"]
    assert len(c04) == 1 and "只有「无。」" in c04[0].message
    assert "C-04" not in codes(SEEDS["000"])
