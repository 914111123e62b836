"""The 依申请 ledger: template round trip, 表三 computed exactly, exports with other wording, bad rows
listed and not counted, and statutory due dates counted by hand on the official calendar."""

from __future__ import annotations

import datetime as dt
import io
import json
import subprocess

import pytest

from conftest import BIN
from ledger_synth import (
    APPLICANT_CHOICE,
    CHOICE,
    SHORT,
    expected_table,
    export_csv,
    export_xlsx,
    fill_template,
    generate,
)
from nianbao.format import Format
from nianbao.ledger import (
    Application,
    applicant_key,
    compute,
    deadline,
    deadlines,
    outcome_key,
    parse_date,
    read_ledger,
    read_rows,
    summary,
    template,
    vocab,
)

T3_COLUMN_KEYS = Format.T3_COLUMN_KEYS

D = dt.date


def table(result) -> dict[str, list]:
    return {k: [getattr(r, c) for c in T3_COLUMN_KEYS] for k, r in result.record.requests.items()}


@pytest.fixture(scope="module")
def gen():
    return generate(seed=12, n=400)


@pytest.fixture(scope="module")
def books(gen):
    return read_ledger(fill_template(gen.this_year), "台账2024.xlsx"), read_ledger(fill_template(gen.last_year, 2023),
                                                                                 "台账2023.xlsx")


# ---- template ---------------------------------------------------------------------------------
def test_template_has_the_columns_and_drop_downs():
    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(template(2024)))
    ws = wb[vocab.SHEET]
    assert [c.value for c in ws[1]] == [vocab.COLUMN_BY_KEY[k].header for k in vocab.TEMPLATE_KEYS]
    lists = [dv.formula1 for dv in ws.data_validations.dataValidation if dv.type == "list"]
    assert len(lists) == 3 and all(f.startswith(vocab.LISTS_SHEET) for f in lists)
    opts = wb[vocab.LISTS_SHEET]
    outcomes = [opts.cell(i, 3).value for i in range(2, 40) if opts.cell(i, 3).value]
    assert len(outcomes) == 21  # 表三's outcome rows of the 2021 format
    assert outcomes[2] == "（三）不予公开 1.属于国家秘密"


def test_every_drop_down_wording_reads_back():
    for key, text in CHOICE.items():
        assert outcome_key(text) == key, text
    for key, text in APPLICANT_CHOICE.items():
        assert applicant_key(text) == key, text
    for key, text in SHORT.items():
        assert outcome_key(text) == key, text


def test_template_round_trip(gen, books):
    book, _ = books
    assert book.problems == []
    assert len(book.applications) == len(gen.this_year)
    by_id = {a.id: a for a in book.applications}
    for g in gen.this_year:
        a = by_id[g.id]
        assert (a.applicant, a.received, a.outcome, a.replied) == (g.applicant, g.received, g.outcome, g.replied)
        assert (a.correction_sent, a.correction_received, a.extended, a.extension_date) == (
            g.correction_sent, g.correction_received, g.extended, g.extension_date)
        assert (a.third_party_start, a.third_party_end) == (g.tp_start, g.tp_end)


# ---- 表三 ---------------------------------------------------------------------------------------
def test_generated_ledger_computes_exactly(gen, books):
    book, last = books
    kinds = {"补正": sum(1 for a in gen.this_year if a.correction_sent), "延期": sum(a.extended for a in gen.this_year),
             "第三方": sum(1 for a in gen.this_year if a.tp_start),
             "春节": sum(1 for a in gen.this_year if D(2024, 2, 4) <= a.received <= D(2024, 2, 18))}
    assert all(n >= 10 for n in kinds.values()), kinds
    result = compute(book, 2024, last_year=last, agency="某某市某某局")
    assert result.problems == [] and result.counted == sum(expected_table(gen)["new_received"][:6]) + sum(
        expected_table(gen)["carried_over"][:6])
    assert table(result) == expected_table(gen)
    assert result.record.meta.year == 2024 and result.record.meta.format == "2021"
    # 一 + 二 = 三 + 四, column by column
    t = table(result)
    for i in range(7):
        assert t["new_received"][i] + t["carried_over"][i] == t["total_processed"][i] + t["carried_forward"][i]


