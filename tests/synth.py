"""Make consistent text reports from seed 000 (聊城市统计局 2021): another agency, year, date and table.

Used by the store tests and by bench/bench_ingest.py. The tables it writes keep every relation of the
format (勾稽关系, totals), so a generated report is clean unless a test breaks it on purpose.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

from nianbao.format import Format

T3_COLUMN_KEYS = Format.T3_COLUMN_KEYS
T3_ROWS_2021 = Format.get("2021").t3_rows
T4_COLUMN_KEYS = Format.T4_COLUMN_KEYS
T4_GROUP_KEYS = Format.T4_GROUP_KEYS

SEED = Path(__file__).resolve().parent / "data" / "text" / "000_3da483fcafa05843.txt"
AGENCY = "聊城市统计局"
_NUMS7 = re.compile(r"^(.*?)((?:\t\s*\d+\s*){7})\t*\s*$")
_NUMS10 = re.compile(r"^\t+(?:\d+\t){9}\d+\s*$")
OUTCOMES = [r.key for r in T3_ROWS_2021 if r.group]


def tables(rng: random.Random, scale: int = 20) -> tuple[dict[str, list[int]], dict[str, list[int]]]:
    """Random 表三 and 表四 numbers that satisfy the format's relations."""
    req: dict[str, list[int]] = {}
    for key in OUTCOMES:
        req[key] = [rng.choice((0, 0, 0, rng.randint(0, scale))) for _ in range(6)]
    req["total_processed"] = [sum(req[k][i] for k in OUTCOMES) for i in range(6)]
    req["carried_over"] = [rng.randint(0, 3) for _ in range(6)]
    req["carried_forward"] = [rng.randint(0, 3) for _ in range(6)]
    req["new_received"] = [max(0, t + f - o) for t, f, o in
                           zip(req["total_processed"], req["carried_forward"], req["carried_over"], strict=True)]
    # keep the identity when max() clipped: move the difference into 上年结转
    req["carried_over"] = [t + f - n for t, f, n in
                           zip(req["total_processed"], req["carried_forward"], req["new_received"], strict=True)]
    requests = {k: v + [sum(v)] for k, v in req.items()}
    appeals = {}
    for g in T4_GROUP_KEYS:
        parts = [rng.choice((0, 0, rng.randint(0, 4))) for _ in range(4)]
        appeals[g] = parts + [sum(parts)]
    return requests, appeals


def report_text(agency: str = AGENCY, year: int = 2021, requests: dict[str, list[int]] | None = None,
                appeals: dict[str, list[int]] | None = None, published: str | None = None,
                in_force: int | None = None) -> str:
    """Seed 000 rewritten: agency, year (all dates move with it), 表三/表四 numbers, signature date
    ("YYYY年M月D日"), 表二 normative_documents in_force."""
    text = SEED.read_text(encoding="utf-8")
    shift = year - 2021
    if shift:
        text = re.sub(r"20(1\d|2\d)", lambda m: str(int(m.group(0)) + shift), text)
    if published:
        text = text.replace(f"{2022 + shift}年1月26日", published)
    lines = text.split("\n")
    rows = iter(r.key for r in T3_ROWS_2021)
    in_t3 = False
    for i, line in enumerate(lines):
        if line.startswith("三、收到和处理"):
            in_t3 = True
        elif line.startswith("四、政府信息公开行政复议"):
            in_t3 = False
        m = _NUMS7.match(line)
        if in_t3 and m:
            key = next(rows)
            if requests:
                lines[i] = m.group(1) + "".join(f"\t{v}" for v in requests[key]) + "\t"
        elif appeals and _NUMS10.match(line):
            lines[i] = "\t".join(str(v) for g in T4_GROUP_KEYS for v in appeals[g])
        elif in_force is not None and line.startswith("规范性文件\t"):
            lines[i] = f"规范性文件\t0\t0\t{in_force}"
    text = "\n".join(lines).replace(AGENCY, agency)
    if requests:
        text = text.replace("全年收到政府信息公开申请14件", f"全年收到政府信息公开申请{requests['new_received'][6]}件")
    return text


def as_record_tables(requests: dict[str, list[int]]) -> dict[str, dict[str, int]]:
    return {k: dict(zip(T3_COLUMN_KEYS, v, strict=True)) for k, v in requests.items()}


def as_record_appeals(appeals: dict[str, list[int]]) -> dict[str, dict[str, int]]:
    return {g: dict(zip(T4_COLUMN_KEYS, v, strict=True)) for g, v in appeals.items()}


CITIES = ("聊城市", "淄博市", "济宁市", "德州市", "滨州市", "菏泽市", "临沂市", "潍坊市", "烟台市", "威海市")
DEPARTMENTS = ("统计局", "财政局", "教育局", "民政局", "商务局", "水利局", "审计局", "司法局", "林业局", "体育局")


def agency_names(n: int, offset: int = 0) -> list[str]:
    """``n`` distinct, realistic agency names (up to 100 · 10 county levels)."""
    out = []
    for i in range(offset, offset + n):
        city, dept = CITIES[i % 10], DEPARTMENTS[(i // 10) % 10]
        county = "" if i < 100 else f"第{'一二三四五六七八九十'[(i // 100 - 1) % 10]}区"
        out.append(f"{city}{county}{dept}")
    return out


# ---- a known record written out as converters damage it (the decoder's property tests) ---------------
# 表三 as the converters write it on lines: the title, the section, the column header; and what follows it
T3_HEAD = ["某某局2023年政府信息公开工作年度报告", "三、收到和处理政府信息公开申请情况",
           "申请人情况", "自然人 法人或其他组织 总计", "商业企业 科研机构 社会公益组织 法律服务机构 其他"]
T3_TAIL = ["四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "无。"]


def cell_text(v: object) -> str:
    """A cell as a converter writes it: a blank cell is nothing."""
    return "" if v is None else str(v)


def t3_rows(rec: dict) -> list[tuple[str, list[str]]]:
    """表三 of ``rec`` (2021 format) row by row: the row's label and its seven cells as text."""
    req = rec.get("requests") or {}
    return [(r.label, [cell_text((req.get(r.key) or {}).get(c)) for c in T3_COLUMN_KEYS]) for r in T3_ROWS_2021]


def never_wrong(rec: dict, got: dict, text: str = "") -> int:
    """Assert that every non-null cell of 表二/表三/表四 in ``got`` (a parsed record's JSON) equals ``rec``'s;
    the number of such cells. ``text``: the rendering, shown when it fails."""
    from conftest import get, leaves  # here, not above: the benchmarks import this module without pytest

    right = 0
    for table in ("active", "requests", "appeals"):
        for path, value in leaves(got.get(table) or {}, table):
            if value is None:
                continue
            want = get(rec, path)
            assert value == want, f"{path}: record {want!r}, decoded {value!r}\n{text[:3000]}"
            right += 1
    return right


def _parsed(text: str) -> dict:
    import nianbao

    return nianbao.parse_bytes(text.encode("utf-8"), "degraded.txt").to_json_dict()


def read_never_wrong(rec: dict, text: str) -> dict:
    """``text`` parsed once by the whole pipeline: its record's JSON, every cell read being ``rec``'s."""
    got = _parsed(text)
    never_wrong(rec, got, text)
    return got


def assert_never_wrong(rec: dict, text: str) -> int:
    """``text`` parsed by the whole pipeline gives ``rec``'s cells or nulls (``never_wrong``)."""
    return never_wrong(rec, _parsed(text), text)

