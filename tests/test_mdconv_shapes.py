"""Markdown and text converters' failure shapes (issue 14, shared/corpus/converters): each shape has a
minimal text copied into tests/data/mdconv with the values it must give (NAME.md|txt + NAME.json, a
subset of the record; a null there means the text cannot settle that field and it must stay null).
Where the shape degrades a known record, a property test renders seed records that way: the decoder
gives that record or nulls, never another number."""

from __future__ import annotations

import random
import re

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

import nianbao
from conftest import DATA, SHARED, get, leaves, load_json
from synth import T3_HEAD, T3_TAIL, cell_text, never_wrong, t3_rows
from test_decoder_properties import records

HERE = DATA / "mdconv"
CASES = sorted(p for p in HERE.iterdir() if p.suffix in (".md", ".txt"))
SEEDS = [p for p in sorted((SHARED / "seeds" / "expected").glob("*.json"))
         if (r := load_json(p)).get("requests") and r["meta"].get("format") == "2021" and r.get("appeals")]


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_shape_fixture_reads_as_expected(case):
    want = load_json(case.with_suffix(".json"))
    got = nianbao.parse(case).to_json_dict()
    bad = []
    for path, value in leaves(want):
        have = get(got, path)
        have = None if have is KeyError else have
        if have != value:
            bad.append(f"{path}: expected {value!r}, got {have!r}")
    assert bad == []


# ---- Markdown writers escape punctuation (mammoth: ``1\.属于国家秘密``, ``\(二\)``) -----------------------
_PUNCT = re.compile(r"([!-/:-@\[\\\]^_`{}~])")


_T4_HEADER = ["行政复议", "行政诉讼", *(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 3)]