def test_carried_over_from_this_ledger_alone(gen, books):
    """The 2024 ledger has the carried-over applications (received in 2023): 上年结转 counts them."""
    book, _ = books
    assert table(compute(book, 2024)) == expected_table(gen)


def test_carried_over_unknown_is_blank_not_zero():
    rows = [["编号", "申请人类型", "收到日期", "办理结果", "答复日期"],
            ["1", "自然人", "2024-03-05", "予以公开", "2024-03-20"]]
    result = compute(read_rows(rows, "t.csv"), 2024)
    assert table(result)["carried_over"] == [None] * 7
    assert any("上年结转" in n for n in result.notes)


def test_carried_over_from_last_years_report():
    from nianbao.record import RequestRow

    rows = [["编号", "申请人类型", "收到日期", "办理结果", "答复日期"],
            ["1", "自然人", "2024-03-05", "予以公开", "2024-03-20"]]
    given = RequestRow(natural_person=2, commercial=0, research=0, social_welfare=0, legal_service=0, other_org=0,
                       total=2)
    result = compute(read_rows(rows, "t.csv"), 2024, carried_over=given)
    assert table(result)["carried_over"] == [2, 0, 0, 0, 0, 0, 2]


def test_2019_format_year_folds_other_rows():
    rows = [["编号", "申请人类型", "收到日期", "办理结果", "答复日期"],
            ["1", "自然人", "2020-03-05", "申请人撤回", "2020-03-20"],
            ["2", "企业", "2020-04-05", "逾期不补正", "2020-05-20"]]
    t = table(compute(read_rows(rows, "t.csv"), 2020))
    assert t["other_total"] == [1, 1, 0, 0, 0, 0, 2] and "total_processed" not in t


def test_export_with_other_wording_reads_the_same(gen, books):
    book, last = books
    want = table(compute(book, 2024, last_year=last))
    for data, name in ((export_xlsx(gen.this_year), "导出.xlsx"), (export_csv(gen.this_year), "导出.csv")):
        other = read_ledger(data, name)
        assert other.problems == [], [p.text() for p in other.problems[:3]]
        assert other.headers["received"] == "申请日期" and other.headers["third_party_range"] == "征求第三方意见起止"
        assert table(compute(other, 2024, last_year=last)) == want
        mine = {a.id: a for a in book.applications}
        for a in other.applications:
            b = mine[a.id]
            assert (a.received, a.replied, a.outcome, a.applicant, a.correction_received, a.third_party_end,
                    a.extended) == (b.received, b.replied, b.outcome, b.applicant, b.correction_received,
                                    b.third_party_end, b.extended), a.id


@pytest.mark.parametrize(("text", "day"), [
    ("2024.3.5", D(2024, 3, 5)), ("2024年3月5日", D(2024, 3, 5)), ("2024-03-05", D(2024, 3, 5)),
    ("2024/3/5", D(2024, 3, 5)), ("２０２４年３月５日", D(2024, 3, 5)), ("20240305", D(2024, 3, 5)),
    ("2024-03-05 14:30:00", D(2024, 3, 5)), ("二〇二四年三月五日", D(2024, 3, 5)), ("二〇二四年十二月三十一日", D(2024, 12, 31)),
    (45356, D(2024, 3, 5)), (45356.75, D(2024, 3, 5)), ("45356", D(2024, 3, 5)), ("", None), (None, None),
])
def test_date_forms(text, day):
    assert parse_date(text) == day


@pytest.mark.parametrize("text", ["2024-02-30", "2024年3月", "下周", "12", "2024.13.1"])
def test_not_dates(text):
    with pytest.raises(ValueError, match="日期"):
        parse_date(text)


