"""The pictures of a web page saved as one file (MHTML) that may be its statistics tables (``pictures.py``).

A CMS page shows 表二/表三/表四 as ``<img>``; the saved file carries each image as a part, found by its
``Content-Location`` (the ``src`` resolved against the page's address) or by ``cid:``. A table-sized image
(its ``width``/``height`` attributes or style, else its pixels at 96 dpi) is read by OCR; one that holds a
statistics table takes the ``<img>``'s place in the page's reading order.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from email.message import EmailMessage, Message
from io import BytesIO
from urllib.parse import urljoin

from .. import limits
from . import pictures
from .document import Block, Document, PagePictures
from .layout import Page, set_spans
from .page import read_page
from .pictures import Picture
from .progress import picture_started

_IMG = re.compile(r"<img\b[^>]*>", re.I)
_ATTR = re.compile(r"""\b(src|width|height|style)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))""", re.I)
_CSS = re.compile(r"\b(width|height)\s*:\s*([\d.]+)\s*(px|pt)?", re.I)
_PX_PT = 0.75  # a CSS pixel in points
_TOKEN = "nianbao-picture-{}-ref"


@dataclass
class _Found:
    tag: tuple[int, int]  # the <img> tag's span in the page
    pic: Picture
    raw: bytes


def _parts(msg: Message) -> tuple[dict[str, EmailMessage], dict[str, EmailMessage]]:
    by_loc: dict[str, EmailMessage] = {}
    by_cid: dict[str, EmailMessage] = {}
    for p in msg.walk():
        if not isinstance(p, EmailMessage) or p.get_content_maintype() != "image":
            continue
        if loc := (p.get("Content-Location") or "").strip():
            by_loc.setdefault(loc, p)
        if cid := (p.get("Content-ID") or "").strip().strip("<>"):
            by_cid.setdefault(cid, p)
    return by_loc, by_cid


def _size(attrs: dict[str, str], raw: bytes) -> tuple[float, float] | None:
    """The size the page shows the image at, in points."""
    w, h = _number(attrs.get("width")), _number(attrs.get("height"))
    for key, val, unit in _CSS.findall(attrs.get("style", "")):
        v = float(val) * (1.0 if unit.lower() == "pt" else _PX_PT) / _PX_PT
        if key.lower() == "width":
            w = v
        else:
            h = v
    if w and h:
        return w * _PX_PT, h * _PX_PT
    try:
        from PIL import Image

        pw, ph = Image.open(BytesIO(raw[: 1 << 20])).size
    except Exception:  # noqa: BLE001 - not an image PIL reads: not a table picture
        return None
    if w and not h:
        return w * _PX_PT, w * ph / pw * _PX_PT
    return pw * _PX_PT, ph * _PX_PT


def _number(val: str | None) -> float | None:
    try:
        v = float((val or "").strip().removesuffix("px"))
    except ValueError:
        return None
    return v if 0 < v < 1e5 else None


def table_images(msg: Message, page_part: Message, page: str) -> list[_Found]:
    """The table-sized images the page shows, each once, in the page's order."""
    if not _IMG.search(page):
        return []
    by_loc, by_cid = _parts(msg)
    if not by_loc and not by_cid:
        return []
    base = (page_part.get("Content-Location") or "").strip()
    out: list[_Found] = []
    seen: set[str] = set()
    for m in _IMG.finditer(page):
        attrs = {a.group(1).lower(): html.unescape(a.group(2) or a.group(3) or a.group(4) or "") for a in _ATTR.finditer(m.group())}
        src = attrs.get("src", "").strip()
        if not src or src in seen:
            continue
        part = by_cid.get(src[4:]) if src.lower().startswith("cid:") else by_loc.get(urljoin(base, src)) or by_loc.get(src)
        if part is None:
            continue
        try:
            raw = part.get_payload(decode=True)
        except Exception:  # noqa: BLE001 - a damaged part: not read
            continue
        if not isinstance(raw, bytes) or len(raw) > limits.MAX_FILE_BYTES:
            continue
        size = _size(attrs, raw)
        if size is None or not pictures.table_sized(*size):
            continue
        seen.add(src)
        out.append(_Found(m.span(), Picture(src, size[0], size[1]), raw))
        if len(out) >= pictures.MAX_PICTURES:
            break
    return out


def read_with_pictures(page: str, found: list[_Found], name: str) -> Document:
    """The page read with its table pictures OCR'd in place (a note when the OCR extra is missing)."""
    if not pictures.ocr_installed():
        doc = read_page(("\ufeff" + page).encode("utf-8"), name)
        doc.warnings.append(pictures.missing_note(len(found)))
        return doc
    read: list[tuple[Picture, Page]] = []
    raws: list[bytes] = []  # the pictures read, for the debug view
    keep: list[tuple[int, int, int]] = []  # (tag start, tag end, k)
    for k, f in enumerate(found, 1):
        picture_started(name, k, len(found), f.pic.where, "网页")
        got = pictures.read_picture(f.raw, f.pic, len(read) + 1, name)
        if got is not None:
            read.append((f.pic, got))
            raws.append(f.raw)
            keep.append((*f.tag, len(read) - 1))
    if not read:
        return read_page(("\ufeff" + page).encode("utf-8"), name)
    out: list[str] = []
    pos = 0
    for start, end, k in keep:  # each picture a block of its own, marked by a token where the <img> stood
        out += [page[pos:start], f"<div>{_TOKEN.format(k)}</div>"]
        pos = end
    doc = read_page(("\ufeff" + "".join(out) + page[pos:]).encode("utf-8"), name)
    blocks: list[Block] = []
    placed: set[int] = set()
    for b in doc.blocks:
        at = next((i for i in range(len(read)) if any(_TOKEN.format(i) in c.text for c in b.cells)), None)
        if at is None:
            blocks.append(b)
            continue
        read[at][0].after = len(blocks)
        placed.add(at)
        for c in b.cells:
            c.text = c.text.replace(_TOKEN.format(at), "").strip()
        if any(c.text for c in b.cells):
            blocks.append(b)
    doc.blocks = blocks
    # every picture read, numbered as its page is (read_picture's ``number``), for the debug view
    pages, photos = pictures.shown(read)
    doc.pictures = PagePictures(b"", pages, raw=raws, in_text=True, photos=photos)
    # a picture whose mark the page's reader left out (inside a script, a comment): no place to put it
    read = [r for i, r in enumerate(read) if i in placed]
    tables = max((b.table + 1 for b in blocks if b.table is not None), default=0)
    if read:
        pictures.splice(doc, read, tables)
    else:
        set_spans(doc)
    return doc