def _one_cell_per_line(rec: dict, repeat=lambda: 1, t4_header: list[str] = _T4_HEADER, t4_tail: str = "") -> str:
    """The record's tables one cell per line; ``repeat()`` says how often a converter writes each label
    and each single-value cell (a merged cell written once per slot it covers)."""
    from nianbao.format import Format
    ACTIVE_2021 = Format.get("2021").active
    T3_COLUMN_KEYS = Format.T3_COLUMN_KEYS
    T3_ROWS_2021 = Format.get("2021").t3_rows
    T4_COLUMN_KEYS = Format.T4_COLUMN_KEYS
    T4_GROUP_KEYS = Format.T4_GROUP_KEYS

    lines = ["某某局2023年政府信息公开工作年度报告", "二、主动公开政府信息情况",
             "第二十条第（一）项", "信息内容", "本年制发件数", "本年废止件数", "现行有效件数"]
    act = rec.get("active") or {}
    for it in ACTIVE_2021:
        v = act.get(it.key)
        vals = [v.get(c.key) if isinstance(v, dict) else None for c in it.columns] if it.columns else [v]
        lines += [it.label] * repeat() + [cell_text(x) for x in vals] * (1 if it.columns else repeat())
    lines += ["三、收到和处理政府信息公开申请情况", "申请人情况", "自然人", "法人或其他组织", "总计",
              "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]
    req = rec.get("requests") or {}
    for row in T3_ROWS_2021:
        lines += [row.label] * repeat() + [cell_text((req.get(row.key) or {}).get(c)) for c in T3_COLUMN_KEYS]
    lines += ["四、政府信息公开行政复议、行政诉讼情况", *t4_header]
    app = rec.get("appeals") or {}
    lines += [cell_text((app.get(g) or {}).get(c)) for g in T4_GROUP_KEYS for c in T4_COLUMN_KEYS]
    lines[-1] += t4_tail
    lines += ["五、存在的主要问题及改进情况", "无。"]
    return "\n\n".join(lines) + "\n"


@pytest.mark.parametrize("seed", SEEDS[:4], ids=lambda p: p.stem)
def test_escaped_markdown_reads_the_record(seed):
    """The same one-cell-per-line rendering, plain and with every ASCII punctuation backslash-escaped as
    CommonMark writers do, gives the same tables, and no number the record does not hold."""
    rec = load_json(seed)
    text = _one_cell_per_line(rec)
    plain = nianbao.parse_bytes(text.encode("utf-8"), "plain.md").to_json_dict()
    escaped = nianbao.parse_bytes(_PUNCT.sub(r"\\\1", text).encode("utf-8"), "escaped.md").to_json_dict()
    never_wrong(rec, escaped)
    for table in ("active", "requests", "appeals"):
        assert escaped.get(table) == plain.get(table)
    assert never_wrong(rec, plain) > 150


# ---- merged cells written once per slot (docx2python, kreuzberg: 「一、本年新收…」 three times) -------------
@pytest.mark.parametrize("seed", SEEDS[:4], ids=lambda p: p.stem)
@pytest.mark.parametrize("rnd_seed", [1, 2, 3])
def test_repeated_merged_cells_read_the_record(seed, rnd_seed):
    rnd = random.Random(rnd_seed)
    rec = load_json(seed)
    text = _one_cell_per_line(rec, repeat=lambda: rnd.choice([1, 2, 3, 3]))
    got = nianbao.parse_bytes(text.encode("utf-8"), "repeated.txt").to_json_dict()
    assert never_wrong(rec, got) > 150


# ---- 表四's header rows interleaved column by column, its last word not 总计 (pymupdf sort=True) ---------
_T4_INTERLEAVED = ["行政复议                           行政诉讼",
                   "结果  结果  其他  尚未  总计       未经复议直接起诉              复议后起诉",
                   "维持  纠正  结果  审结      结果  结果  其他  尚未  总计  结果  结果  其他  尚未  总计",
                   "                       维持  纠正  结果  审结      维持  纠正  结果  审结"]


@pytest.mark.parametrize("seed", SEEDS[:4], ids=lambda p: p.stem)
def test_interleaved_appeals_header_reads_the_record(seed):
    rec = load_json(seed)
    text = _one_cell_per_line(rec, t4_header=_T4_INTERLEAVED, t4_tail="  五、存在的主要问题及改进情况")
    got = nianbao.parse_bytes(text.encode("utf-8"), "t4.txt").to_json_dict()
    never_wrong(rec, got)
    if all(v is not None for _, v in leaves(rec["appeals"])):  # blank cells, one per line, are lost: nulls
        assert got["appeals"] == rec["appeals"]


# ---- row labels written away from their numbers (pdf-oxide: the first rows' and the last row's labels
# after the table; docling-rs: a run of labels, then their rows' numbers) ------------------------------
def _rows_text(rec: dict, rnd: random.Random, shape: str) -> str:
    """表三 one row per line (label, then its seven numbers), with some rows' labels moved: ``edges``
    takes the labels of the first 1–3 rows and of the last row out of their lines and writes them together
    after the table; ``clusters`` writes runs of 2–4 labels together, then those rows' numbers."""
    rows = [(label, " ".join(nums)) for label, nums in t3_rows(rec)]
    lines = list(T3_HEAD)
    if shape == "edges":
        k = rnd.randint(1, 3)
        moved = [*range(k), len(rows) - 1]
        lines += [nums if i in moved else f"{label} {nums}" for i, (label, nums) in enumerate(rows)]
        lines.append(" ".join(rows[i][0] for i in moved))
    else:
        i = 0
        while i < len(rows):
            n = rnd.choice([1, 1, 2, 3, 4])
            chunk = rows[i:i + n]
            lines += [label for label, _ in chunk] + [nums for _, nums in chunk]
            i += n
    return "\n".join(lines + T3_TAIL) + "\n"


def _adds_up(req: dict) -> bool:
    from nianbao.format import Format
    T3_COLUMN_KEYS = Format.T3_COLUMN_KEYS

    rows = {k: [v[c] for c in T3_COLUMN_KEYS] for k, v in req.items()}
    if any(sum(r[:6]) != r[6] for r in rows.values()):
        return False
    special = {"new_received", "carried_over", "total_processed", "carried_forward"}
    for i in range(7):
        if sum(r[i] for k, r in rows.items() if k not in special) != rows["total_processed"][i]:
            return False
        if rows["new_received"][i] + rows["carried_over"][i] != rows["total_processed"][i] + rows["carried_forward"][i]:
            return False
    return True


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True,
          phases=(Phase.explicit, Phase.reuse, Phase.generate))