# ---- bad input ----------------------------------------------------------------------------------
BAD = [
    (["A", "外星人", "2024-03-05", "予以公开", "2024-03-10"], "申请人类型", "外星人"),
    (["B", "自然人", "2024-03-05", "不予公开", "2024-03-10"], "办理结果", "不予公开"),
    (["C", "自然人", "2024-03-05", "同意了", "2024-03-10"], "办理结果", "同意了"),
    (["C2", "自然人", "2024-03-05", "不公开", "2024-03-10"], "办理结果", "不公开"),
    (["C3", "单位", "2024-03-05", "予以公开", "2024-03-10"], "申请人类型", "单位"),
    (["D", "自然人", "1900-01-05", "予以公开", "2024-03-10"], "收到日期", "早于"),
    (["E", "自然人", "2024-03-05", "予以公开", "2024-03-01"], "答复日期", "早于收到日期"),
    (["F", "自然人", "2024-03-05", "予以公开", ""], "答复日期", "没有答复日期"),
    (["G", "自然人", "2024-03-05", "", "2024-03-10"], "办理结果", "没有办理结果"),
    (["H", "自然人", "2024-02-30", "予以公开", "2024-03-10"], "收到日期", "不是存在的日期"),
    (["I", "", "2024-03-05", "予以公开", "2024-03-10"], "申请人类型", "为空"),
    (["J", "自然人", "", "", ""], "收到日期", "为空"),
]


def test_bad_rows_are_listed_with_row_and_column_and_not_counted():
    rows = [["编号", "申请人类型", "收到日期", "办理结果", "答复日期"], ["OK", "自然人", "2024-03-05", "予以公开", "2024-03-20"]]
    rows += [r for r, _, _ in BAD]
    book = read_rows(rows, "台账.csv")
    assert [a.id for a in book.applications] == ["OK"]
    by_id = {p.id: p for p in book.problems}
    assert set(by_id) == {r[0] for r, _, _ in BAD}
    for i, (r, column, words) in enumerate(BAD):
        p = by_id[r[0]]
        assert p.row == i + 3 and p.column == column, p.text()
        assert words in p.text() and f"第 {i + 3} 行" in p.text() and "未计入" in p.text()
    result = compute(book, 2024)
    assert table(result)["new_received"] == [1, 0, 0, 0, 0, 0, 1]
    assert len(result.problems) == len(BAD)


def test_rows_outside_the_year_are_listed():
    rows = [["编号", "申请人类型", "收到日期", "办理结果", "答复日期"],
            ["X", "自然人", "2025-01-05", "", ""], ["Y", "自然人", "2023-05-05", "予以公开", "2023-05-10"]]
    result = compute(read_rows(rows, "t.csv"), 2024)
    assert {p.id for p in result.problems} == {"X", "Y"}
    assert table(result)["new_received"][6] == 0


def test_duplicate_id_is_listed():
    rows = [["编号", "申请人类型", "收到日期"], ["1", "自然人", "2024-03-05"], ["1", "企业", "2024-03-06"]]
    book = read_rows(rows, "t.csv")
    assert len(book.applications) == 1 and "重复" in book.problems[0].message and book.problems[0].row == 3


def test_not_a_ledger_and_old_excel():
    from nianbao import NianbaoError

    with pytest.raises(NianbaoError, match="找不到台账的表头"):
        read_ledger("甲,乙\n1,2\n".encode(), "x.csv")
    with pytest.raises(NianbaoError, match="另存为"):
        read_ledger(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "x.xls")


