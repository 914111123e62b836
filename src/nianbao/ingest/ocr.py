"""Scans: OCR with rapidocr (the optional extra ``nianbao[ocr]``), ruled grids found after deskewing.

A page image is straightened first (a 0.8° tilt is enough to defeat a grid read from pixel rows),
then OpenCV finds the ruling lines and rapidocr the characters with their boxes; both go, in page
points, into the same grid and layout code as a PDF's text layer. Digit confusions (O/0, l/1) are
left to extraction and the total checks.
"""

from __future__ import annotations

import logging
import struct
from io import BytesIO
from typing import TYPE_CHECKING, Any

from .. import limits
from ..errors import InputError, MissingDependency
from . import longimage, photo
from .document import Document
from .layout import Glyph, Page, assemble
from .pdfgrid import Segment, layout_page
from .pdflock import released
from .progress import page_started, strip_started

if TYPE_CHECKING:
    import numpy as np

log = logging.getLogger(__name__)

DPI = 200
MAX_PIXELS = limits.MAX_PIXELS  # a larger image is refused before decoding (decompression bombs)
MAX_SIDE = 3600  # pixels: larger images are scaled down to about 200 dpi on A4
MAX_STRIP_WIDTH = 2480  # pixels: a long screenshot wider than A4 at 300 dpi is scaled down to it
MAX_SKEW = 5.0
# A screenshot is straight: the angle found on a strip (−0.1° to +0.1° on browser screenshots, measured
# on a 600-pixel reduction) is noise, and turning by it took the corner of a strip's last ruling line.
STRIP_MIN_SKEW = 0.3  # degrees searched when straightening a page
_engine: Any = None


def require(name: str) -> None:
    """Raise MissingDependency (Chinese, naming the file) unless the OCR extra is installed."""
    try:
        import cv2  # noqa: F401
        import numpy  # noqa: F401
        import onnxruntime  # noqa: F401
        import rapidocr  # noqa: F401
    except ImportError:
        raise MissingDependency(
            f"{name}：这是扫描件（页面是图片，没有文字层），需要 OCR 组件才能识别。"
            "请安装：pip install 'nianbao[ocr]'", "ocr_missing") from None


def engine() -> Any:
    global _engine
    if _engine is None:
        from rapidocr import RapidOCR

        logging.getLogger("RapidOCR").setLevel(logging.ERROR)
        _engine = RapidOCR(params={
            "Global.log_level": "error",
            # The arena keeps the largest buffer of every run for the next: a two-page scan peaked at
            # 1.3 GB resident with it; without it, with batches of 2 and the heap trimmed after each page,
            # at 0.56–0.59 GB (0.68–1.12 GB with batches of 6 and no trim), same text, same time.
            "EngineConfig.onnxruntime.enable_cpu_mem_arena": False,
            # Most table crops are a number two or three characters wide: padding each to the
            # default 320-pixel width tripled the recognition time for the same text.
            "Rec.rec_img_shape": [3, 48, 48],
            "Rec.rec_batch_num": 2,
            # Detection on a page scaled to 1280 pixels finds the same lines at 200 dpi in half the time.
            "Det.limit_type": "max",
            "Det.limit_side_len": 1280,
        })
    return _engine


def read_image(data: bytes, name: str) -> Document:
    """A PNG/JPEG/TIFF page photo or scan, a multi-page TIFF (a scanner's), or a long screenshot
    (``longimage``) read as page-sized strips."""
    require(name)
    frames = tiff_pages(data)
    if frames > 1:
        if frames > limits.MAX_SCAN_PAGES:
            raise InputError(f"{name}：多页图片有 {frames} 页，超过识别上限（{limits.MAX_SCAN_PAGES} 页）", "too_many_pages")
        pages = []
        photos = 0
        for k in range(frames):
            page_started(name, k + 1, frames, f"第 {k + 1} 页")
            frame = decode_image(data, name, frame=k)
            gray, scale = as_page(frame, DPI / 72, name, k + 1)
            photos += gray is not frame
            pages.append(ocr_image(gray, k + 1, scale, name))
    else:
        frame = decode_image(data, name, allow_long=True)
        h, w = frame.shape[:2]
        if longimage.is_long(w, h):
            pages, photos = read_strips(frame, name), 0
        else:
            gray, scale = as_page(frame, DPI / 72, name)
            pages, photos = [ocr_image(gray, 1, scale, name)], int(gray is not frame)
    doc = assemble(name, "ocr", pages)
    if not doc.blocks:
        if photos:
            raise InputError(f"{name}：这是一张页面照片，已找到页面并校正了透视和光照，但仍没有识别出文字"
                             "（可能过于模糊、过暗或反光）。请正对页面、光线均匀、对焦清楚后重拍，或改用扫描件", "empty")
        raise InputError(f"{name}：图片中没有识别出文字", "empty")
    return doc


