"""A known record published as a government CMS page: the many ways real sites lay out the three tables.

``render_html(record, seed, variation)`` writes the record's 表二/表三/表四 and meta into an HTML page and
returns it with the record *as the page shows it* (a cell printed blank or as a dash is null there). The
seed picks the layout within the variation (``VARIATIONS``; "mixed" varies everything at once), so a
failing case is rebuilt from its seed. Used by tests/test_html_layouts.py and bench/fuzz_html.py.

What varies is what real pages do: the 表三 header merged in different ways, its label block in one, two
or three columns, zeros printed as 0, blank, —, -, ／ or 无, numbers cut into <span>s, padded with &nbsp;,
in full-width digits or with 件, Word's HTML export (MsoNormal paragraphs in every cell, <o:p>, width
attributes, source lines wrapped inside tags), tables split over several <table>s (one per 第二十条 item,
or 表三 cut at a page break with or without its header again), <thead>/<th>, layout tables around the
article, other CMS containers, 表二 in the 2019 and 2021 forms, 表四's header rows merged differently,
and stray blank rows and columns.
"""

from __future__ import annotations

import copy
import html
import random
from dataclasses import dataclass

from nianbao.format import Format
from synth import tables as random_tables

T3_KEYS = Format.T3_COLUMN_KEYS
T4_COLS = Format.T4_COLUMN_KEYS
T4_GROUPS = Format.T4_GROUP_KEYS
VARIATIONS = ("plain", "word", "t3_header", "t3_labels", "zeros", "numbers", "split", "thead", "wrapper",
              "nested", "t2", "t4", "stray", "breaks", "ptext", "mixed")
_FULL = str.maketrans("0123456789.", "０１２３４５６７８９．")


@dataclass
class C:
    """One source cell: a label (``text``) or a number slot (``key``: the dotted path of the value)."""

    text: str = ""
    key: str | None = None
    rs: int = 1
    cs: int = 1
    th: bool = False


Row = list[C]


class _Page:
    """Choices for one page, drawn from the seed; ``shown`` collects the record as the page shows it."""

    def __init__(self, rec: dict, rng: random.Random, vary: set[str]):
        self.rec = rec
        self.rng = rng
        self.vary = vary
        self.shown: dict[str, object] = {}
        self.choices: list[str] = []  # what this page does differently from the plain one (to tell failures apart)
        pick = self.pick
        self.word = pick("word", False, True)
        self.zero = pick("zeros", "0", "0", "", "—", "-", "／", "无", "&nbsp;", "0件", "０", "<p>0</p><p>件</p>")
        self.blank = pick("zeros", "", "", "&nbsp;", "—", "/", "-")
        self.number = pick("numbers", "plain", "spans", "nbsp", "full", "jian", "bold", "space", "wrapspan", "p",
                           "pjian", "spacerun", "comma")
        self.breaks = pick("breaks", False, True)  # header and label words cut by <br> or spaces
        self.mixed_numbers = "numbers" in vary and rng.random() < 0.3  # a style per cell, not per page
        self.th = pick("thead", "none", "th", "thead", "thead_th", "tbodies")
        self.ptext = pick("ptext", "none", "t3", "t4", "t2", "all")  # tables drawn as lines of text in <p>s

    def pick(self, dim: str, default, *choices):
        got = self.rng.choice(choices or (default,)) if dim in self.vary or "mixed" in self.vary else default
        if got != default:
            self.choices.append(f"{dim}={got}")
        return got

    def value(self, key: str) -> str:
        """The HTML of the cell whose value is at dotted ``key`` (recorded in ``shown``)."""
        v = _get(self.rec, key)
        rng = self.rng
        if v is None:
            self.shown[key] = None
            return self.blank
        if v == 0:
            z = self.zero if not self.mixed_numbers else rng.choice(("0", "", "—", "0"))
            self.shown[key] = 0 if "0" in z or "０" in z else None
            return z
        self.shown[key] = v
        s = f"{v}" if isinstance(v, int) else f"{v:.6f}".rstrip("0").rstrip(".")
        style = self.number if not self.mixed_numbers else rng.choice(
            ("plain", "spans", "nbsp", "full", "jian", "bold", "space", "wrapspan", "p"))
        if style == "jian" and (".fees" in key or ".amount" in key):
            style = "plain"
        if style == "comma" and isinstance(v, int) and abs(v) >= 1000:
            s = f"{v:,}"
        if style == "spans" and len(s) > 1:
            k = rng.randint(1, len(s) - 1)
            return f'<span lang="EN-US">{s[:k]}</span><span lang="EN-US">{s[k:]}</span>'
        if style == "wrapspan" and len(s) > 1:
            k = rng.randint(1, len(s) - 1)
            return f'<span\nlang="EN-US">{s[:k]}</span><span\nstyle="font-size:10.5pt">{s[k:]}</span>'
        return {"nbsp": f"&nbsp;{s}&nbsp;", "full": s.translate(_FULL), "jian": f"{s}件",
                "pjian": f"<p>{s}</p><p>件</p>" if "." not in s else s,
                "spacerun": f'<span style="mso-spacerun:yes">&nbsp;</span>{s}<span style="mso-spacerun:yes">&nbsp; </span>',
                "bold": f"<b>{s}</b>", "space": f"  {s} ", "p": f"<p>{s}</p>"}.get(style, s)