# ---- deadlines ------------------------------------------------------------------------------------
# Holidays and 调休 from the 国务院办公厅 notices:
# 2024 (国办发明电〔2023〕7号): 元旦 1/1; 春节 2/10–2/17 放假, 2/4（日）、2/18（日）上班; 清明 4/4–4/6, 4/7（日）上班;
#   劳动节 5/1–5/5, 4/28（日）、5/11（六）上班; 端午 6/10; 中秋 9/15–9/17, 9/14（六）上班;
#   国庆 10/1–10/7, 9/29（日）、10/12（六）上班.
# 2025 (国办发明电〔2024〕12号): 元旦 1/1; 春节 1/28–2/4 放假, 1/26（日）、2/8（六）上班; 清明 4/4–4/6;
#   劳动节 5/1–5/5, 4/27（日）上班; 端午 5/31–6/2; 国庆中秋 10/1–10/8, 9/28（日）、10/11（六）上班.
# Day 1 is the first working day after the day of receipt (or of the supplement).
def app(received, **kw) -> Application:
    return Application(row=2, id="T", applicant="natural_person", received=received, **kw)


HAND = [
    # 2024-02-05 (Mon): 2/6-9 = 1-4; 2/10-17 holiday; 2/18 Sun workday = 5; 2/19-23 = 6-10; 2/26-3/1 = 11-15;
    # 3/4-8 = 16-20 → 3/8
    (app(D(2024, 2, 5)), D(2024, 3, 8)),
    # 2024-02-09 (Fri, last day before the holiday): 2/18 = 1; 2/19-23 = 2-6; 2/26-3/1 = 7-11; 3/4-8 = 12-16;
    # 3/11-14 = 17-20 → 3/14
    (app(D(2024, 2, 9)), D(2024, 3, 14)),
    # 2024-02-03 (Sat): 2/4 Sun workday = 1; 2/5-9 = 2-6; 2/18 = 7; 2/19-23 = 8-12; 2/26-3/1 = 13-17; 3/4-6 = 18-20
    (app(D(2024, 2, 3)), D(2024, 3, 6)),
    # 2024-02-12 (in the holiday, online): 2/18 = 1; 2/19-23 = 2-6; 2/26-3/1 = 7-11; 3/4-8 = 12-16; 3/11-14 = 17-20
    (app(D(2024, 2, 12)), D(2024, 3, 14)),
    # 2024-09-27 (Fri): 9/29 Sun workday = 1; 9/30 = 2; 10/1-7 holiday; 10/8-11 = 3-6; 10/12 Sat = 7;
    # 10/14-18 = 8-12; 10/21-25 = 13-17; 10/28-30 = 18-20 → 10/30
    (app(D(2024, 9, 27)), D(2024, 10, 30)),
    # 2024-04-25 (Thu): 4/26 = 1; 4/28 Sun = 2; 4/29-30 = 3-4; 5/1-5 holiday; 5/6-10 = 5-9; 5/11 Sat = 10;
    # 5/13-17 = 11-15; 5/20-24 = 16-20 → 5/24
    (app(D(2024, 4, 25)), D(2024, 5, 24)),
    # 2025-01-24 (Fri): 1/26 Sun = 1; 1/27 = 2; 1/28-2/4 holiday; 2/5-7 = 3-5; 2/8 Sat = 6; 2/10-14 = 7-11;
    # 2/17-21 = 12-16; 2/24-27 = 17-20 → 2/27
    (app(D(2025, 1, 24)), D(2025, 2, 27)),
    # extended (40), 2024-12-20 (Fri): 12/23-27 = 1-5; 12/30-31 = 6-7; 1/1 holiday; 1/2-3 = 8-9; 1/6-10 = 10-14;
    # 1/13-17 = 15-19; 1/20-24 = 20-24; 1/26 Sun = 25; 1/27 = 26; 2/5-7 = 27-29; 2/8 Sat = 30; 2/10-14 = 31-35;
    # 2/17-21 = 36-40 → 2/21
    (app(D(2024, 12, 20), extended=True), D(2025, 2, 21)),
    # 补正: received 2025-04-01, notice 4/3, supplement received 4/25 (Fri), counted from it: 4/27 Sun = 1;
    # 4/28-30 = 2-4; 5/1-5 holiday; 5/6-9 = 5-8; 5/12-16 = 9-13; 5/19-23 = 14-18; 5/26-27 = 19-20 → 5/27
    (app(D(2025, 4, 1), correction_sent=D(2025, 4, 3), correction_received=D(2025, 4, 25)), D(2025, 5, 27)),
    # third party 9/19 (Fri) – 9/26 (Fri), received 2025-09-15 (Mon): 9/16-19 = 1-4; 9/22-26 not counted (5 days);
    # 9/28 Sun = 5; 9/29-30 = 6-7; 10/1-8 holiday; 10/9-10 = 8-9; 10/11 Sat = 10; 10/13-17 = 11-15;
    # 10/20-24 = 16-20 → 10/24
    (app(D(2025, 9, 15), third_party_start=D(2025, 9, 19), third_party_end=D(2025, 9, 26)), D(2025, 10, 24)),
    # 2025-05-29 (Thu): 5/30 = 1; 5/31-6/2 holiday; 6/3-6 = 2-5; 6/9-13 = 6-10; 6/16-20 = 11-15; 6/23-27 = 16-20
    (app(D(2025, 5, 29)), D(2025, 6, 27)),
]


