"""The decoder on degraded renderings of a known record: that record or nulls, never a different number.

A record (the seeds' hand-read ones, and generated ones whose arithmetic holds or is broken the way real
reports break it) is written out as text the way crawlers and converters leave it: cells concatenated
without separators, separators dropped at random, rows split across lines, labels detached from their
numbers and shuffled, blank cells dropped. Each rendering is parsed by the whole pipeline; every
non-null cell of 表二/表三/表四 must equal the record's.
"""

from __future__ import annotations

import random

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

import nianbao
from conftest import DATA, SHARED, leaves, load_json
from nianbao.format import Format
from synth import assert_never_wrong, read_never_wrong

ACTIVE_2021 = Format.get("2021").active
T3_COLUMN_KEYS = Format.T3_COLUMN_KEYS
T3_ROWS_2021 = Format.get("2021").t3_rows
T4_COLUMN_KEYS = Format.T4_COLUMN_KEYS
T4_GROUP_KEYS = Format.T4_GROUP_KEYS
T3_GROUPS = Format.T3_GROUPS

SEEDS = sorted((SHARED / "seeds" / "expected").glob("*.json"))
_GROUP_BEFORE = {"granted": T3_GROUPS["outcomes"].label, "denied_state_secret": T3_GROUPS["denied"].label,
                 "unavailable_not_held": T3_GROUPS["unavailable"].label,
                 "declined_petition": T3_GROUPS["declined"].label, "other_no_supplement": T3_GROUPS["other"].label}


def _cells(values, rnd: random.Random, style: str) -> str:
    out = []
    for v in values:
        text = "" if v is None else str(v)
        if style == "flat":
            sep = ""
        elif style == "units":  # glued, some counts with their unit (「0件2210件0件」)
            sep = ""
            text += "件" if text and rnd.random() < 0.5 else ""
        elif style == "mixed":
            sep = rnd.choice(["", "", " ", "\t", "\n", "  "])
        else:
            sep = rnd.choice([" ", "\t", "\n"])
        out.append(sep + text)
    return "".join(out)


def render(rec: dict, seed: int, style: str, detach: bool) -> str:
    """The record's three tables as degraded text."""
    rnd = random.Random(seed)
    labels: list[str] = []
    numbers: list[str] = []
    parts = ["二、主动公开政府信息情况", "第二十条第（一）项 信息内容 本年制发件数 本年废止件数 现行有效件数"]
    act = rec.get("active") or {}
    for it in ACTIVE_2021:
        v = act.get(it.key)
        vals = [v.get(c.key) if isinstance(v, dict) else None for c in it.columns] if it.columns else [v]
        parts.append(it.label + _cells(vals, rnd, style))
    parts.append("三、收到和处理政府信息公开申请情况 申请人情况 自然人 法人或其他组织 总计 商业企业 科研机构 "
                 "社会公益组织 法律服务机构 其他")
    req = rec.get("requests") or {}
    for row in T3_ROWS_2021:
        vals = [(req.get(row.key) or {}).get(c) for c in T3_COLUMN_KEYS]
        label = (_GROUP_BEFORE.get(row.key, "") + " " + row.label).strip()
        if rnd.random() < 0.2:  # a label wrapped over two lines
            cut = rnd.randrange(1, len(label))
            label = label[:cut] + "\n" + label[cut:]
        if detach:
            labels.append(label)
            numbers.append(_cells(vals, rnd, style))
        else:
            parts.append(label + _cells(vals, rnd, style))
    if detach:
        rnd.shuffle(labels)
        parts.extend(labels)
        parts.extend(numbers)
    parts.append("四、政府信息公开行政复议、行政诉讼情况 行政复议 行政诉讼 结果维持 结果纠正 其他结果 尚未审结 总计 "
                 "未经复议直接起诉 复议后起诉 结果维持 结果纠正 其他结果 尚未审结 总计 结果维持 结果纠正 其他结果 "
                 "尚未审结 总计")
    app = rec.get("appeals") or {}
    vals = [(app.get(g) or {}).get(c) for g in T4_GROUP_KEYS for c in T4_COLUMN_KEYS]
    parts.append(_cells(vals, rnd, style))
    parts.append("五、存在的主要问题及改进情况 无。")
    joiner = "" if style == "flat" else "\n"
    return "某某局2023年政府信息公开工作年度报告\n一、总体情况 略。\n" + joiner.join(parts)