def read_strips(gray: np.ndarray, name: str) -> list[Page]:
    """A long screenshot, strip by strip (cut at blank rows or ruling lines), each read as a page whose
    width is an A4 page's."""
    h, w = gray.shape[:2]
    if (n := longimage.pages_long(w, h)) > limits.MAX_SCAN_PAGES:
        raise InputError(f"{name}：长图约有 {n} 页长（{w}×{h} 像素），超过识别上限（{limits.MAX_SCAN_PAGES} 页），请分段截图",
                         "too_many_pages")
    cuts = longimage.strips(gray)
    scale = gray.shape[1] / 595
    pages = []
    for k, (top, bottom) in enumerate(cuts, 1):
        strip_started(name, k, len(cuts), top, bottom)
        pages.append(ocr_image(gray[top:bottom], k, scale, name, STRIP_MIN_SKEW))
    return pages


def tiff_pages(data: bytes) -> int:
    """How many pages a TIFF holds (a scanner writes a document as one multi-page TIFF); 1 for any other
    image, and for a TIFF whose directory does not read (``decode_image`` says what is wrong)."""
    if data[:4] not in (b"II*\x00", b"MM\x00*"):
        return 1
    from PIL import Image

    try:
        return max(1, int(getattr(Image.open(BytesIO(data)), "n_frames", 1)))
    except Exception:  # noqa: BLE001 - a damaged directory: read as one page, whose decoding reports it
        return 1


