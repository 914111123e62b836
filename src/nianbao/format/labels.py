"""Label normalisation and matching, shared by extract, audit and render."""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from functools import lru_cache

from .nfkc import nfkc
from .spec import Label

_PUNCT = re.compile(r"[()（）\[\]【】、，,。.．:：;；“”\"'‘’《》<>〈〉/\\|—\-_*#·•●■◆]+")
_NUMBERING = re.compile(
    r"^(?:[(（]?[一二三四五六七八九十]{1,3}[)）、.．，,]|[(（][一二三四五六七八九十]{1,3}[)）]|"
    r"[(（]?\d{1,2}[)）.．、]|第[一二三四五六七八九十]+[部分项条])+"
)
_NUMBERING_FIRST = frozenset("(（一二三四五六七八九十第")
# A row label's start where it stands in a text (searched, not anchored): its numbering (「（六）」「一、」「3.」「3、」,
# digits wide or not, never a number's last digits: 「336」 before 「1.」 is not 「61.」) and its first word.
LABEL_START = re.compile(
    r"(?:[（(][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、|(?<![\d０-９])[\d０-９]{1,2}[.．、])\s*[\u4e00-\u9fff]"
)  # and a digit (``\d``: what ``str.isdecimal`` says)
# (replaced one by one where present: ``str.translate`` with a table of non-ASCII keys costs ~0.1 µs a
# character of every text, most of which hold none of them)
_QUOTES = (("“", '"'), ("”", '"'), ("‘", "'"), ("’", "'"), ("〔", "["), ("〕", "]"))


@lru_cache(maxsize=8192)
def norm(text: str) -> str:
    """NFKC (full-width digits and brackets to ASCII), no white space, plain quotes."""
    # white space out: ``str.split`` cuts at the characters the regex ``\s`` matches (both ask
    # ``Py_UNICODE_ISSPACE``), at a fifth of ``re.sub``'s cost; U+200B and U+FEFF, no white space, by hand
    t = nfkc(text)
    if "\u200b" in t or "\ufeff" in t:
        t = t.replace("\u200b", "").replace("\ufeff", "")
    t = "".join(t.split())
    for curly, plain in _QUOTES:
        if curly in t:
            t = t.replace(curly, plain)
    return t


@lru_cache(maxsize=8192)
def core(text: str) -> str:
    """The words of a label: normalised, numbering and punctuation removed."""
    t = norm(text)
    return _PUNCT.sub("", t[_numbering_end(t):])


def numbering_length(text: str) -> int:
    """How many characters of ``norm(text)`` its leading numbering takes (「一、」「（三）」「2.」; 0: none)."""
    return _numbering_end(norm(text))


def _numbering_end(t: str) -> int:
    """``numbering_length`` of the normalised ``t``."""
    # (anchored at the start and never empty: what ``sub`` would take, once; only after a character a
    # numbering can start with)
    m = _NUMBERING.match(t) if t and (t[0] in _NUMBERING_FIRST or t[0].isdecimal()) else None
    return m.end() if m else 0


def similarity(a: str, b: str) -> float:
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


_SUBNUMBER = re.compile(r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})[.．、)）]")
_SUBNUMBER_MARKS = ".．、)）"


def tail(text: str) -> str:
    """The words after the last sub-number: '（六）其他 1.申请人无正当理由逾期不' → '申请人无正当理由逾期不'."""
    t = norm(text)
    # (no sub-number without one of its marks)
    parts = _SUBNUMBER.split(t) if any(m in t for m in _SUBNUMBER_MARKS) else [t]
    return _PUNCT.sub("", parts[-1]) if parts else ""


HEADER_CELL = 16  # characters: a header cell naming a column holds at most this many (a sentence holds more)


def names_in_cell(text: str, words: tuple[str, ...]) -> bool:
    """``text`` (normalised, one header cell) names a column whose identifying ``words`` are these: it holds every one
    of them, and is no longer than a header cell (a sentence of the report that happens to hold them is not)."""
    return len(text) <= HEADER_CELL and all(w in text for w in words)


def match_label(text: str, labels: tuple[Label, ...], fuzzy: float = 0.0) -> tuple[Label | None, str]:
    """Find the label that ``text`` names.

    Returns (label, how): "exact" (its identifying phrases occur), "variant" (a known variant or
    typo occurs), "prefix" (the text is the beginning of the printed label: a label cut by a line
    or page break) or "fuzzy" (similar enough to the printed label: OCR errors). The words after
    the last sub-number are tried first, so "（六）其他处理 3.其他" is the 3.其他 row even when the
    group label is repeated in front of it; then the longest evidence wins.
    """
    c = core(text)
    if not c:
        return None, ""
    t = tail(text)
    if t and t != c:
        found = _match(t, t, labels)
        if found[0] is not None:
            return _numbered(text, found)
    found = _match(c, t, labels)
    if found[0] is not None or not fuzzy:
        return _numbered(text, found)
    best, score = None, 0.0
    for lab, _, body, *_ in _prepared(labels):
        s = max(similarity(c, core(lab.label)), similarity(t, body) if len(t) >= 4 else 0.0)
        if s > score:
            best, score = lab, s
    if score >= fuzzy:
        return best, "fuzzy"
    return None, ""