def _get(rec: dict, key: str):
    node: object = rec
    for part in key.split("."):
        node = node.get(part) if isinstance(node, dict) else None
    return node


# ---- 表二 ---------------------------------------------------------------------------------------------
_T2_2021 = (
    ("第二十条第（一）项", ("信息内容", "本年制发件数", "本年废止件数", "现行有效件数"),
     (("规章", "regulations", ("issued", "repealed", "in_force")),
      ("行政规范性文件", "normative_documents", ("issued", "repealed", "in_force")))),
    ("第二十条第（五）项", ("信息内容", "本年处理决定数量"), (("行政许可", "licensing", None),)),
    ("第二十条第（六）项", ("信息内容", "本年处理决定数量"),
     (("行政处罚", "punishment", None), ("行政强制", "coercion", None))),
    ("第二十条第（八）项", ("信息内容", "本年收费金额（单位：万元）"), (("行政事业性收费", "fees", None),)),
)
_ITEMS3 = ("prev_items", "change", "decisions")
_T2_2019 = (
    ("第二十条第（一）项", ("信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"),
     (("规章", "regulations", ("made", "published", "public_total")),
      ("规范性文件", "normative_documents", ("made", "published", "public_total")))),
    ("第二十条第（五）项", ("信息内容", "上一年项目数量", "本年增/减", "处理决定数量"),
     (("行政许可", "licensing", _ITEMS3), ("其他对外管理服务事项", "other_services", _ITEMS3))),
    ("第二十条第（六）项", ("信息内容", "上一年项目数量", "本年增/减", "处理决定数量"),
     (("行政处罚", "punishment", _ITEMS3), ("行政强制", "coercion", _ITEMS3))),
    ("第二十条第（八）项", ("信息内容", "上一年项目数量", "本年增/减"),
     (("行政事业性收费", "fees", ("prev_items", "change")),)),
    ("第二十条第（九）项", ("信息内容", "采购项目数量", "采购总金额"),
     (("政府集中采购", "procurement", ("projects", "amount")),)),
)


def _t2(p: _Page, fmt: str) -> list[list[Row]]:
    """表二 as one table or one per 第二十条 item; a one-value item merged over the columns or not."""
    spec = _T2_2021 if fmt == "2021" else _T2_2019
    width = 4
    split = p.pick("t2", False, False, True)
    merge_single = p.pick("t2", True, True, False)  # 本年处理决定数量 colspan=3, or one cell and two blanks
    merge_value = merge_single and p.pick("t2", True, True, False)  # the header merged, the value not
    heading_th = p.pick("t2", False, True)
    short_label = p.pick("t2", False, True)  # 规范性文件 for 行政规范性文件
    tables: list[list[Row]] = []
    rows: list[Row] = []
    for title, head, items in spec:
        if split and rows:
            tables.append(rows)
            rows = []
        rows.append([C(title, cs=width, th=heading_th)])
        if len(head) == 2 and merge_single:
            rows.append([C(head[0], th=True), C(head[1], cs=width - 1, th=True)])
        else:
            rows.append([C(h, th=True) for h in head] + [C("", th=True) for _ in range(width - len(head))])
        for label, key, cols in items:
            if short_label and label == "行政规范性文件":
                label = "规范性文件"
            if cols is None:
                cells = [C(key=f"active.{key}", cs=width - 1)] if merge_value else \
                    [C(key=f"active.{key}"), C(""), C("")]
            else:
                cells = [C(key=f"active.{key}.{c}") for c in cols] + [C("") for _ in range(width - 1 - len(cols))]
            rows.append([C(label), *cells])
    tables.append(rows)
    return tables


# ---- 表三 ---------------------------------------------------------------------------------------------
_ORG = ("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他")