def _t3(draw, broken: bool, most: int = 40) -> dict:
    small = st.integers(0, most) | st.just(0)
    rows = {}
    for row in T3_ROWS_2021:
        if row.key in ("total_processed", "carried_forward", "carried_over"):
            continue
        six = [draw(small) for _ in range(6)]
        rows[row.key] = [*six, sum(six)]
    outcomes = [r.key for r in T3_ROWS_2021 if r.group]
    total = [sum(rows[k][i] for k in outcomes) for i in range(7)]
    rows["total_processed"] = total
    fwd = [draw(st.integers(0, 5)) for _ in range(6)]
    rows["carried_forward"] = [*fwd, sum(fwd)]
    # 新收 + 结转 = 总计 + 结转下年度, per column
    over = [max(0, total[i] + rows["carried_forward"][i] - rows["new_received"][i]) for i in range(6)]
    rows["carried_over"] = [*over, sum(over)]
    rows["new_received"] = [total[i] + rows["carried_forward"][i] - over[i] for i in range(6)]
    rows["new_received"].append(sum(rows["new_received"]))
    if broken:  # a printed defect: one cell off, or the 总计 column of zeros
        if draw(st.booleans()):
            k = draw(st.sampled_from(sorted(rows)))
            i = draw(st.integers(0, 6))
            rows[k][i] += draw(st.integers(1, 9))
        else:
            for k in rows:
                rows[k][6] = 0
    return {k: dict(zip(T3_COLUMN_KEYS, v)) for k, v in rows.items()}


@st.composite
def records(draw, most: int = 40):
    broken = draw(st.booleans())
    req = _t3(draw, broken, most)
    groups = {}
    for g in T4_GROUP_KEYS:
        if draw(st.integers(0, 4)) == 0:
            groups[g] = dict.fromkeys(T4_COLUMN_KEYS)  # a blank group
        else:
            four = [draw(st.integers(0, 12)) for _ in range(4)]
            groups[g] = dict(zip(T4_COLUMN_KEYS, [*four, sum(four)]))
    active = {}
    for it in ACTIVE_2021:
        if it.columns:
            active[it.key] = {c.key: draw(st.integers(0, 300)) for c in it.columns}
        else:
            active[it.key] = draw(st.integers(0, 900))
    return {"active": active, "requests": req, "appeals": groups}


STYLES = st.sampled_from(["flat", "mixed", "spaced"])


# no shrinking: a failing rendering is printed whole, and shrinking a parse is slow on a shared machine.
# Derandomized: CI runs the same examples as the developer; a new wrong number found by a random run
# (HYPOTHESIS_SEED, or removing derandomize) becomes a regression test below, as the 表四 one did.
_PHASES = (Phase.explicit, Phase.reuse, Phase.generate)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow], phases=_PHASES,
          derandomize=True)
@given(rec=records(), seed=st.integers(0, 10_000), style=STYLES, detach=st.booleans())
def test_generated_records_decode_right_or_null(rec, seed, style, detach):
    assert_never_wrong(rec, render(rec, seed, style, detach))


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow], phases=_PHASES,
          derandomize=True)
@given(rec=records(most=400), seed=st.integers(0, 10_000))
def test_glued_counts_with_units_decode_right_or_null(rec, seed):
    """Cells glued, some with their unit (html-to-text of a page writing 「0件」): a 件 ends a cell, not the
    table's last row."""
    assert_never_wrong(rec, render(rec, seed, "units", False))


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow], phases=_PHASES,
          derandomize=True)
@given(rec=records(most=2000), seed=st.integers(0, 10_000))
def test_large_counts_flattened_decode_right_or_null(rec, seed):
    """Counts in the thousands, each row one run of digits (html-to-text, get_text()): a row too long to
    list every cut is read by the cuts its own sum allows, and only where the sums across rows confirm
    them; rows that each keep a few readings are settled together by the column sums, or not at all."""
    assert_never_wrong(rec, render(rec, seed, "flat", False))


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow], phases=_PHASES,
          derandomize=True)
@given(idx=st.integers(0, max(0, len(SEEDS) - 1)), seed=st.integers(0, 10_000), style=STYLES,
       detach=st.booleans())
def test_seed_records_decode_right_or_null(idx, seed, style, detach):
    rec = load_json(SEEDS[idx])
    assert_never_wrong(rec, render(rec, seed, style, detach))


def test_flat_consistent_record_is_read_whole():
    """Not only nulls: a flattened record whose arithmetic holds reads back (almost) whole."""
    rec = load_json(SEEDS[0])
    text = render(rec, 1, "flat", False)
    got = read_never_wrong(rec, text)
    assert [p for p, v in leaves(got["requests"], "requests") if v is None] == []