def decode_image(data: bytes, name: str, allow_long: bool = False, frame: int = 0) -> np.ndarray:
    """The image (its page ``frame`` of a multi-page TIFF) in grey, scaled down to fit ``MAX_SIDE``; with
    ``allow_long``, a long screenshot (``longimage.is_long``) is kept at its own resolution (scaled down
    only when wider than ``MAX_STRIP_WIDTH``), within its own ceiling of pixels."""
    import numpy as np
    from PIL import Image, UnidentifiedImageError

    try:
        # the size is in the header: read it from the first megabyte, so that a large file of junk
        # fails fast (TIFF may keep its directory at the end: read whole)
        head = data if data[:4] in (b"II*\x00", b"MM\x00*") else data[: 1 << 20]
        w, h = Image.open(BytesIO(head)).size
        im: Image.Image = Image.open(BytesIO(data))
        if frame:
            im.seek(frame)
            w, h = im.size
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise InputError(f"{name}：图片尺寸过大（超过 {MAX_PIXELS // 1_000_000} 百万像素），可能是恶意构造的文件", "too_large") from None
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, EOFError, TypeError, IndexError, KeyError,
            struct.error, ZeroDivisionError):
        raise InputError(f"{name}：图片文件已损坏或格式不受支持（文件头无法识别）", "corrupt") from None
    long = allow_long and longimage.is_long(w, h)
    if long:
        if w * h > limits.MAX_LONG_PIXELS:
            raise InputError(f"{name}：长图尺寸过大（{w}×{h} 像素），超过 {limits.MAX_LONG_PIXELS // 1_000_000} 百万像素，"
                             "请分段截图", "too_large")
        if min(w, h) < limits.MIN_IMAGE_SIDE or h > limits.MAX_LONG_ASPECT * w:
            raise InputError(f"{name}：长图尺寸异常（{w}×{h} 像素），过于细长，不是文档页面的截图", "bad_size")
    else:
        if w * h > MAX_PIXELS:
            raise InputError(f"{name}：图片尺寸过大（{w}×{h} 像素），请缩小到 {MAX_PIXELS // 1_000_000} 百万像素以内", "too_large")
        if min(w, h) < limits.MIN_IMAGE_SIDE or max(w, h) > limits.MAX_IMAGE_ASPECT * min(w, h):
            raise InputError(f"{name}：图片尺寸异常（{w}×{h} 像素），不是一页文档的图像", "bad_size")
    ceiling = limits.MAX_LONG_PIXELS if long else MAX_PIXELS
    try:
        # JPEG: decode at a reduced size directly
        im.draft("L", (MAX_STRIP_WIDTH, 1) if long else (MAX_SIDE, MAX_SIDE))
        im = im.convert("L")
    except (OSError, ValueError, SyntaxError, EOFError, TypeError, IndexError, KeyError, struct.error,
            ZeroDivisionError, Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise InputError(f"{name}：图片文件已损坏，无法解码（图像数据不完整或有误）", "corrupt") from None
    if im.size != (w, h) and (min(im.size) < 1 or im.size[0] * im.size[1] > ceiling):
        raise InputError(f"{name}：图片尺寸与文件头所述不符（{w}×{h} / {im.size[0]}×{im.size[1]}），文件已损坏", "corrupt")
    f = (MAX_STRIP_WIDTH / im.size[0]) if long else (MAX_SIDE / max(im.size))
    if f < 1:
        im = im.resize((max(1, int(im.size[0] * f)), max(1, int(im.size[1] * f))))
    return np.asarray(im)


def render_scale(w: float, h: float, dpi: float = DPI, max_pixels: int = limits.MAX_RENDER_PIXELS) -> float:
    """Pixels per point to render a ``w`` × ``h`` pt page at ``dpi``, lowered so that the image stays
    within ``max_pixels`` (a 14 400 pt page at 200 dpi would be 1.6 billion pixels)."""
    scale = dpi / 72
    area = max(w, 1.0) * max(h, 1.0)
    if area * scale * scale > max_pixels:
        scale = (max_pixels / area) ** 0.5
    return scale


def ocr_pdf_page(page: Any, number: int, name: str = "") -> Page:
    """Render a scanned PDF page at ~200 dpi (capped for huge pages) and read it."""
    w, h = page.get_width(), page.get_height()
    if not (w > 0 and h > 0) or max(w, h) > limits.MAX_IMAGE_ASPECT * min(w, h):
        raise InputError(f"{name}：PDF 第 {number} 页的页面尺寸异常（{w:.0f}×{h:.0f} 磅），无法识别", "bad_size")
    scale = render_scale(w, h)
    bitmap = page.render(scale=scale, grayscale=True)
    gray = bitmap.to_numpy().copy()  # (out of pdfium's memory: the OCR below runs without pdfium's lock)
    bitmap.close()
    if gray.ndim == 3:
        gray = gray[:, :, 0]
    with released():  # (no pdfium in OCR: another thread may draw a page meanwhile)
        gray, scale = as_page(gray, scale, name, number)
        return ocr_image(gray, number, scale, name)


def as_page(gray: np.ndarray, scale: float, name: str = "", number: int = 1) -> tuple[np.ndarray, float]:
    """A photo of a page (``photo.prepare``: the page on a darker background) rectified and evenly lit, at
    the pixels per point of an A4 page of its size; any other image as it is (the same array), with its
    ``scale``."""
    import cv2

    try:
        page, is_photo = photo.prepare(gray)
    except cv2.error as e:
        raise InputError(f"{name}：第 {number} 页照片无法校正（OpenCV：{str(e).strip().splitlines()[-1][:120]}）",
                         "corrupt") from None
    if not is_photo:
        return gray, scale
    log.info("%s：第 %d 页是页面照片，已校正透视和光照", name, number)
    return page, max(page.shape[:2]) / 842


def ocr_image(gray: np.ndarray, number: int, scale: float, name: str = "", min_skew: float = 0.05,
              rules_at_scale: bool = False) -> Page:
    """One page image (grey, ``scale`` pixels per point) → glyphs and ruled grids in points; straightened
    first when it leans by ``min_skew`` degrees or more. ``rules_at_scale``: ruling lines measured at
    ``scale`` (a picture shown in a text page) rather than as if the image were a whole A4 page."""
    import cv2

    try:
        gray = deskew(gray, min_skew)
        h, w = gray.shape[:2]
        segments = [(k, a / scale, b / scale, p / scale) for k, a, b, p in
                    ruling_lines(gray, scale if rules_at_scale else None)]
        glyphs = read_glyphs(gray, scale)
    except cv2.error as e:
        raise InputError(f"{name}：第 {number} 页图像无法处理（OpenCV：{str(e).strip().splitlines()[-1][:120]}）",
                         "corrupt") from None
    except Exception as e:
        if type(e).__module__.split(".")[0] not in ("rapidocr", "onnxruntime"):
            raise
        raise InputError(f"{name}：第 {number} 页图像无法识别文字（{type(e).__name__}）", "ocr_failed") from None
    return layout_page(number, w / scale, h / scale, glyphs, segments, tol=4.0)


def skew_angle(gray: np.ndarray) -> float:
    """The rotation (degrees) that makes text rows and ruling lines horizontal: the one maximising
    the variance of the row sums of a reduced, binarised image."""
    import cv2
    import numpy as np

    f = 600 / max(gray.shape)
    small = cv2.resize(gray, None, fx=f, fy=f, interpolation=cv2.INTER_AREA) if f < 1 else gray
    _, ink = cv2.threshold(small, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    h, w = ink.shape
    centre = (w / 2, h / 2)

    def score(a: float) -> float:
        m = cv2.getRotationMatrix2D(centre, a, 1.0)
        rot = cv2.warpAffine(ink, m, (w, h), flags=cv2.INTER_NEAREST, borderValue=0)
        return float(np.var(rot.sum(axis=1, dtype=np.float64)))

    coarse = max((a / 2 for a in range(int(-MAX_SKEW * 2), int(MAX_SKEW * 2) + 1)), key=score)
    fine = max((coarse + a / 20 for a in range(-10, 11)), key=score)
    return fine


def deskew(gray: np.ndarray, min_skew: float = 0.05) -> np.ndarray:
    import cv2

    angle = skew_angle(gray)
    if abs(angle) < min_skew:
        return gray
    h, w = gray.shape[:2]
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    return cv2.warpAffine(gray, m, (w, h), flags=cv2.INTER_LINEAR, borderValue=255)


def ruling_lines(gray: np.ndarray, px_pt: float | None = None) -> list[Segment]:
    """Horizontal and vertical rules, in pixels: long thin runs of ink kept by a morphological opening.
    ``px_pt``: pixels per point, when known; else the image is taken for an A4 page."""
    import cv2

    h, w = gray.shape[:2]
    ink = cv2.adaptiveThreshold(gray, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, 25, 15)
    # A table pasted as a picture is smaller than a page: taken for one, its glyphs' strokes (a 1, the
    # middle of 申) were longer than the kernel and cut its cells into columns that split every label.
    px_pt = px_pt or max(w, h) / 842
    out: list[Segment] = []
    # Horizontal rules are longer than a word; vertical ones longer than a digit stacked over the next
    # row's digit (a kernel of one text height made such stacks into false rules).
    hk = max(20, int(w / 40))
    vk = max(20, int(14 * px_pt))
    horiz = cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (hk, 1)))
    vert = cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, vk)))
    for mask, kind in ((horiz, "h"), (vert, "v")):
        n, _, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
        for x, y, bw, bh, _area in stats[1:n]:
            if kind == "h" and bw >= hk and bh <= max(12, bw // 8):
                out.append(("h", float(x), float(x + bw), y + bh / 2))
            elif kind == "v" and bh >= vk and bw <= max(12, bh // 8):
                out.append(("v", float(y), float(y + bh), x + bw / 2))
    return out


def read_glyphs(gray: np.ndarray, scale: float) -> list[Glyph]:
    """rapidocr's text lines, split into word boxes (a CJK character, a number, a Latin word)."""
    result = engine()(gray, use_cls=False, return_word_box=True)
    _trim_heap()
    glyphs: list[Glyph] = []
    if result is None or result.txts is None:
        return glyphs
    words = getattr(result, "word_results", None) or [None] * len(result.txts)
    for box, text, conf, wres in zip(result.boxes, result.txts, result.scores, words):
        if wres:
            for wtext, wconf, wbox in wres:
                if wtext.strip():
                    glyphs.append(_glyph(wtext.strip(), wbox, float(wconf), scale))
        elif text.strip():
            glyphs.append(_glyph(text.strip(), box, float(conf), scale))
    return glyphs


def _glyph(text: str, box: Any, conf: float, scale: float) -> Glyph:
    xs = [float(p[0]) for p in box]
    ys = [float(p[1]) for p in box]
    return Glyph(text, min(xs) / scale, min(ys) / scale, max(xs) / scale, max(ys) / scale, round(conf, 3))


def _trim_heap() -> None:
    """Give the page's freed buffers back to the system before the next page: without it the second
    page of a scan grew the process by whatever the first had left in the heap."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # not glibc: nothing to trim
        pass