@pytest.mark.parametrize(("application", "due"), HAND, ids=[f"{a.received}" for a, _ in HAND])
def test_due_dates_counted_by_hand(application, due):
    d = deadline(application, as_of=D(2025, 12, 31))
    assert d.due == due, (d.due, due, d.reason)


def test_status_on_time_late_due_soon():
    # due 2025-02-27 (counted above)
    assert deadline(app(D(2025, 1, 24), replied=D(2025, 2, 27), outcome="granted"), D(2025, 3, 1)).status == vocab.ON_TIME
    late = deadline(app(D(2025, 1, 24), replied=D(2025, 3, 3), outcome="granted"), D(2025, 3, 5))
    assert late.status == vocab.LATE and late.working_days_late == 2  # 2/28, 3/3
    soon = deadline(app(D(2025, 1, 24)), D(2025, 2, 20))  # 2/21, 2/24-27 left: 5
    assert soon.status == vocab.DUE_SOON and soon.working_days_left == 5
    assert deadline(app(D(2025, 1, 24)), D(2025, 2, 19)).status == vocab.OPEN  # 6 left
    over = deadline(app(D(2025, 1, 24)), D(2025, 3, 4))
    assert over.status == vocab.OPEN_LATE and over.working_days_late == 3
    waiting = deadline(app(D(2025, 1, 24), correction_sent=D(2025, 1, 27)), D(2025, 3, 4))
    assert waiting.due is None and waiting.status == vocab.PAUSED and "补正" in waiting.reason


def test_today_is_the_day_in_china_whatever_the_servers_zone():
    from nianbao.ledger import today

    utc = dt.UTC
    assert today(dt.datetime(2025, 1, 31, 15, 59, tzinfo=utc)) == D(2025, 1, 31)
    assert today(dt.datetime(2025, 1, 31, 16, 0, tzinfo=utc)) == D(2025, 2, 1)  # 00:00 on the 1st in Beijing
    assert today(dt.datetime(2025, 2, 1, 7, 0, tzinfo=dt.timezone(dt.timedelta(hours=-5)))) == D(2025, 2, 1)


def test_a_year_the_calendar_does_not_know_gives_no_date():
    from nianbao.ledger import calendar

    last = calendar().last
    for a in (app(D(last, 12, 15)), app(D(last + 1, 1, 5))):
        d = deadline(a, as_of=D(last, 12, 31))
        assert d.due is None and d.status == vocab.UNKNOWN
        assert f"{last + 1} 年" in d.reason and "chinesecalendar" in d.reason


def test_calendar_covers_2024_to_2026():
    from nianbao.ledger import calendar

    cal = calendar()
    assert cal.first <= 2024 and cal.last >= 2026
    assert cal.is_workday(D(2024, 2, 4)) and cal.is_workday(D(2025, 2, 8)) and not cal.is_workday(D(2025, 10, 8))


