"""The Format object: one answer to "which format does year Y use", and the record model's keys are
exactly the format's keys (a field without a format row/column, or the reverse, fails here)."""

from __future__ import annotations

import typing

import pytest

from nianbao.format import Format
from nianbao.record import (
    Active2019,
    Active2021,
    AppealRow,
    Appeals,
    Meta,
    Record,
    RequestRow,
    SectionText,
)


@pytest.mark.parametrize(("year", "record_id", "tables"), [
    (2015, "pre2019", "2019"), (2018, "pre2019", "2019"), (2019, "2019", "2019"), (2020, "2019", "2019"),
    (2021, "2021", "2021"), (2025, "2021", "2021"), (None, "unknown", "2021"),
])
def test_one_answer_for_the_year(year, record_id, tables):
    assert Format.id_for_year(year) == record_id
    assert Format.for_year(year).id == tables
    assert Format.for_year(year) is Format.get(tables)


def test_every_stage_asks_the_same_question():
    """The template, the consolidation layout and the fallback of extract all follow Format.for_year."""
    import io

    from openpyxl import load_workbook

    from nianbao.render.xlsx import template

    for year, want in ((2018, "2019"), (2020, "2019"), (2021, "2021")):
        wb = load_workbook(io.BytesIO(template(year)))
        words = {str(c.value) for ws in wb for row in ws.iter_rows() for c in row if c.value}
        assert ("本年新制作数量" in words) == (want == "2019"), year


def _fields(model) -> set[str]:
    return set(model.model_fields)


def _split(keys) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for k in keys:
        head, _, sub = k.partition(".")
        out.setdefault(head, set())
        if sub:
            out[head].add(sub)
    return out


@pytest.mark.parametrize(("fid", "model"), [("2021", Active2021), ("2019", Active2019)])
def test_active_model_matches_format(fid, model):
    keys = _split(Format.get(fid).record_keys()["active"])
    assert set(keys) == _fields(model)
    for item, cols in keys.items():
        ann = model.model_fields[item].annotation
        if cols:
            assert cols == _fields(ann), item
        else:
            assert ann is not None and not hasattr(ann, "model_fields"), item  # a single value


def test_requests_model_matches_format():
    assert set(Format.T3_COLUMN_KEYS) == _fields(RequestRow)
    assert Format.get("2021").record_keys()["requests.*"] == tuple(RequestRow.model_fields)
    rows = {k for f in Format.IDS for k in Format.get(f).record_keys()["requests"]}
    assert rows == set(Format.T3_ROW_BY_KEY)  # every row key the record can hold has a format label
    assert set(Format.get("2019").t3_rows) - set(Format.get("2021").t3_rows) == {Format.T3_OTHER_TOTAL}


def test_appeals_model_matches_format():
    assert tuple(Appeals.model_fields) == Format.T4_GROUP_KEYS
    assert tuple(AppealRow.model_fields) == Format.T4_COLUMN_KEYS


def test_record_format_ids_and_sections():
    assert set(typing.get_args(Meta.model_fields["format"].annotation)) == set(Format.RECORD_IDS)
    assert {t.key for t in Format.TABLES} <= _fields(Record)
    assert {t.section for t in Format.TABLES} <= {s.id for s in Format.SECTIONS}
    assert "id" in _fields(SectionText)


def test_outcome_groups_cover_the_outcome_rows():
    for fid in Format.IDS:
        f = Format.get(fid)
        grouped = {r.key for r in f.t3_rows if r.group}
        assert grouped == set(f.t3_outcomes)
        assert {r.group for r in f.t3_rows if r.group} == set(Format.outcome_group_keys())


def test_sums_over_a_tables_rows_are_the_formats_sums():
    """A reader that does not know the format yet sums the rows it has: over every row of a format, the
    sums are that format's; over a table missing some rows, the outcome rows it has add up to （七）."""
    for fid in Format.IDS:
        f = Format.get(fid)
        keys = [r.key for r in f.t3_rows]
        assert Format.t3_sums_over(keys) == f.t3_identities()
        short = [k for k in keys if k not in f.t3_outcomes[:2]]
        (outcome, total), balance = Format.t3_sums_over(short)
        assert outcome == f.t3_outcomes[2:] and total == ("total_processed",)
        assert balance == (("new_received", "carried_over"), ("total_processed", "carried_forward"))


def test_names_built_once():
    assert Format.appeal_group_name("review") == "行政复议"
    assert Format.appeal_group_name("litigation_direct") == "行政诉讼·未经复议直接起诉"
    assert Format.cell_name("appeals.litigation_after_review.total") == "表四「行政诉讼·复议后起诉」「总计」"
    assert Format.outcome_group("partial").label == "（二）部分公开"
    assert Format.section_title("s5_problems") == "五、存在的主要问题及改进情况"
    assert Format.table_title("requests") == "收到和处理政府信息公开申请情况"
    assert Format.article("（一）") == "第二十条第（一）项"
    assert [Format.severity_name(s) for s in ("error", "warning", "info")] == ["错误", "警告", "提示"]
    assert Format.severity_from_name("警告") == "warning" and Format.severity_from_name("严重") is None


