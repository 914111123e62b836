"""表三 rows whose numbers stand on a line of their own above their label, beside a piece of a group label.

camelot stream over a PDF whose row labels sit lower in their cells than the numbers: each line of the
text is a row of the Markdown, and a row's numbers share a line with a piece of the group label that
runs down the left column (「三、 | 0 | 0 …」 / 「（一）予以公开」 / 「本年」 / 「（二）部分公开（区分处理的，只计这一情」
/ 「| 2 | 0 …」 / 「度办」 / 「形，不计其他情形）」 / 「理结 | 0 …」 / 「1.属于国家秘密」). Read in order, a label takes the
numbers after it, which are the next row's.

Between two rows that hold their label and their numbers on one line, the rows stay in order and so do the
lines of numbers. A line of numbers between a label's words and their continuation (「5.要求行政机关确认或重新
出具已获」 / numbers / 「取信息」), or beside the continuation, is that label's. For the others: when the labels
without numbers and the lines of numbers are as many, the i-th label's numbers are the i-th line's,
whichever side of it they stand on; when they are not, which label a line belongs to is not settled and
those rows are not read.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from ...format import Format, core, norm
from ..values import Row

_GROUPS = tuple(norm(g.label) for g in Format.T3_GROUPS.values())  # 三、本年度办理结果, （三）不予公开 …
_LABELS = {r.key: core(r.label) for r in (*Format.get("2021").t3_rows, *Format.get("2019").t3_rows)}


def _group_piece(label: str) -> bool:
    """No label, or a piece of a group label's words (「三、」「度办」「（五）」「处理」)."""
    t = norm(label)
    return not t or any(t in g for g in _GROUPS)


def _continues(key: str, head: str, text: str) -> bool:
    """``text`` (a line's words) carries on the label of row ``key`` whose first words were ``head``."""
    t = core(text)
    return bool(t) and not _group_piece(text) and (core(head)[-6:] + t) in _LABELS.get(key, "")


def _row_continues(key: str, head: str, row: Row) -> bool:
    """The line's words carry on the label, also after a group label's piece in a cell before them
    (「处理 | 费用、行政机关不再处理其政府信」)."""
    cells = row.label_cells
    return _continues(key, head, row.label) or (
        len(cells) > 1 and _group_piece(cells[0].text) and _continues(key, head, "".join(c.text for c in cells[1:])))


Item = tuple[str, int, Row]  # kind (L: a label alone, N: a row's numbers, F: other words, ?: a few numbers), index


class Paired(NamedTuple):
    rows: dict[str, tuple[Row, Row]]  # row → (its label's line, its numbers' line)
    unpaired: dict[str, Row]  # row → its label's line: which numbers are its is not settled
    whole: set[str]  # rows whose label's words continue beside or after their numbers: the label is whole


def numbers_first(rows: list[Row], labelled: dict[int, str], bare: set[int], again: dict[int, str]) -> Paired | None:
    """``rows``: the text's blocks split into label and values; ``labelled``: block index → the 表三 row its label
    names; ``bare``: those without numbers on their line;
    ``again``: later lines naming a row already named, with numbers. None when no row's numbers stand on a
    group label's line above a label without numbers (the text's rows read in order); else the rows paired
    with their lines of numbers."""
    if not any(_piece_numbers_above(rows, i) for i in bare):
        return None
    labelled = dict(labelled)
    for j, key in again.items():  # 「其他」 alone (a piece of （六）其他处理) named 3.其他, which comes after it
        i = next((i for i, k in labelled.items() if k == key), None)
        if i is not None and i < j and _group_piece(rows[i].label):
            del labelled[i]
            labelled[j] = key
    labelled = dict(sorted(labelled.items()))
    lo, hi = min(labelled), max(labelled)
    chains: list[list[Item]] = [[]]
    moved: dict[str, tuple[Row, Row]] = {}
    for i in range(lo, min(len(rows), hi + 3)):
        row = rows[i]
        if row.block.grid:
            return None
        if i in labelled:
            if row.values:
                chains.append([])  # a row with its numbers on its line: the chains on each side are apart
                if i in again:
                    moved[labelled[i]] = (row, row)
            else:
                chains[-1].append(("L", i, row))
        elif i > hi and row.label:
            continue
        elif len(row.values) >= 7:
            chains[-1].append(("N", i, row))  # beside a group label's piece, a wrapped label's tail, or nothing
        elif row.values:
            chains[-1].append(("?", i, row))  # a few numbers: not a row's
        elif row.label:
            chains[-1].append(("F", i, row))
    if not any(_numbers_above(c) for c in chains):
        return None
    out = Paired(moved, {}, set())
    paired, unpaired = out.rows, out.unpaired
    for chain in chains:
        for part, pair in _split(chain, labelled):
            if pair is not None:
                paired[labelled[pair[0][1]]] = (pair[0][2], pair[1][2])
                out.whole.add(labelled[pair[0][1]])
                continue
            labels = [(i, r) for k, i, r in part if k == "L"]
            numbers = [r for k, _, r in part if k == "N"]
            if len(labels) == len(numbers) and all(k != "?" for k, _, _ in part):
                for (i, lrow), nrow in zip(labels, numbers):
                    paired[labelled[i]] = (lrow, nrow)
            else:
                unpaired.update((labelled[i], r) for i, r in labels)
    return out