def _t3_header(p: _Page, label_cols: int) -> list[Row]:
    style = p.pick("t3_header", "std", "std", "no_applicant", "unmerged_left", "flat", "unmerged_cols",
                   "note", "xiangmu")
    corner = {"note": "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
              "xiangmu": "项目"}.get(style, "")
    other, total = p.pick("t3_header", ("其他", "总计"), ("其他", "总计"), ("其它", "总计"), ("其他", "合计"),
                          ("其他组织", "总 计"))
    sub = [C(t if t != "其他" else other, th=True) for t in _ORG]
    if style == "no_applicant":
        return [[C(corner, rs=2, cs=label_cols, th=True), C("自然人", rs=2, th=True),
                 C("法人或其他组织", cs=5, th=True), C(total, rs=2, th=True)], sub]
    if style == "unmerged_left":  # every header row starts with its own blank label cells
        return [[C("", cs=label_cols, th=True), C("申请人情况", cs=7, th=True)],
                [C("", cs=label_cols, th=True), C("自然人", rs=2, th=True), C("法人或其他组织", cs=5, th=True),
                 C(total, rs=2, th=True)],
                [C("", cs=label_cols, th=True), *sub]]
    if style == "flat":  # one header row, the five organisations named alone
        return [[C(corner, cs=label_cols, th=True), C("自然人", th=True), *sub, C(total, th=True)]]
    if style == "unmerged_cols":  # 自然人 and 总计 not merged down: a blank cell under each
        return [[C(corner, rs=3, cs=label_cols, th=True), C("申请人情况", cs=7, th=True)],
                [C("自然人", th=True), C("法人或其他组织", cs=5, th=True), C(total, th=True)],
                [C("", th=True), *sub, C("", th=True)]]
    return [[C(corner, rs=3, cs=label_cols, th=True), C("申请人情况", cs=7, th=True)],
            [C("自然人", rs=2, th=True), C("法人或其他组织", cs=5, th=True), C(total, rs=2, th=True)], sub]


_GROUP_LABEL = {"denied": "（三）不予公开", "unavailable": "（四）无法提供", "declined": "（五）不予处理",
                "other": "（六）其他处理"}
_LABEL_WIDTH = {"three": 3, "two_joined": 2, "two_groups": 2, "one": 1}


def _t3_body(rows_spec, label_style: str) -> list[Row]:
    """表三's rows; the label block in 3 columns (the format's), 2 (三、 merged down, a group label joined to
    its first item), 2 (三、 a row of its own, group labels merged down) or 1 (group labels rows of their own)."""
    width = _LABEL_WIDTH[label_style]
    grouped = [r for r in rows_spec if r.group in _GROUP_LABEL and r.key != "other_total"]
    n_outcome = sum(1 for r in rows_spec if r.group) + 1  # and （七）总计
    out: list[Row] = []
    seen: set[str] = set()
    for r in rows_spec:
        vals = [C(key=f"requests.{r.key}.{c}") for c in T3_KEYS]
        in_outcomes = r.group is not None or r.key == "total_processed"
        if not in_outcomes:
            out.append([C(r.label, cs=width), *vals])
            continue
        lead: list[C] = []
        if "first" not in seen:
            seen.add("first")
            if label_style in ("one", "two_groups"):
                out.append([C("三、本年度办理结果", cs=width), *[C("") for _ in T3_KEYS]])
            else:
                lead = [C("三、本年度办理结果", rs=n_outcome)]
        first_of_group = r in grouped and r.group not in seen
        if r in grouped:
            seen.add(r.group)
        inner = width - 1 if label_style in ("three", "two_joined") else width  # 三、 merged down its rows
        if r not in grouped:
            label_cells = [C(r.label, cs=inner)]
        elif label_style == "one":
            if first_of_group:
                out.append([C(_GROUP_LABEL[r.group]), *[C("") for _ in T3_KEYS]])
            label_cells = [C(r.label)]
        elif label_style == "two_joined":
            label_cells = [C(_GROUP_LABEL[r.group] + r.label if first_of_group else r.label)]
        else:  # three, two_groups: the group label merged down its rows
            size = sum(1 for x in grouped if x.group == r.group)
            label_cells = ([C(_GROUP_LABEL[r.group], rs=size)] if first_of_group else []) + [C(r.label)]
        out.append([*lead, *label_cells, *vals])
    return out