@pytest.mark.parametrize(("value", "blank", "text"), [
    (None, "", ""), (None, "空白", "空白"), (3, "", "3"), (3.0, "", "3"), (0.35, "", "0.35"),
    (0.1 + 0.2, "", "0.3"), (-2, "", "-2"),
])
def test_number_display(value, blank, text):
    assert Format.number_text(value, blank) == text


def test_no_stage_decides_the_year_itself():
    """The format's year thresholds live in format/format.py only (the publication deadlines of rules
    P-01…P-03 follow the 条例's 2019 revision, a different fact, and are left out)."""
    import re
    from pathlib import Path

    import nianbao

    root = Path(nianbao.__file__).parent
    pat = re.compile(r"year\s*(?:[<>]=?|in)\s*\(?\s*20(?:19|20|21)")
    hits = [f"{p.relative_to(root)}:{i}" for p in root.rglob("*.py") if p.parent.name != "format" and not p.name.startswith("p_0")
            for i, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1) if pat.search(line)]
    assert hits == []


# The spec's data names that nianbao.format still exports beside Format, for extract/ (decoder.py,
# tables.py, settle.py, columnar.py: not moved yet, others are changing them); everything else reads them
# through Format.
_LEGACY = {"ACTIVE_2019", "ACTIVE_2021", "SECTIONS", "T3_COLUMNS", "T3_COLUMN_KEYS", "T3_GROUPS", "T3_ORG_KEYS",
           "T3_OTHER_TOTAL", "T3_ROWS_2019", "T3_ROWS_2021", "T3_ROW_BY_KEY", "T4_COLUMNS", "T4_COLUMN_KEYS",
           "T4_GROUPS", "T4_GROUP_KEYS", "TITLE_PHRASE", "APPLICANTS", "OUTCOME_GROUPS", "OUTCOME_LABELS"}


def test_shells_analyse_and_tests_read_the_format_through_format():
    """No module outside format/ and extract/ (not moved yet) and no test imports a format constant by name,
    from nianbao.format, its spec, or the public API: they ask Format."""
    import ast
    from pathlib import Path

    import nianbao

    src = Path(nianbao.__file__).parent
    tests = Path(__file__).parent
    files = [(p, str(p.relative_to(src))) for p in src.rglob("*.py") if p.parent.name != "format"]
    files += [(p, "tests/" + str(p.relative_to(tests))) for p in tests.rglob("*.py")]
    hits = []
    for path, rel in files:
        if rel.startswith("extract/") or rel == "__init__.py" and path.parent == src:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[-1] in ("format", "spec", "nianbao", "stats"):
                names = {a.name for a in node.names} & _LEGACY
                if names:
                    hits.append(f"{rel}:{node.lineno} {sorted(names)}")
    assert hits == [], "\n".join(hits)
    assert not _LEGACY & set(nianbao.__all__)


@pytest.mark.parametrize(("text", "key"), [
    ("3.要求提供公开出版物", "declined_publication"),
    ("（五）不予处理 3.要求提供公开出版物", "declined_publication"),
    ("出版物", "declined_publication"),  # the end of a label cut by a line break: no number to disagree with
    ("（六）其他处理 3.其他", "other_other"),
    # PDFBox -sort writes two rows' labels into one line: 2.重复申请's start beside a piece of the 出版物 row
    ("2.重 出版物", None),
])
def test_a_label_numbered_otherwise_is_not_matched(text, key):
    lab, _ = Format.match_label(text, Format.get("2021").t3_rows)
    assert (lab.key if lab else None) == key


def test_numbering_length_counts_only_a_whole_numbering():
    from nianbao.format import numbering_length

    # (of the normalised text: 「（三）」 is 「(三)」)
    assert numbering_length("一、本年新收") == 2 and numbering_length("（三）不予公开") == 3
    assert numbering_length("3．补正后") == 2 and numbering_length("（五）不予处理 1.信访") == 3
    assert numbering_length("一") == 0 and numbering_length("本年新收") == 0 and numbering_length("") == 0


def test_label_start_finds_a_numbering_with_its_first_word_and_never_a_numbers_last_digits():
    from nianbao.format import LABEL_START

    def found(text: str) -> str | None:
        m = LABEL_START.search(text)
        return m.group() if m else None

    assert found("0 0 336 1.本机关不掌握") == "1.本"  # not 「61.」: 336 is a cell
    assert found("336 3、补正后") == "3、补" and found("（六） 其他处理") == "（六） 其"
    assert found("二、上年结转") == "二、上" and found("９．属于") == "９．属"
    assert found("1.5 万 0 0") is None and found("2023.12 发布") is None and found("一、") is None