def test_generated_ledger_deadlines_and_summary(books):
    book, last = books
    items = deadlines(book, as_of=D(2024, 12, 31))
    assert len(items) == len(book.applications)
    assert all(d.due is not None or d.status in (vocab.PAUSED, vocab.NOT_COUNTED) for d in items)
    s = summary(book, 2024, last_year=last)
    late_ids = {d.id for d in items if d.status in (vocab.LATE, vocab.OPEN_LATE)
                and (d.replied is None or d.replied.year == 2024)}
    assert {c.id for c in s.late} == late_ids and late_ids


# ---- CLI ------------------------------------------------------------------------------------------
def nb(*args, cwd=None):
    return subprocess.run([str(BIN / "nianbao"), *map(str, args)], capture_output=True, text=True, cwd=cwd, timeout=120)


def test_cli_template_compute_deadlines(tmp_path, gen):
    t = tmp_path / "台账模板.xlsx"
    r = nb("ledger", "template", "-o", t)
    assert r.returncode == 0 and t.exists(), r.stderr
    book = tmp_path / "台账.xlsx"
    book.write_bytes(fill_template(gen.this_year))
    r = nb("ledger", "compute", book, "--year", 2024, "--json", "-o", tmp_path / "表三.json")
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert out["excluded"] == 0 and out["record"]["requests"]["new_received"]["total"] == expected_table(gen)[
        "new_received"][6]
    # the cell values the web 填报 saves (PUT /filings/{unit}/{year} {"values": …})
    assert out["values"]["requests.granted.natural_person"] == expected_table(gen)["granted"][0]
    assert len(out["values"]) == 25 * 7
    r = nb("render", tmp_path / "表三.json", "--to", "md", "-o", tmp_path / "r.md", "--force")
    assert r.returncode == 0, r.stderr
    r = nb("ledger", "compute", book, "--year", 2024, "-o", tmp_path / "填报.xlsx")
    assert r.returncode == 0 and (tmp_path / "填报.xlsx").exists(), r.stderr
    r = nb("ledger", "deadlines", book, "--as-of", "2024-12-31", "--json", "-o", tmp_path / "期限.xlsx")
    assert r.returncode == 1  # the generated ledger has late replies
    lines = [json.loads(x) for x in r.stdout.splitlines()]
    assert len(lines) == len(gen.this_year) and {x["status"] for x in lines} >= {vocab.ON_TIME, vocab.LATE}
    assert (tmp_path / "期限.xlsx").exists()


def test_cli_bad_file_is_a_chinese_message(tmp_path):
    bad = tmp_path / "x.csv"
    bad.write_text("甲,乙\n", encoding="utf-8")
    r = nb("ledger", "compute", bad, "--year", 2024)
    assert r.returncode == 2 and "找不到台账的表头" in r.stderr and "Traceback" not in r.stderr


# ---- the report against its ledger (D-01, D-02) ---------------------------------------------------
def _report_from(result, changes: dict[str, int]):
    """A full report (tests/data/audit/base.json) whose 表三 is the ledger's, with ``changes`` applied."""
    from test_audit_rules import build

    requests = {k: v.model_dump() for k, v in result.record.requests.items()}
    for path, delta in changes.items():
        row, col = path.split(".")[1:]
        requests[row][col] += delta
    return build({"meta": {"year": 2024, "title": "测试市统计局2024年政府信息公开工作年度报告",
                           "published": "2025-01-20"}, "=requests": requests})


CHANGED = {"requests.granted.natural_person": 1, "requests.granted.total": 1,
           "requests.carried_forward.commercial": -1}


def test_report_differing_from_its_ledger_gets_d01_on_exactly_those_cells(books):
    import nianbao

    book, last = books
    facts = summary(book, 2024, last_year=last)
    same = _report_from(compute(book, 2024, last_year=last), {})
    assert nianbao.check(same, select=["D-01"], ledger=facts) == []
    report = _report_from(compute(book, 2024, last_year=last), CHANGED)
    found = nianbao.check(report, select=["D-01"], ledger=facts)
    assert sorted(c for f in found for c in f.cells) == sorted(CHANGED)
    f = next(f for f in found if f.cells == ["requests.granted.natural_person"])
    assert f.actual == f.expected + 1 and "台账" in f.message and "予以公开" in f.message
    late = nianbao.check(report, select=["D-02"], ledger=facts)
    assert late and len(late) == len(facts.late) and all("逾期" in f.message for f in late)