def _t3(p: _Page, fmt: str) -> tuple[list[Row], int, int]:
    """表三's rows, the number of header rows and the width of its label block."""
    rows_spec = Format.get(fmt).t3_rows
    label_style = p.pick("t3_labels", "three", "three", "two_joined", "two_groups", "one")
    width = _LABEL_WIDTH[label_style]
    body = _t3_body(rows_spec, label_style)
    numbering = p.pick("t3_labels", ".", ".", "、", "．", "()", "none")
    if numbering != ".":
        for row in body:
            for c in row:
                if not c.key and c.text[:1].isdigit() and c.text[1:2] == ".":
                    n, rest = c.text[0], c.text[2:]
                    c.text = {"()": f"（{n}）{rest}", "none": rest}.get(numbering, f"{n}{numbering}{rest}")
    if p.pick("t3_header", False, False, False, True):
        return _with_subtotal(p, body, width)
    head = _t3_header(p, width)
    if p.pick("t3_header", False, False, True):  # 「单位：件」 as the table's first row
        head.insert(0, [C("单位：件", cs=width + 7)])
    return head + body, len(head), width


def _with_subtotal(p: _Page, body: list[Row], width: int) -> tuple[list[Row], int, int]:
    """表三 with a 小计 column of the five organisations (some reports add one; not a cell of the record)."""
    head = [[C("", rs=3, cs=width, th=True), C("申请人情况", cs=8, th=True)],
            [C("自然人", rs=2, th=True), C("法人或其他组织", cs=6, th=True), C("总计", rs=2, th=True)],
            [*[C(t, th=True) for t in _ORG], C("小计", th=True)]]
    out = []
    for row in body:
        row = list(row)
        keys = [c.key for c in row if c.key]
        if keys:
            org = [_get(p.rec, k) for k in keys[1:6]]
            sub = sum(v for v in org if v is not None)
            at = next(i for i, c in enumerate(row) if c.key == keys[5]) + 1
            row.insert(at, C(str(sub)))
        else:
            row.append(C(""))
        out.append(row)
    return head + out, 3, width


# ---- 表四 ---------------------------------------------------------------------------------------------
_T4_HEAD = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")


def _t4(p: _Page) -> list[Row]:
    style = p.pick("t4", "std", "std", "review_down", "blank_under", "spaced", "transposed", "labelled")
    vals = [C(key=f"appeals.{g}.{c}") for g in T4_GROUPS for c in T4_COLS]
    heads = _T4_HEAD
    if style == "spaced":
        heads = ("结果<br>维持", "结果<br>纠正", "其他<br>结果", "尚未<br>审结", "总 计")
    five = [C(h, th=True) for h in heads]
    if style == "review_down":  # 行政复议 merged over two header rows, its five columns in the third
        return [[C("行政复议", cs=5, rs=2, th=True), C("行政诉讼", cs=10, th=True)],
                [C("未经复议直接起诉", cs=5, th=True), C("复议后起诉", cs=5, th=True)],
                [*five, *[C(h, th=True) for h in heads], *[C(h, th=True) for h in heads]], vals]
    if style == "blank_under":  # a blank cell under 行政复议 instead of its columns merged down
        return [[C("行政复议", cs=5, th=True), C("行政诉讼", cs=10, th=True)],
                [C("", cs=5, th=True), C("未经复议直接起诉", cs=5, th=True), C("复议后起诉", cs=5, th=True)],
                [*five, *[C(h, th=True) for h in heads], *[C(h, th=True) for h in heads]], vals]
    if style == "transposed":  # one row per group
        return [[C("", cs=2, th=True), *five],
                [C("行政复议", cs=2), *vals[:5]],
                [C("行政诉讼", rs=2), C("未经复议直接起诉"), *vals[5:10]],
                [C("复议后起诉"), *vals[10:]]]
    if style == "labelled":  # the value row named in a first column
        return [[C("", rs=3, th=True), C("行政复议", cs=5, th=True), C("行政诉讼", cs=10, th=True)],
                [*[C(h, rs=2, th=True) for h in heads], C("未经复议直接起诉", cs=5, th=True),
                 C("复议后起诉", cs=5, th=True)],
                [*[C(h, th=True) for h in heads], *[C(h, th=True) for h in heads]],
                [C("数量"), *vals]]
    return [[C("行政复议", cs=5, th=True), C("行政诉讼", cs=10, th=True)],
            [*[C(h, rs=2, th=True) for h in heads], C("未经复议直接起诉", cs=5, th=True),
             C("复议后起诉", cs=5, th=True)],
            [*[C(h, th=True) for h in heads], *[C(h, th=True) for h in heads]], vals]


# ---- writing HTML -------------------------------------------------------------------------------------
def _row_width(rows: list[Row]) -> int:
    """The grid width (rowspans counted as a browser places them)."""
    taken: dict[tuple[int, int], bool] = {}
    width = 0
    for r, row in enumerate(rows):
        c = 0
        for cell in row:
            while (r, c) in taken:
                c += 1
            for i in range(cell.rs):
                for j in range(cell.cs):
                    taken[(r + i, c + j)] = True
            c += cell.cs
            width = max(width, c)
    return width


