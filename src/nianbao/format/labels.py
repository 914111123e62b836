"""Label normalisation and matching, shared by extract, audit and render."""

from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher
from functools import lru_cache

from .spec import Label

_SPACE = re.compile(r"[\s\u3000\u00a0\u200b\ufeff]+")
_PUNCT = re.compile(r"[()（）\[\]【】、，,。.．:：;；“”\"'‘’《》<>〈〉/\\|—\-_*#·•●■◆]+")
_NUMBERING = re.compile(
    r"^(?:[(（]?[一二三四五六七八九十]{1,3}[)）、.．，,]|[(（][一二三四五六七八九十]{1,3}[)）]|"
    r"[(（]?\d{1,2}[)）.．、]|第[一二三四五六七八九十]+[部分项条])+"
)
_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "〔": "[", "〕": "]"})


@lru_cache(maxsize=8192)
def norm(text: str) -> str:
    """NFKC (full-width digits and brackets to ASCII), no white space, plain quotes."""
    return _SPACE.sub("", unicodedata.normalize("NFKC", text)).translate(_QUOTES)


@lru_cache(maxsize=8192)
def core(text: str) -> str:
    """The words of a label: normalised, numbering and punctuation removed."""
    t = norm(text)
    t = _NUMBERING.sub("", t)
    return _PUNCT.sub("", t)


def numbering(text: str) -> str | None:
    """The leading number of a label ('一', '(三)', '1.'), normalised, or None."""
    m = _NUMBERING.match(norm(text))
    return m.group(0) if m else None


def contains_all(text_core: str, phrases: tuple[str, ...]) -> bool:
    return all(p in text_core for p in phrases)


def similarity(a: str, b: str) -> float:
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def match_label(text: str, labels: tuple[Label, ...], fuzzy: float = 0.0) -> tuple[Label | None, str]:
    """Find the label that ``text`` names.

    Returns (label, how) with how = "exact" (identifying phrases found), "variant" (a known
    variant or typo) or "fuzzy" (similar enough to the printed label: OCR errors). The label
    with the longest identifying phrase wins, so "（六）其他处理 1.申请人…逾期不补正" is the sub-row.
    """
    c = core(text)
    if not c:
        return None, ""
    best: Label | None = None
    best_len = 0
    how = ""
    for lab in labels:
        if lab.keys and contains_all(c, lab.keys):
            n = sum(map(len, lab.keys))
            if n > best_len:
                best, best_len, how = lab, n, "exact"
    if best is not None:
        return best, how
    for lab in labels:
        for v in lab.variants:
            if v in c and len(v) > best_len:
                best, best_len, how = lab, len(v), "variant"
    if best is not None or not fuzzy:
        return best, how
    score = 0.0
    for lab in labels:
        s = similarity(c, core(lab.label))
        if s > score:
            best, score = lab, s
    if score >= fuzzy:
        return best, "fuzzy"
    return None, ""