def _piece_numbers_above(rows: list[Row], i: int) -> bool:
    """Just above label ``i`` (pieces of group labels aside), a row's numbers beside a group label's piece."""
    for row in reversed(rows[max(0, i - 4):i]):
        if row.block.grid:
            return False
        if not _group_piece(row.label):
            return False
        if row.values:
            return len(row.values) >= 7 and bool(norm(row.label))
    return False


def _numbers_above(chain: list[Item]) -> bool:
    """The chain's first row's numbers, beside a group label's piece (「三、」「（四）」), stand just above a label
    without numbers (pieces of group labels between aside)."""
    items = [x for x in chain if not (x[0] == "F" and _group_piece(x[2].label))]
    return (len(items) >= 2 and items[0][0] == "N" and bool(norm(items[0][2].label))
            and _group_piece(items[0][2].label) and items[1][0] == "L")


def _split(chain: list[Item], labelled: dict[int, str]) -> list[tuple[list[Item], tuple[Item, Item] | None]]:
    """The chain cut at each label whose line of numbers its own words settle: (part, None) for the runs
    between, (the two items, (label, numbers)) for each such label."""
    out: list[tuple[list[Item], tuple[Item, Item] | None]] = []
    part: list[Item] = []
    j = 0
    while j < len(chain):
        item = chain[j]
        if item[0] == "L" and part and part[-1][0] == "N" and _starts(labelled[item[1]], part[-1][2], item[2]):
            numbers = part.pop()
            out.append((part, None))
            out.append(([], (item, numbers)))
            part = []
            j += 1
            continue
        pair = _own_numbers(chain, j, labelled[item[1]]) if item[0] == "L" else None
        if pair is None:
            part.append(item)
            j += 1
            continue
        out.append((part, None))
        out.append(([], (item, chain[pair])))
        part = []
        j = pair + 1
    out.append((part, None))
    return out


def _starts(key: str, numbers: Row, label: Row) -> bool:
    """The words beside a line of numbers are the first words of the label on the next line (inscriptis writes a
    wrapped label's numbers on its first line: 「二 0件 0件 …」 / 「、上年结转政府信息公开申请数量」): those numbers are
    that label's, not the label's before."""
    head = norm(numbers.label)
    return bool(head) and any(full.startswith(head + norm(label.label)) for full in Format.t3_numbered_labels(key))


def _own_numbers(chain: list[Item], j: int, key: str) -> int | None:
    """Index of the line of numbers that label ``chain[j]`` holds: the next one, when it carries on the label's
    words, or when the words after it do (pieces of a group label between aside)."""
    head = chain[j][2].label
    k = j + 1
    while k < len(chain) and chain[k][0] == "F" and _group_piece(chain[k][2].label):
        k += 1
    if k >= len(chain) or chain[k][0] != "N":
        return None
    if _row_continues(key, head, chain[k][2]):
        return k
    m = k + 1
    while m < len(chain) and chain[m][0] == "F" and _group_piece(chain[m][2].label):
        m += 1
    if not _group_piece(chain[k][2].label) or m >= len(chain) or chain[m][0] != "F":
        return None
    return k if _row_continues(key, head, chain[m][2]) else None


_DIGITS_LINE = re.compile(r"[\d\s|.、．]+")
_NEXT_NUMBER = re.compile(r"\d[.、．]\s*\|?\s*$")  # the next label's number glued to the digits: 「0 0 0 0 0 002.」


def _fewest_cells(line: str) -> int:
    """The fewest cells a line of digit runs can be: no count but 0 starts with 0, so each leading 0 of a
    run is a cell of its own (「0000000」 is seven cells, 「01」 two, 「10」 one or two)."""
    n = 0
    for run in re.findall(r"\d+", _NEXT_NUMBER.sub("", line)):
        zeros = len(run) - len(run.lstrip("0"))
        n += zeros + (1 if zeros < len(run) else 0)
    return n


def numbers_around(rows: list[Row], labelled: dict[int, str], bare: set[int], width: int) -> bool:
    """Does a 表三 label stand cut in two around more than one row's numbers (camelot stream over LibreOffice's
    PDFs: 「…一、本年新收政府信息公开」 / 「10 0 0 0 01」 / 「0 0 0 0 0 00」 / 「申请数量」, the next row's numbers
    inside this label, the next label after them)? Then the labels are not in step with the numbers, unless
    every number of the table is 0: whichever row a line of zeros is given to, its cells are 0."""
    for i in sorted(bare):
        key, head = labelled[i], rows[i]
        cells = 0
        for r in rows[i + 1:i + 6]:
            text = r.block.text.strip()
            if not _DIGITS_LINE.fullmatch(text):
                if cells > width and _continues(key, head.label, text):
                    return any(_DIGITS_LINE.fullmatch(t := x.text.strip()) and re.search(r"[1-9]", _NEXT_NUMBER.sub("", t))
                               for x in (r.block for r in rows[min(labelled):max(labelled) + 3]))
                break
            cells += _fewest_cells(text)
    return False