def _stray(p: _Page, rows: list[Row], head: int) -> list[Row]:
    """A blank row among the body rows, or a blank column at the end of every row."""
    kind = p.pick("stray", "none", "row", "col", "both", "none", "first", "mid")
    rows = [list(r) for r in rows]
    if kind in ("col", "both"):
        rows[0].append(C("", rs=len(rows), th=rows[0][0].th)) if p.rng.random() < 0.5 else \
            [r.append(C("")) for r in rows]
    if kind == "first":  # a narrow blank column left of everything
        rows[0].insert(0, C("", rs=len(rows), th=rows[0][0].th))
    if kind == "mid":  # a spacer column after the labels: a blank cell in every row, merged in the header
        at = _label_width(rows, head)
        if at:
            _insert_column(rows, at, head)
    if kind in ("row", "both") and len(rows) > head + 1:
        at = p.rng.randint(head, len(rows))
        # a blank row only where no rowspan crosses it (else the browser's grid changes)
        if not _crossed(rows, at):
            rows.insert(at, [C("", cs=_row_width(rows))])
    return rows


def _label_width(rows: list[Row], head: int) -> int:
    """The slot of the first number cell in the body rows (0: none found)."""
    for r in range(head, len(rows)):
        slots = _slots(rows)[r]
        for c, cell in sorted(slots.items()):
            if cell.key:
                return c
    return 0


def _slots(rows: list[Row]) -> list[dict[int, C]]:
    """Each row's slots → the cell placed there (origin slots only)."""
    taken: set[tuple[int, int]] = set()
    out: list[dict[int, C]] = []
    for r, row in enumerate(rows):
        c = 0
        mine: dict[int, C] = {}
        for cell in row:
            while (r, c) in taken:
                c += 1
            mine[c] = cell
            for i in range(cell.rs):
                for j in range(cell.cs):
                    taken.add((r + i, c + j))
            c += cell.cs
        out.append(mine)
    return out


def _insert_column(rows: list[Row], at: int, head: int) -> None:
    """A blank column inserted at grid slot ``at``: a cell spanning across it is widened, every other row
    gets a blank cell there."""
    widened: set[int] = set()  # rows covered at ``at`` by a widened cell
    placed = _slots(rows)
    for r, slots in enumerate(placed):
        for c, cell in slots.items():
            if c < at < c + cell.cs:
                cell.cs += 1
                widened.update(range(r, r + cell.rs))
    for r, row in enumerate(rows):
        if r in widened:
            continue
        before = sum(1 for c in placed[r] if c < at)
        row.insert(before, C("", th=r < head))


def _crossed(rows: list[Row], at: int) -> bool:
    return any(r < at < r + c.rs for r, row in enumerate(rows) for c in row)


def _cell_html(p: _Page, c: C, tag: str) -> str:
    text = c.text
    if p.breaks and text and "<" not in text and not c.key and p.rng.random() < 0.5:
        k = p.rng.randint(1, len(text) - 1) if len(text) > 1 else 0
        text = text[:k] + p.rng.choice(("<br>", "<br>", " ", "\n", "</p><p>")) + text[k:] if k else text
        if "</p><p>" in text:
            text = f"<p>{text}</p>"
    inner = p.value(c.key) if c.key else html.escape(text).replace("&lt;br&gt;", "<br>").replace(
        "&lt;/p&gt;&lt;p&gt;", "</p><p>").replace("&lt;p&gt;", "<p>").replace("&lt;/p&gt;", "</p>")
    attrs = ""
    if c.rs > 1:
        attrs += f' rowspan="{c.rs}"'
    if c.cs > 1:
        attrs += f' colspan="{c.cs}"'
    if p.word:
        w = p.rng.choice((47, 57, 64, 94, 120))
        attrs += f' width="{w * c.cs}" valign="center" style="width:{w * c.cs / 10:.1f}pt;border:solid windowtext 1.0pt;' \
                 'padding:0cm 5.4pt 0cm 5.4pt"'
        empty = not inner.strip() or inner == "&nbsp;"
        body = "&nbsp;" if empty else inner
        inner = (f'<p class="MsoNormal" align="center" style="text-align:center"><span style="font-size:10.5pt;'
                 f'font-family:宋体">{body}<o:p></o:p></span></p>') if not empty else \
            p.rng.choice(('<p class="MsoNormal" align="center" style="text-align:center"><span lang="EN-US">'
                          '<o:p>&nbsp;</o:p></span></p>',
                          '<p class="MsoNormal"><![if !supportEmptyParas]>&nbsp;<![endif]><o:p></o:p></p>'))
    return f"<{tag}{attrs}>{inner}</{tag}>"


