"""表三's labels written into each other: a line holding two rows' labels, their characters interleaved.

PDFBox's ExtractText -sort over LibreOffice's PDF of r000 writes 「（一）予以公开」 and 「（二）部分公开…」 into
one line (「年理度结办 （二）部分公（开一（）予以公理开 6 0 0 0 0 0 6」: 予以公开's numbers), and 「3.补正后申请内容
仍不明确」's start into 2.没有现成信息需要另行制作's end (「补正后申 作息需要另行制 1 0 0 0 0 0 1」: 另行制作's). The
line's numbers are one of the two rows', which the line does not say; read by the label matched first, a
row takes the other's numbers, and its own sum holds. So a row read from such a line is kept when every
sum it is in holds, else left null (as for numbers behind their labels, ``lagging``).
"""

from __future__ import annotations

from ...format import Format, core


def _holds_bag(text: str, key: str) -> bool:
    """Each of ``key``'s characters within a stretch of ``text`` twice its length."""
    if not set(key) <= set(text):
        return False
    n = 2 * len(key)
    return any(all(ch in text[i:i + n] for ch in key) for i in range(max(1, len(text) - len(key) + 1)))


def other_row(raw: str, key: str, fid: str) -> str | None:
    """The other row of 表三 (format ``fid``) whose key stands in ``raw``, the label text a row ``key`` was
    read from, its characters among the line's, not side by side, and not all of them in that row's own
    label, else None."""
    words = core(raw)
    rows = Format.get(fid).t3_rows
    own = next((r for r in rows if r.key == key), None)
    if own is None:
        return None
    mine = core(own.label)
    for r in rows:
        if r is own:
            continue
        for k in (*r.keys, *r.variants):
            k = core(k)
            # (the key whole is that row's own label beside it on the line, not written into this one)
            if len(k) >= 4 and k not in words and not all(ch in mine for ch in k) and _holds_bag(words, k):
                return r.key
    return None