_LAST_SUBNUMBER = re.compile(r"(\d{1,2})[.．、)）](?!.*\d{1,2}[.．、)）])")


def _numbered(text: str, found: tuple[Label | None, str]) -> tuple[Label | None, str]:
    """No match when the text numbers its words otherwise than the label: 「2.重 出版物」 is 2.重复申请's start with
    a piece of 3.要求提供公开出版物 beside it (two rows written into one line), not the 出版物 row."""
    lab = found[0]
    if lab is None or not lab.number or not lab.number[0].isdigit():
        return found
    m = _LAST_SUBNUMBER.search(norm(text))
    if m and m.group(1) != lab.number.rstrip(".．、)）"):
        return None, ""
    return found


def _match(c: str, t: str, labels: tuple[Label, ...]) -> tuple[Label | None, str]:
    """The label whose evidence in ``c`` (or, for a prefix, ``t``) is longest. Per label in order: its
    identifying phrases (exact; then neither its variants nor its prefix are asked), each of its variants, the
    prefix; of the evidence found, the longest, and of equally long, the first in that order (label, place).
    Each kind of evidence is asked of all labels at once (``_indexed``: a prefix is one look-up), not label
    after label: most labels have none in ``c``."""
    exact, variants, prefixes = _indexed(labels)
    best: Label | None = None
    score = 0.0
    how = ""
    order = (0, 0)
    done: set[int] = set()  # labels matched exactly
    for _first, rest, key_len, i, lab in [e for e in exact if e[0] in c]:
        if rest and not all(k in c for k in rest):
            continue
        done.add(i)
        if key_len > score or (best is not None and key_len == score and (i, 0) < order):
            best, score, how, order = lab, key_len, "exact", (i, 0)
    for _v, lv, i, j, lab in [x for x in variants if x[0] in c]:
        if i not in done and (lv > score or (best is not None and lv == score and (i, j) < order)):
            best, score, how, order = lab, lv, "variant", (i, j)
    lt = len(t)
    if lt >= 4:  # the text the beginning of a longer label
        for i, j, lab in prefixes.get(t, ()):
            if i not in done and (lt > score or (best is not None and lt == score and (i, j) < order)):
                best, score, how, order = lab, lt, "prefix", (i, j)
    return best, how


_Indexed = tuple[tuple[tuple[str, tuple[str, ...], float, int, Label], ...],
                 tuple[tuple[str, int, int, int, Label], ...],
                 dict[str, list[tuple[int, int, Label]]]]
_INDEXED: dict[int, tuple[tuple[Label, ...], _Indexed]] = {}


def _indexed(labels: tuple[Label, ...]) -> _Indexed:
    """``_prepared`` by kind of evidence, each with its label's place ``i`` and its place ``j`` among the label's
    (exact 0, variants 1…, prefix last): (first phrase, other phrases, length, i, label); (variant, length, i, j,
    label); each beginning of a label's words (four characters or more, shorter than the words) → (i, j, label)
    of the labels whose words begin so, in order."""
    got = _INDEXED.get(id(labels))
    if got is None or got[0] is not labels:
        prep = _prepared(labels)
        exact = tuple((first, rest, key_len, i, lab) for i, (lab, key_len, _, first, rest, _) in enumerate(prep)
                      if first is not None)
        variants = tuple((v, lv, i, j, lab) for i, (lab, _, _, _, _, vs) in enumerate(prep)
                         for j, (v, lv) in enumerate(vs, 1))
        prefixes: dict[str, list[tuple[int, int, Label]]] = {}
        for i, (lab, _, body, _, _, vs) in enumerate(prep):
            for k in range(4, len(body)):
                prefixes.setdefault(body[:k], []).append((i, len(vs) + 1, lab))
        got = _INDEXED[id(labels)] = (labels, (exact, variants, prefixes))
    return got[1]


_Prepared = tuple[Label, float, str, "str | None", tuple[str, ...], tuple[tuple[str, int], ...]]
_PREPARED: dict[int, tuple[_Prepared, ...]] = {}


def _prepared(labels: tuple[Label, ...]) -> tuple[_Prepared, ...]:
    """Per label: its identifying-phrase length (+0.5: exact beats a variant of equal length), its
    words without numbering, its first phrase and the others, its variants with their lengths. Label
    tuples are module constants, so ``id`` is a stable key."""
    got = _PREPARED.get(id(labels))
    if got is None or (got and got[0][0] is not labels[0]):
        got = tuple((lab, sum(map(len, lab.keys)) + 0.5, tail(lab.label), lab.keys[0] if lab.keys else None,
                     lab.keys[1:], tuple((v, len(v)) for v in lab.variants)) for lab in labels)
        _PREPARED[id(labels)] = got
    return got