def _table_html(p: _Page, rows: list[Row], head: int, which: str = "") -> str:
    if p.ptext in (which, "all"):
        return _ptext_html(p, rows)
    th = p.th
    attrs = ' border="1" cellspacing="0" cellpadding="0"'
    if p.word:
        attrs = ' class="MsoNormalTable" border="1" cellspacing="0" cellpadding="0" width="623" ' \
                'style="width:467.5pt;border-collapse:collapse;border:none;mso-border-alt:solid windowtext .5pt"'
    out = [f"<table{attrs}>"]
    trs = []
    for i, row in enumerate(rows):
        is_head = i < head
        tag = "th" if is_head and th in ("th", "thead_th") else "td"
        trs.append("<tr>" + "".join(_cell_html(p, c, tag) for c in row) + "</tr>")
    if th in ("thead", "thead_th") and head:
        out += ["<thead>", *trs[:head], "</thead>", "<tbody>", *trs[head:], "</tbody>"]
    elif th == "tbodies":
        out += ["<tbody>", *trs[:head], "</tbody>", "<tbody>", *trs[head:], "</tbody>"]
    else:
        out += ["<tbody>", *trs, "</tbody>"] if p.rng.random() < 0.5 else trs
    out.append("</table>")
    return "\n".join(out)


def _ptext_html(p: _Page, rows: list[Row]) -> str:
    """A table the CMS lost: each row a paragraph, its cells parted by runs of &nbsp; (merged cells once)."""
    out = []
    gap = p.rng.choice(("&nbsp;&nbsp;&nbsp;", "\u3000", "&nbsp; &nbsp;"))
    for row in rows:
        cells = []
        for c in row:
            inner = p.value(c.key) if c.key else html.escape(c.text)
            cells.append(inner.replace("<p>", "").replace("</p>", ""))
        out.append(f"<p>{gap.join(cells)}</p>")
    return "\n".join(out)


def _wrap_word(text: str, rng: random.Random) -> str:
    """Word's HTML export wraps source lines near 76 columns at a space inside a tag."""
    out = []
    col = 0
    in_tag = False
    for ch in text:
        if ch == "<":
            in_tag = True
        elif ch == ">":
            in_tag = False
        if ch == "\n":
            col = 0
        if ch == " " and in_tag and col > 70 + rng.randint(0, 8):
            out.append("\n")
            col = 0
            continue
        out.append(ch)
        col += 1
    return "".join(out)


def _para(p: _Page, text: str) -> str:
    if p.word:
        return f'<p class="MsoNormal" style="text-indent:32.0pt"><span style="font-family:仿宋_GB2312">{html.escape(text)}</span></p>'
    return f"<p>{html.escape(text)}</p>"


def _heading(p: _Page, text: str) -> str:
    kind = p.pick("wrapper", "p", "p", "h3", "strong")
    if kind == "h3":
        return f"<h3>{html.escape(text)}</h3>"
    if kind == "strong":
        return f"<p><strong>{html.escape(text)}</strong></p>"
    return _para(p, text)


def _split_t3(p: _Page, rows: list[Row], head: int) -> list[list[Row]]:
    """表三 cut in two at a page break, the header again or not; at a row no rowspan crosses, or anywhere
    (a merged label cut by the break: its rest a cell of the second table, blank or the label again)."""
    kind = p.pick("split", "none", "none", "repeat", "cut", "cut_any", "repeat_any")
    if kind == "none":
        return [rows]
    anywhere = kind.endswith("_any")
    cuts = [i for i in range(head + 2, len(rows) - 2) if anywhere or not _crossed(rows, i)]
    if not cuts:
        return [rows]
    at = p.rng.choice(cuts)
    rows = copy.deepcopy(rows)
    placed = _slots(rows)
    second = [list(r) for r in rows[at:]]
    again = p.rng.random() < 0.5
    for r in range(at):
        for c, cell in sorted(placed[r].items()):
            if r + cell.rs > at:  # crosses the break
                rest = C(cell.text if again else "", rs=r + cell.rs - at, cs=cell.cs)
                cell.rs = at - r
                before = sum(1 for x in placed[at] if x < c)
                second[0].insert(before, rest)
                placed[at] = {**placed[at], c: rest}
    if kind.startswith("repeat"):
        again_head = copy.deepcopy(rows[:head])
        for r, row in enumerate(again_head):
            for cell in row:
                cell.rs = min(cell.rs, head - r)  # a column merged down the whole table: its rest is below
        second = again_head + second
    return [rows[:at], second]


