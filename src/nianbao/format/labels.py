"""Label normalisation and matching, shared by extract, audit and render."""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from functools import lru_cache

from .nfkc import nfkc
from .spec import Label

_SPACE = re.compile(r"[\s\u3000\u00a0\u200b\ufeff]+")
_PUNCT = re.compile(r"[()（）\[\]【】、，,。.．:：;；“”\"'‘’《》<>〈〉/\\|—\-_*#·•●■◆]+")
_NUMBERING = re.compile(
    r"^(?:[(（]?[一二三四五六七八九十]{1,3}[)）、.．，,]|[(（][一二三四五六七八九十]{1,3}[)）]|"
    r"[(（]?\d{1,2}[)）.．、]|第[一二三四五六七八九十]+[部分项条])+"
)
# (replaced one by one where present: ``str.translate`` with a table of non-ASCII keys costs ~0.1 µs a
# character of every text, most of which hold none of them)
_QUOTES = (("“", '"'), ("”", '"'), ("‘", "'"), ("’", "'"), ("〔", "["), ("〕", "]"))


@lru_cache(maxsize=8192)
def norm(text: str) -> str:
    """NFKC (full-width digits and brackets to ASCII), no white space, plain quotes."""
    t = _SPACE.sub("", nfkc(text))
    for curly, plain in _QUOTES:
        if curly in t:
            t = t.replace(curly, plain)
    return t


@lru_cache(maxsize=8192)
def core(text: str) -> str:
    """The words of a label: normalised, numbering and punctuation removed."""
    t = norm(text)
    t = _NUMBERING.sub("", t)
    return _PUNCT.sub("", t)


def similarity(a: str, b: str) -> float:
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


_SUBNUMBER = re.compile(r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})[.．、)）]")


def tail(text: str) -> str:
    """The words after the last sub-number: '（六）其他 1.申请人无正当理由逾期不' → '申请人无正当理由逾期不'."""
    t = norm(text)
    parts = _SUBNUMBER.split(t)
    return _PUNCT.sub("", parts[-1]) if parts else ""


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
    best: Label | None = None
    score = 0.0
    how = ""
    lt = len(t)
    prefix = lt >= 4
    for lab, key_len, body, first, rest, variants in _prepared(labels):
        if first is not None and first in c and (not rest or all(k in c for k in rest)):
            if key_len > score:
                best, score, how = lab, key_len, "exact"
            continue
        for v, lv in variants:
            if lv > score and v in c:
                best, score, how = lab, lv, "variant"
        if prefix and lt > score and len(body) > lt and body.startswith(t):
            best, score, how = lab, lt, "prefix"
    return best, how


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
