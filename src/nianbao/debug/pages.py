"""Page images for the debug view: PDF pages through pypdfium2, image files and the pictures a document was
read from by OCR (a Word file's page pictures, tables pasted as pictures into a Word file or a web page)
through Pillow."""

from __future__ import annotations

import base64
from dataclasses import dataclass
from io import BytesIO

from .. import limits
from ..ingest import archive
from ..ingest.document import PagePictures
from ..ingest.pdflock import PDFIUM

SCALE = 1.5  # 108 dpi: readable, and a six-page report stays near a megabyte
MAX_PAGES = 60
# Pixels of one page image in the view: A4 at 108 dpi is 1.1 M; a 14 400 pt page is scaled down to this.
MAX_VIEW_PIXELS = min(4_000_000, limits.MAX_RENDER_PIXELS)


def view_scale(w: float, h: float) -> float:
    area = max(w, 1.0) * max(h, 1.0)
    return min(SCALE, (MAX_VIEW_PIXELS / area) ** 0.5)


@dataclass
class PageImage:
    number: int  # 1-based
    width: float  # page size in points: the unit of every bbox
    height: float
    png: str  # base64


def _png(im) -> str:
    buf = BytesIO()
    im.save(buf, "PNG", optimize=True)
    return base64.b64encode(buf.getvalue()).decode("ascii")


def pdf_pages(data: bytes) -> list[PageImage]:
    import pypdfium2 as pdfium

    out = []
    with PDFIUM:  # never beside another thread's reading of a PDF (pdflock)
        pdf = pdfium.PdfDocument(data)
        try:
            for i in range(min(len(pdf), MAX_PAGES)):
                page = pdf[i]
                try:
                    im = page.render(scale=view_scale(page.get_width(), page.get_height())).to_pil().convert("RGB")
                    size = page.get_width(), page.get_height()
                finally:
                    page.close()
                out.append(PageImage(i + 1, *size, _png(im)))
        finally:
            pdf.close()
    return out


def image_pages(data: bytes, dpi: float = 200) -> list[PageImage]:
    """An image file read by OCR at ``dpi``: its bboxes are in points of that resolution."""
    from PIL import Image

    if (photo := _photo_page(data)) is not None:  # boxes in points of the straightened page (ocr.as_page)
        ph, pw = photo.shape[:2]
        f = 842 / max(pw, ph)
        page = Image.fromarray(photo).convert("RGB")
        page.thumbnail((1200, 1200))
        return [PageImage(1, pw * f, ph * f, _png(page))]
    im: Image.Image = Image.open(BytesIO(data))
    w, h = im.size
    side = 3600  # the OCR backend reads images scaled to at most this many pixels
    f = min(1.0, side / max(w, h))
    pw, ph = w * f * 72 / dpi, h * f * 72 / dpi
    im.draft("RGB", (1400, 1400))
    im = im.convert("RGB")
    im.thumbnail((1200, 1200))
    return [PageImage(1, pw, ph, _png(im))]


def picture_pages(pictures: PagePictures, name: str = "") -> tuple[list[PageImage], list[str]]:
    """The pictures a document was read from by OCR (as ingest found them: no second walk of the document),
    each as the page of its shown size in points: a Word file's page or table pictures, a web page's table
    pictures. A picture that does not decode is left out, with a Chinese note saying which."""
    from PIL import Image

    out: list[PageImage] = []
    problems: list[str] = []
    z = archive.open_zip(pictures.docx, name, "Word 文档（docx）") if pictures.raw is None else None
    try:
        for k, (where, w, h) in enumerate(pictures.pages[:MAX_PAGES], 1):
            try:
                if pictures.raw is not None:
                    raw = pictures.raw[k - 1]
                else:
                    assert z is not None
                    raw = archive.read_member(z, z.getinfo(where), name, "Word 文档", limits.MAX_FILE_BYTES)
                im = _straightened(raw, where) if k in pictures.photos else Image.open(BytesIO(raw))
                im.draft("RGB", (1400, 1400))
                im = im.convert("RGB")
                im.thumbnail((1200, 1200))
            except Exception:  # noqa: BLE001 - one picture that cannot be drawn leaves the others to draw
                problems.append(f"图片 {where} 无法解码，未能绘制")
                continue
            out.append(PageImage(k, w, h, _png(im)))
    finally:
        if z is not None:
            z.close()
    return out, problems


def _photo_page(data: bytes):
    """An image file that is a photo of a page, straightened as OCR read it (``ocr.as_page``); None for a scan,
    a screenshot, a long screenshot or a multi-page TIFF (read as they are)."""
    from ..ingest import longimage, ocr, photo

    if ocr.tiff_pages(data) > 1:
        return None
    gray = ocr.decode_image(data, "", allow_long=True)
    if longimage.is_long(gray.shape[1], gray.shape[0]):
        return None
    page, is_photo = photo.prepare(gray)
    return page if is_photo else None


def _straightened(raw: bytes, where: str):
    """A photo of a page as OCR read it: rectified and evenly lit (``photo.prepare``), so the boxes fit."""
    from PIL import Image

    from ..ingest import ocr, photo

    page, _ = photo.prepare(ocr.decode_image(raw, where))
    return Image.fromarray(page)