def render_html(record: dict, seed: int, variation: str = "mixed") -> tuple[str, dict]:
    """``record`` (an expected record: meta, active, requests, appeals) as a CMS page; the page and the
    values as it shows them ({dotted path: value or None})."""
    rng = random.Random(seed)
    p = _Page(record, rng, {variation})
    meta = record["meta"]
    # 表二's form by its keys, 表三's rows by theirs: a 2021-format report may still print one （六） row
    t2_fmt = "2019" if "made" in ((record.get("active") or {}).get("regulations") or {}) else "2021"
    t3_fmt = "2019" if "other_total" in (record.get("requests") or {}) else "2021"
    agency, year = meta["agency"], meta["year"]
    parts = [_heading(p, f"{agency}{year}年政府信息公开工作年度报告"),
             _para(p, f"本报告由{agency}根据《中华人民共和国政府信息公开条例》编制。"),
             _heading(p, "一、总体情况"), _para(p, f"{year}年，我单位认真贯彻落实政务公开工作要点。")]
    new = _get(record, "requests.new_received.total")
    if isinstance(new, int):
        parts.append(_para(p, f"全年共收到政府信息公开申请{new}件。"))
    table_groups: list[list[str]] = []
    if record.get("active"):
        parts.append(_heading(p, "二、主动公开政府信息情况"))
        t2 = []
        for rows in _t2(p, t2_fmt):
            rows = _stray(p, rows, 2)
            t2.append(_table_html(p, rows, 2, "t2"))
        parts += t2
        table_groups.append(t2)
    if record.get("requests"):
        parts.append(_heading(p, "三、收到和处理政府信息公开申请情况"))
        rows, head, _w = _t3(p, t3_fmt)
        rows = _stray(p, rows, head)
        pieces = _split_t3(p, rows, head)
        for i, piece in enumerate(pieces):
            if i:
                if p.rng.random() < 0.3:
                    parts.append('<p style="page-break-before:always"></p>')
            parts.append(_table_html(p, piece, head if i == 0 or len(piece) > len(rows) - head else 0, "t3"))
    if record.get("appeals"):
        parts.append(_heading(p, "四、政府信息公开行政复议、行政诉讼情况"))
        rows = _t4(p)
        head = sum(1 for r in rows if all(c.th for c in r))
        parts.append(_table_html(p, _stray(p, rows, head), head, "t4"))
    parts += [_heading(p, "五、存在的主要问题及改进情况"), _para(p, "一是公开内容还不够全面。"),
              _heading(p, "六、其他需要报告的事项"), _para(p, "本年度未收取信息处理费。"), _para(p, agency)]
    pub = meta.get("published")
    if isinstance(pub, str) and len(pub) == 10:
        y, m, d = pub.split("-")
        parts.append(_para(p, f"{y}年{int(m)}月{int(d)}日"))
    body = "\n".join(parts)
    page = _wrap(p, body, f"{agency}{year}年政府信息公开工作年度报告")
    if p.word:
        page = _wrap_word(page, rng)
    return f"<!-- htmlsynth {variation} {seed}: {' '.join(p.choices) or 'plain'} -->\n{page}", p.shown


def _wrap(p: _Page, body: str, title: str) -> str:
    """The article inside a CMS page: a known container, an unknown one among furniture, a bare fragment
    (a frame's document), layout tables around it."""
    kind = p.pick("wrapper", "zoom", "zoom", "trs", "trs_in_zoom", "article", "fragment", "ueditor")
    nest = p.pick("nested", 0, 1, 2, "side")
    if nest == "side":
        body = ('<table width="100%"><tr><td width="200" class="left"><ul><li><a href="#">机构职能</a></li>'
                '<li><a href="#">2023年度报告</a></li><li>访问量：12345</li></ul></td>'
                f'<td>{body}</td></tr></table>')
    else:
        for _ in range(nest):
            body = f'<table width="100%" border="0"><tbody><tr><td>{body}</td></tr></tbody></table>'
    inner = {"zoom": f'<div id="zoom">{body}</div>',
             "trs": f'<div class="TRS_Editor">{body}</div>',
             "trs_in_zoom": f'<div id="zoom"><div class="TRS_Editor"><style>.TRS_Editor P{{line-height:2;}}</style>'
                            f'{body}</div></div>',
             "article": f'<article class="content">{body}</article>',
             "ueditor": f'<div class="view TRS_UEDITOR trs_paper_default trs_web">{body}</div>',
             "fragment": body}[kind]
    if kind == "fragment":
        return inner
    furniture = ('<div class="header"><a href="/">首页</a> <a href="#">政务公开</a></div>'
                 '<div class="position">当前位置：首页 &gt; 政府信息公开年报</div>')
    foot = '<div class="footer">版权所有 网站标识码 3713000001 ICP备05012345号</div>'
    head = f'<meta charset="utf-8"><title>{html.escape(title)}_门户网站</title>'
    opening = "<!DOCTYPE html><html>"
    if p.word:  # Word's own page: its namespaces, its settings in a conditional comment, its style sheet
        opening = ('<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" '
                   'xmlns:w="urn:schemas-microsoft-com:office:word" xmlns="http://www.w3.org/TR/REC-html40">')
        head += ('<!--[if gte mso 9]><xml><w:WordDocument><w:View>Print</w:View></w:WordDocument></xml><![endif]-->'
                 '<style><!-- p.MsoNormal {margin:0cm;font-size:10.5pt;} table.MsoNormalTable {mso-style-name:普通表格;} --></style>')
    return (f'{opening}<head>{head}</head><body>{furniture}<div class="main">{inner}</div>{foot}</body></html>')


