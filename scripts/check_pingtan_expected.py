#!/usr/bin/env python3
"""Check the hand-read pingtan records (tests/data/pingtan/expected/NN.json) against their input text.

Two independent checks of every record, so that a typo in an expected value cannot hide:
1. the characters: for every table row whose cells are all non-null, the cells written one after another
   must be exactly the digits printed after the row's label (spaces dropped), so each value is a split of
   the printed characters and nothing else;
2. the arithmetic the format guarantees (row sums, outcome columns, 新收 + 结转 = 总计 + 结转下年度, 表四 blocks).
A failure of 2 is not an error of the record when the document itself prints numbers that do not add up:
those are listed in tests/data/pingtan/NOTES.md and passed here as KNOWN.

Usage: scripts/check_pingtan_expected.py [DIR]   (default tests/data/pingtan); exit 1 on an unexplained failure.
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

COLS = ["natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org", "total"]
OUTCOMES = ["granted", "partially_granted", "denied_state_secret", "denied_prohibited", "denied_three_safeties",
            "denied_third_party", "denied_internal", "denied_process", "denied_enforcement", "denied_query",
            "unavailable_not_held", "unavailable_need_creation", "unavailable_unclear", "declined_petition",
            "declined_duplicate", "declined_publication", "declined_mass", "declined_confirmation",
            "other_no_supplement", "other_fee_unpaid", "other_other", "other_total"]
# label printed before each 表三 row, searched in order from the 表三 header
T3_LABELS = [("new_received", "本年新收政府信息公开申请数量"), ("carried_over", "上年结转政府信息公开申请数量"),
             ("granted", "予以公开"), ("partially_granted", "不计其他情形）"), ("denied_state_secret", "属于国家秘密"),
             ("denied_prohibited", "其他法律行政法规禁止公开"), ("denied_three_safeties", "三安全一稳定”"),
             ("denied_third_party", "保护第三方合法权益"), ("denied_internal", "属于三类内部事务信息"),
             ("denied_process", "属于四类过程性信息"), ("denied_enforcement", "属于行政执法案[卷件]"),
             ("denied_query", "属于行政查询事项"), ("unavailable_not_held", "本机关不掌握相关政府信息"),
             ("unavailable_need_creation", "没有现成信息需要另行制作"), ("unavailable_unclear", "补正后申请内容仍不明确"),
             ("declined_petition", "信访举报投诉类申请"), ("declined_duplicate", "重复申请"),
             ("declined_publication", "要求提供公开出版物"), ("declined_mass", "无正当理由大量反复申请"),
             ("declined_confirmation", "重新出具已获取信息"), ("other_no_supplement", "不再处理其政府信息公开申请"),
             ("other_fee_unpaid", "不再处理其政府信息公开申请"), ("other_other", "其他"),
             ("other_total", "其他处理"), ("total_processed", "总计"), ("carried_forward", "结转下年度继续办理")]
RUN = re.compile(r"[\d ]*")

# Printed numbers that do not add up (see NOTES.md): (file, check name)
KNOWN = {
    ("06", "row requests.partially_granted"), ("06", "row requests.total_processed"),
    ("06", "identity commercial"),
    ("08", "column legal_service"), ("08", "column total"),
}


def fmt(v) -> str:
    return str(int(v)) if float(v).is_integer() else str(v)


def run_after(text: str, pos: int) -> str:
    """Digits (and spaces) printed right after pos; a trailing row number ("…00000002.其他") is cut off."""
    m = RUN.match(text, pos)
    run = m.group(0)
    if text[m.end():m.end() + 1] in (".", "．") and run:
        run = run[:-1]
    return run.replace(" ", "")


def _label(label: str) -> re.Pattern[str]:
    """A printed label, spaces allowed between its characters ("结果 维持", "尚未 审结")."""
    parts = re.findall(r"\[[^\]]*\]|.", label)
    return re.compile(r"\s*".join(p if p.startswith("[") else re.escape(p) for p in parts))


def check_chars(name: str, text: str, rec: dict) -> list[str]:
    errs = []
    req = rec.get("requests") or {}
    start = text.find("申请人情况")
    pos = start
    for key, label in T3_LABELS:
        if key not in req:
            continue
        m = _label(label).search(text, pos)
        if m is None:
            errs.append(f"{name}: label of requests.{key} not found")
            continue
        pos = m.end()
        row = req[key]
        if any(row[c] is None for c in COLS):
            continue
        want = "".join(fmt(row[c]) for c in COLS)
        got = run_after(text, pos)
        # a run may continue into a year that starts the next paragraph ("…2000002" + "2025年，…")
        if got != want and not (got.startswith(want) and re.fullmatch(r"20\d\d", got[len(want):])):
            errs.append(f"{name}: requests.{key} = {want} but the text prints {got!r}")
    app = rec.get("appeals")
    if app:
        # the 15 cells follow the last 总计 of the header (after 复议后起诉)
        head = text.find("复议后起诉")
        ends = [m.end() for m in _label("尚未审结总计").finditer(text, head)]
        blocks = [app[g] for g in ("review", "litigation_direct", "litigation_after_review")]
        cells = [b[c] for b in blocks for c in ("upheld", "corrected", "other", "pending", "total")]
        got = run_after(text, ends[1]) if len(ends) >= 2 else ""
        if all(c is not None for c in cells):
            want = "".join(fmt(c) for c in cells)
            if got != want:
                errs.append(f"{name}: appeals = {want} but the text prints {got!r}")
    act = rec.get("active") or {}
    two = "本年新制作数量" in text or "上一年项目数量" in text
    labels = ([("regulations", "规章"), ("normative_documents", "规范性文件"), ("licensing", "行政许可"),
               ("other_services", "其他对外管理服务事项"), ("punishment", "行政处罚"), ("coercion", "行政强制"),
               ("fees", "行政事业性收费"), ("procurement", "政府集中采购")] if two else
              [("regulations", "规章"), ("normative_documents", "规范性文件"), ("licensing", "行政许可"),
               ("punishment", "行政处罚"), ("coercion", "行政强制"), ("fees", "行政事业性收费")])
    pos = text.find("第二十条第（一）项")
    for key, label in labels:
        node = act.get(key)
        vals = list(node.values()) if isinstance(node, dict) else [node]
        i = text.find(label, pos)
        if i < 0 or text.find("第二十条第（五）项", pos) < i and key in ("regulations", "normative_documents"):
            if any(v is not None for v in vals):
                errs.append(f"{name}: active.{key} has values but its row is not printed")
            continue
        pos = i + len(label)
        if any(v is None for v in vals):
            continue
        want = "".join(fmt(v) for v in vals)
        m = re.match(r"[\d .]*", text[pos:])
        got = m.group(0).replace(" ", "")
        if not (got == want or (got.startswith(want) and re.match(r"20\d\d年", text[pos:][m.end() - 4:]))):
            errs.append(f"{name}: active.{key} = {want} but the text prints {got!r}")
    return errs


def check_arith(name: str, rec: dict) -> list[tuple[str, str]]:
    fails = []
    req = rec.get("requests")
    if req:
        for key, row in req.items():
            if all(row[c] is not None for c in COLS) and sum(row[c] for c in COLS[:-1]) != row["total"]:
                fails.append((f"row requests.{key}", f"{[row[c] for c in COLS]}"))
        for c in COLS:
            outs = [req[k][c] for k in OUTCOMES if k in req]
            if None not in outs and req["total_processed"][c] is not None and sum(outs) != req["total_processed"][c]:
                fails.append((f"column {c}", f"outcomes sum {sum(outs)} vs （七）总计 {req['total_processed'][c]}"))
            a = [req[k][c] for k in ("new_received", "carried_over", "total_processed", "carried_forward")]
            if None not in a and a[0] + a[1] != a[2] + a[3]:
                fails.append((f"identity {c}", f"{a[0]}+{a[1]} vs {a[2]}+{a[3]}"))
    for g, b in (rec.get("appeals") or {}).items():
        parts = [b[c] for c in ("upheld", "corrected", "other", "pending")]
        if None not in parts and b["total"] is not None and sum(parts) != b["total"]:
            fails.append((f"appeals {g}", f"{parts} vs {b['total']}"))
    return fails


def main(argv: list[str]) -> int:
    base = Path(argv[0]) if argv else Path(__file__).resolve().parent.parent / "tests" / "data" / "pingtan"
    bad = 0
    for exp in sorted((base / "expected").glob("*.json")):
        name = exp.stem
        rec = json.loads(exp.read_text())
        text = (base / f"{name}.txt").read_text()
        text = text.split("==================== 正文 ====================", 1)[-1]
        errs = check_chars(name, text, rec)
        fails = check_arith(name, rec)
        nulls = sum(1 for t in ("active", "requests", "appeals") for _ in _null_leaves(rec.get(t)))
        for e in errs:
            print("CHAR ", e)
        for check, detail in fails:
            known = (name, check) in KNOWN
            print(("KNOWN" if known else "ARITH"), f"{name}: {check}: {detail}")
            bad += not known
        bad += len(errs)
        print(f"{name}: {'ok' if not errs and all((name, c) in KNOWN for c, _ in fails) else 'FAIL'}"
              f" ({nulls} null table cells)")
    return 1 if bad else 0


def _null_leaves(node):
    if isinstance(node, dict):
        for v in node.values():
            yield from _null_leaves(v)
    elif node is None:
        yield None


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