@given(rec=records(), seed=st.integers(0, 10_000), shape=st.sampled_from(["edges", "clusters"]))
def test_moved_row_labels_give_the_record_or_nulls(rec, seed, shape):
    text = _rows_text(rec, random.Random(seed), shape)
    got = nianbao.parse_bytes(text.encode("utf-8"), "moved.txt").to_json_dict()
    never_wrong(rec, got)
    if _adds_up(rec["requests"]):  # the arithmetic confirms the rows whose labels moved: all of them read
        assert got["requests"] == rec["requests"], text


# ---- 表四 with a blank group whose empty cells a converter dropped (pypdf, docx2txt: r000's 行政复议) ------
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True,
          phases=(Phase.explicit, Phase.reuse, Phase.generate))
@given(four=st.lists(st.lists(st.integers(0, 40), min_size=4, max_size=4), min_size=3, max_size=3),
       blank=st.sets(st.integers(0, 2), min_size=1, max_size=2), seps=st.lists(st.sampled_from([" ", "\n", "\t"]),
                                                                                 min_size=15, max_size=15))
def test_appeals_with_blank_groups_dropped_give_the_record_or_nulls(four, blank, seps):
    from nianbao.format import Format
    T4_COLUMN_KEYS = Format.T4_COLUMN_KEYS
    T4_GROUP_KEYS = Format.T4_GROUP_KEYS

    groups = {g: (None if n in blank else dict(zip(T4_COLUMN_KEYS, [*four[n], sum(four[n])])))
              for n, g in enumerate(T4_GROUP_KEYS)}
    numbers = [str(v) for g in T4_GROUP_KEYS if groups[g] for v in groups[g].values()]
    text = ("某某局2023年政府信息公开工作年度报告\n一、总体情况 略。\n四、政府信息公开行政复议、行政诉讼情况 "
            + " ".join(_T4_HEADER) + "\n" + "".join(s + n for s, n in zip(seps, numbers))
            + "\n五、存在的主要问题及改进情况 无。\n")
    got = nianbao.parse_bytes(text.encode("utf-8"), "t4.txt").to_json_dict()
    for g in T4_GROUP_KEYS:
        for c in T4_COLUMN_KEYS:
            value = ((got.get("appeals") or {}).get(g) or {}).get(c)
            assert value is None or (groups[g] is not None and value == groups[g][c]), (g, c, value, text)


def test_columns_a_converter_cut_off_are_unreadable_not_blank():
    """pandoc's gfm of a DOCX whose 表三 piece after a page break has a short grid writes only its first five
    columns: 一、本年新收 「9 0 0 0 0」 under 自然人…法律服务机构. Those five are read under their names; 其他 and
    总计 are not in the text: null with a reader's note (L-03), never called blank (T3-05)."""
    case = HERE / "t3_header_cut_to_its_first_columns.md"
    record = nianbao.parse(case)
    lost = {f"requests.{r}.{c}" for r in ("new_received", "carried_over") for c in ("other_org", "total")}
    assert lost <= {n.path for n in record.notes if n.kind == "unreadable"}
    findings = nianbao.check(record)
    assert lost <= {c for f in findings if f.code == "L-03" for c in f.cells}
    assert not lost & {c for f in findings if f.code == "T3-05" for c in f.cells}
