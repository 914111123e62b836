"""Searchable-scan fixtures: a page image under (or over) an OCR engine's invisible text layer.

    /usr/bin/python3 tests/data/pdf/make_ocrlayer.py [OCRMYPDF_OUTPUT.pdf]

Needs pikepdf (Debian's python3-pikepdf, which ocrmypdf brings; no dependency of nianbao).

* ocrlayer_misread.pdf: r000dense.pdf as an engine that reads the labels cleanly would lay it over a page
  image: every text object invisible (``3 Tr``), a page-sized image drawn over it, and one digit misread
  (表三 予以公开 自然人 29 read 28, as tesseract reads a 9 with a broken loop).
* ocrlayer_ocrmypdf.pdf (when an ocrmypdf output is given, e.g. build/ocrlayer/scan/r001_scan_p2-3.pdf from
  bench/score_ocrlayer.py): that output with its page images shrunk to 4×4 grey pixels, its text layer
  (GlyphLessFont, render mode 3) as tesseract wrote it.
* ocrlayer_r000_p3.pdf (when bench/score_ocrlayer.py's build/ocrlayer/img150/r000.pdf is there): its 表三 page,
  r000.pdf rendered at 150 dpi and read by ocrmypdf, the page image made 1-bit to keep the file small;
  tesseract's layer misreads 表三's first row (14 → 1 4, 0 → 4 ...), nianbao's OCR of the image reads it.
"""

import sys
import zlib
from pathlib import Path

import pikepdf

HERE = Path(__file__).resolve().parent


def _tiny_image(pdf: pikepdf.Pdf) -> pikepdf.Stream:
    img = pikepdf.Stream(pdf, zlib.compress(bytes([235] * 16)))
    img.Type, img.Subtype, img.Width, img.Height = pikepdf.Name.XObject, pikepdf.Name.Image, 4, 4
    img.ColorSpace, img.BitsPerComponent, img.Filter = pikepdf.Name.DeviceGray, 8, pikepdf.Name.FlateDecode
    return img


def misread() -> None:
    pdf = pikepdf.open(HERE / "r000dense.pdf")
    done = False
    for number, page in enumerate(pdf.pages):
        ops = []
        seen_97 = False
        for operands, op in pikepdf.parse_content_stream(page):
            ops.append((operands, op))
            if str(op) == "BT":
                ops.append(([3], pikepdf.Operator("Tr")))
            if number == 2 and str(op) == "TJ" and not done:
                # the table's digits are a DejaVu subset's codes: 2 = 0x01, 7 = 0x1d, 8 = 0x1c, 9 = 0x22
                parts = list(operands[0])
                text = b"".join(bytes(x) for x in parts if isinstance(x, pikepdf.String))
                seen_97 = seen_97 or text == b'"\x1d'
                if seen_97 and text == b'\x01"':  # 表三 予以公开 自然人: 29
                    parts = [pikepdf.String(b"\x1c") if isinstance(x, pikepdf.String) and bytes(x) == b'"' else x
                             for x in parts]
                    ops[-1] = ([pikepdf.Array(parts)], op)
                    done = True
        w, h = float(page.MediaBox[2]), float(page.MediaBox[3])
        ops += [([], pikepdf.Operator("q")), ([w, 0, 0, h, 0, 0], pikepdf.Operator("cm")),
                ([pikepdf.Name("/Scan")], pikepdf.Operator("Do")), ([], pikepdf.Operator("Q"))]
        page.Contents = pdf.make_stream(pikepdf.unparse_content_stream(ops))
        if "/XObject" not in page.Resources:
            page.Resources.XObject = pikepdf.Dictionary()
        page.Resources.XObject["/Scan"] = _tiny_image(pdf)
    assert done
    pdf.save(HERE / "ocrlayer_misread.pdf", compress_streams=True)


def shrunk(src: Path) -> None:
    pdf = pikepdf.open(src)
    for page in pdf.pages:
        for name, obj in list(page.Resources.get("/XObject", {}).items()):
            if obj.get("/Subtype") == pikepdf.Name.Image:
                page.Resources.XObject[name] = _tiny_image(pdf)
    pdf.remove_unreferenced_resources()
    pdf.save(HERE / "ocrlayer_ocrmypdf.pdf", compress_streams=True)


def table_page(src: Path) -> None:
    from PIL import Image

    pdf = pikepdf.open(src)
    del pdf.pages[3]
    del pdf.pages[0:2]
    page = pdf.pages[0]
    for name, obj in list(page.Resources.get("/XObject", {}).items()):
        if obj.get("/Subtype") == pikepdf.Name.Image:
            img = pikepdf.PdfImage(obj).as_pil_image().convert("L").point(lambda v: 255 if v > 160 else 0, "1")
            bits = Image.frombytes("1", img.size, img.tobytes())
            new = pikepdf.Stream(pdf, zlib.compress(bits.tobytes(), 9))
            new.Type, new.Subtype, new.Width, new.Height = pikepdf.Name.XObject, pikepdf.Name.Image, *img.size
            new.ColorSpace, new.BitsPerComponent, new.Filter = pikepdf.Name.DeviceGray, 1, pikepdf.Name.FlateDecode
            page.Resources.XObject[name] = new
    pdf.remove_unreferenced_resources()
    pdf.save(HERE / "ocrlayer_r000_p3.pdf", compress_streams=True)


if __name__ == "__main__":
    misread()
    if len(sys.argv) > 1:
        shrunk(Path(sys.argv[1]))
    img150 = HERE.parents[2] / "build" / "ocrlayer" / "img150" / "r000.pdf"
    if img150.exists():
        table_page(img150)