def test_a_blank_appeals_block_with_separators_lost_gives_no_stray_cell():
    """Found by the generated-records property (seed 52, mixed, detached): 表四's third block blank and
    the others glued (``22118`` = 22 | 11 | 8); every reading tried agreed on 复议·其他结果 = 1, none was
    the printed one (10). A block settles whole or not at all."""
    text = (DATA / "decoder_cases" / "t4_blank_group_glued.txt").read_text(encoding="utf-8")
    printed = {"review": (10, 1, 10, 1, 22), "litigation_direct": (11, 8, 9, 10, 38)}
    appeals = nianbao.parse_bytes(text.encode("utf-8"), "t4.txt").to_json_dict()["appeals"]
    for group, cells in appeals.items():
        for (col, value), want in zip(cells.items(), printed.get(group, (None,) * 5)):
            assert value is None or value == want, f"{group}.{col}: {value} (printed {want})"


def test_a_digit_run_with_too_many_cuts_to_list_is_not_read():
    """Found by the markdown helper's stress run: 表三's row labels shuffled and every number flattened
    into one run of 300 digits. The cuts of a run were listed only up to a cap, and the one that added up
    among the listed ones was taken as the only one: 6001, 153400 and 98 other numbers the record does
    not hold. A list cut short now leaves the cells null."""
    case = DATA / "decoder_cases" / "shuffled_labels_flat"
    expected = load_json(case.with_suffix(".json"))
    got = nianbao.parse(case.with_suffix(".txt")).to_json_dict()
    want = dict(leaves(expected))
    wrong = [(p, v, want.get(p)) for p, v in leaves(got)
             if p.startswith(("requests.", "appeals.")) and v is not None and v != want.get(p)]
    assert wrong == []


def test_a_wrapped_label_starting_with_none_gives_no_blank_cell():
    """Found by the large-counts property (seed 123): 「4.无正当理由大量反复申请」 wrapped after 「4.无」. The 无
    was taken for a blank cell (「申请数量无1332211」), so the row's numbers 0|1139|… were read one cell late
    (商业企业 0, printed 1139). A 无 right after a row's numbering is the label's first word."""
    case = DATA / "decoder_cases" / "none_word_wrapped_label"
    want = dict(leaves(load_json(case.with_suffix(".json"))))
    got = nianbao.parse(case.with_suffix(".txt")).to_json_dict()
    wrong = [(p, v, want.get(p)) for p, v in leaves(got) if p.startswith("requests.") and v is not None and v != want.get(p)]
    assert wrong == []


def _wrong_cells(name: str, tables: tuple[str, ...]) -> list[tuple[str, object, object]]:
    """The non-null cells of ``tables`` that the case's record does not hold."""
    case = DATA / "decoder_cases" / name
    want = dict(leaves(load_json(case.with_suffix(".json"))))
    got = nianbao.parse(case.with_suffix(".txt")).to_json_dict()
    return [(p, v, want.get(p)) for p, v in leaves(got) if p.startswith(tables) and v is not None and v != want.get(p)]


def test_a_none_inside_a_wrapped_label_gives_no_blank_cell():
    """Found by the large-counts property at 10× examples (seed 1): 「1.申请人无」/「正当理由逾期不补正…」, the
    label wrapped right after its 无, which was taken for a blank cell at a line's end; the row's numbers
    0|328|272|… were read one cell late (商业企业 0, printed 328). A 无 that begins a word of the format's
    labels (无正当理由, 无法提供) is that word."""
    assert _wrong_cells("none_word_inside_wrapped_label", ("requests.",)) == []


def test_a_blank_appeals_block_flattened_gives_no_block():
    """Found by the generated-records property at 10× examples (seed 1, flat): 表四's 行政复议 blank and the two
    其他 blocks glued into one run 「111011114381101231」. The readings that keep the most block sums cut the
    run into fifteen cells and agreed on 1|1|1|0|1 and 1|1|1|4|3, blocks that do not add up, none of them
    printed. A block read by cutting whose sum fails is not read."""
    assert _wrong_cells("t4_blank_block_flat", ("appeals.",)) == []


def test_glued_cells_with_blanks_dropped_give_no_agreed_cell():
    """Found by the glued-rows property of test_webtext_shapes at 10× examples (seed 1): 「4.无正当理由大量反复
    申请 4 753428 92 521」 is 空|4|75|342|8|92|521 with the blank left out. Every cut into seven cells kept the
    4 first, and one of them, 4|75|3|428|9|2|521, adds up: no sum across rows confirmed it, and the cells the
    cuts agreed on (自然人 4) were taken. A writer that drops separators drops blanks too: not read."""
    assert _wrong_cells("glued_row_blanks_dropped", ("requests.",)) == []