def test_cli_check_with_ledger(tmp_path, books, gen):
    import nianbao

    book, last = books
    report = _report_from(compute(book, 2024, last_year=last), CHANGED)
    md = tmp_path / "年报.md"
    md.write_bytes(nianbao.render(report, "md", force=True))
    ledger_file = tmp_path / "台账.xlsx"
    ledger_file.write_bytes(fill_template(gen.this_year))
    r = nb("check", md, "--ledger", ledger_file, "--select", "D-01", "--json")
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert out["record"]["meta"]["year"] == 2024
    assert sorted(c for f in out["findings"] for c in f["cells"]) == sorted(CHANGED)


def test_xlsx_values_read_from_the_xml_equal_openpyxl(gen):
    """The fast sheet reader gives openpyxl's values (date cells as their serial numbers)."""
    import datetime as _dt

    from openpyxl import load_workbook

    from nianbao.ledger.xlsx import sheets

    for data in (export_xlsx(gen.this_year[:60]), fill_template(gen.this_year[:60])):
        mine = dict(sheets(data))
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        for ws in wb.worksheets:
            theirs = [list(r) for r in ws.iter_rows(values_only=True)]
            for r, (a, b) in enumerate(zip(mine[ws.title], theirs, strict=False)):
                b = [(x - _dt.datetime(1899, 12, 30)).days if isinstance(x, _dt.datetime) else x for x in b]
                a = list(a)
                for x in (a, b):  # styled empty cells: openpyxl and the XML may differ in trailing blanks
                    while x and x[-1] is None:
                        x.pop()
                assert a == b, (ws.title, r)


def test_broken_xlsx_is_a_chinese_message():
    from nianbao import NianbaoError

    with pytest.raises(NianbaoError, match="损坏"):
        read_ledger(b"PK\x03\x04" + b"\0" * 200, "坏.xlsx")


def test_template_prefilled_from_the_computed_record(tmp_path, books):
    import nianbao

    book, last = books
    result = compute(book, 2024, last_year=last)
    rec = tmp_path / "表三.json"
    rec.write_text(json.dumps(result.record.to_json_dict(), ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "填报.xlsx"
    r = nb("template", "--year", 2024, "--from", rec, "-o", out)
    assert r.returncode == 0, r.stderr
    back = nianbao.parse(out)
    assert {k: v.model_dump() for k, v in back.requests.items()} == {
        k: v.model_dump() for k, v in result.record.requests.items()}
    r = nb("template", "--year", 2023, "--from", rec, "-o", out)
    assert r.returncode == 2 and "不一致" in r.stderr


def test_cli_compute_carried_over_from_the_stored_report(tmp_path):
    import nianbao
    from conftest import DATA

    seed = DATA / "text" / "000_3da483fcafa05843.txt"  # 聊城市统计局 2021: 结转下年度 1 (自然人)
    last = nianbao.parse(seed)
    db = tmp_path / "s.sqlite"
    with nianbao.open_store(db) as store:
        nianbao.ingest_batch([seed], store, workers=1)
    book = tmp_path / "台账.csv"
    book.write_text("编号,申请人类型,收到日期,办理结果,答复日期\n1,自然人,2022-03-05,予以公开,2022-03-20\n", encoding="utf-8")
    r = nb("ledger", "compute", book, "--year", 2022, "--db", db, "--agency", last.meta.agency, "--json")
    assert r.returncode == 0, r.stderr
    got = json.loads(r.stdout)["record"]["requests"]["carried_over"]
    assert got == last.requests["carried_forward"].model_dump()
    r = nb("ledger", "compute", book, "--year", 2022, "--db", db, "--agency", "没有这个机关")
    assert r.returncode == 2 and "没有" in r.stderr