# ---- records ------------------------------------------------------------------------------------------
def dense(record: dict, seed: int) -> dict:
    """``record`` with random numbers that keep the format's sums (its zeros say little about columns)."""
    rng = random.Random(seed)
    rec = copy.deepcopy(record)
    req, app = random_tables(rng, rng.choice((20, 20, 400)))
    is2019 = "other_total" in (rec.get("requests") or {})
    if rec.get("requests"):
        if is2019:
            other = [sum(req[k][i] for k in ("other_no_supplement", "other_fee_unpaid", "other_other"))
                     for i in range(7)]
            req = {k: v for k, v in req.items() if not k.startswith("other_")} | {"other_total": other}
        rec["requests"] = {k: dict(zip(T3_KEYS, v, strict=True)) for k, v in req.items()}
    if rec.get("appeals"):
        rec["appeals"] = {g: dict(zip(T4_COLS, v, strict=True)) for g, v in app.items()}
    act = rec.get("active")
    if act:
        for k, v in act.items():
            if isinstance(v, dict):
                act[k] = {c: (rng.choice((0, rng.randint(1, 40), -rng.randint(1, 9) if c == "change" else 0))
                              if not (k == "procurement" and c == "amount")
                              else round(rng.uniform(0, 900), 2)) for c in v}
            elif k == "fees":
                act[k] = rng.choice((0, round(rng.uniform(0, 50), 1)))
            else:
                act[k] = rng.choice((0, rng.randint(1, 300)))
    return rec


# ---- scoring ------------------------------------------------------------------------------------------
def records() -> list[tuple[str, dict]]:
    """The hand-read records the pages are made from: seeds (shared/seeds/expected) and the pingtan reports
    (tests/data/pingtan/expected), those with at least one table."""
    import json
    from pathlib import Path

    here = Path(__file__).resolve().parent
    paths = sorted((here.parent.parent / "shared" / "seeds" / "expected").glob("*.json"))
    paths += sorted((here / "data" / "pingtan" / "expected").glob("*.json"))
    out = []
    for path in paths:
        rec = json.loads(path.read_text(encoding="utf-8"))
        if rec.get("requests") or rec.get("appeals") or rec.get("active"):
            out.append((f"{path.parent.parent.name}/{path.stem}", rec))
    return out


def case(records_: list[tuple[str, dict]], variation: str, seed: int) -> tuple[str, dict, str, dict]:
    """Seed → (record name, record, page, shown): every other seed a dense copy of the record."""
    name, rec = records_[seed % len(records_)]
    if seed // len(records_) % 2:
        rec, name = dense(rec, seed), f"{name}+dense"
    page, shown = render_html(rec, seed, variation)
    return name, rec, page, shown


def score(shown: dict, got: dict) -> tuple[int, int, list[tuple[str, object, object]]]:
    """(right, null, wrong) over the cells the page shows: right when equal (null for a blank cell too),
    null when a shown number was not read; any other value is wrong."""
    right = null = 0
    wrong = []
    for path, want in shown.items():
        node: object = got
        for part in path.split("."):
            node = node.get(part) if isinstance(node, dict) else None
        if node == want and (node is None) == (want is None) and type(node) is not bool:
            right += 1
        elif node is None:
            null += 1
        else:
            wrong.append((path, want, node))
    return right, null, wrong


def meta_score(rec: dict, got: dict) -> list[tuple[str, object, object]]:
    """meta.agency/year/format that the parse got wrong (a null counts as wrong here: they are always printed)."""
    want = rec["meta"]
    return [(k, want.get(k), got["meta"].get(k)) for k in ("agency", "year", "format")
            if got["meta"].get(k) != want.get(k)]
