"""How the PDF and scan fixtures were made (run by hand; needs LibreOffice and python-docx).

    .venv/bin/python tests/data/pdf/make_fixtures.py

From the samples' r000dense.docx (seed 000, every 表三 cell distinct):
- pdf/r000dense_split.pdf: 表三 breaks across pages, its three header rows repeated on the next
  page (Word's "repeat as header row"), the row 5.要求行政机关确认… split by the break;
- pdf/r000dense_split2.pdf: the same, broken inside the merged group label （五）不予处理;
- pdf/r000dense_nolines.pdf: every table border removed — tables only by text alignment;
- pdf/encrypted.pdf: r000dense with an open password; pdf/corrupt.pdf: a truncated PDF;
- scan/r000dense_tilt_p3.pdf: the 表三 page rendered at 200 dpi, turned 2.5°, as JPEG in a PDF;
- scan/r000dense_tilt_p3.png: the same page turned −1.5°, as a PNG image.
"""

from __future__ import annotations

import copy
import shutil
import subprocess
import tempfile
from pathlib import Path

import docx
import pypdfium2 as pdfium
from docx.oxml.ns import qn
from PIL import Image

HERE = Path(__file__).resolve().parent
SAMPLES = HERE.parents[3] / "shared" / "research" / "samples"
SRC = SAMPLES / "r000dense.docx"


def to_pdf(doc: docx.Document, out: Path, filt: str = "pdf") -> None:
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / (out.stem + ".docx")
        doc.save(src)
        subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp}/profile",
                        "--convert-to", filt, "--outdir", tmp, str(src)], check=True, capture_output=True)
        shutil.copy(Path(tmp) / (out.stem + ".pdf"), out)


def split(k: int, out: str) -> None:
    d = docx.Document(SRC)
    heading = next(p for p in d.paragraphs if p.text.startswith("三、"))
    for _ in range(k // 2):  # push 表三 down so that the page breaks inside it
        heading._p.addprevious(copy.deepcopy(d.paragraphs[5]._p))
    for _ in range(k % 2 * 2):
        heading._p.addprevious(copy.deepcopy(d.paragraphs[3]._p))
    t3 = d.tables[1]
    for row in t3.rows[:3]:
        tr_pr = row._tr.get_or_add_trPr()
        el = tr_pr.makeelement(qn("w:tblHeader"), {})
        tr_pr.append(el)
    to_pdf(d, HERE / out)


def nolines() -> None:
    d = docx.Document(SRC)
    for t in d.tables:
        for el in t._tbl.iter(qn("w:tblBorders"), qn("w:tcBorders")):
            for side in list(el):
                side.set(qn("w:val"), "nil")
        tbl_pr = t._tbl.tblPr
        borders = tbl_pr.find(qn("w:tblBorders"))
        if borders is None:
            borders = tbl_pr.makeelement(qn("w:tblBorders"), {})
            tbl_pr.append(borders)
        for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
            el = borders.makeelement(qn(f"w:{side}"), {qn("w:val"): "nil"})
            borders.append(el)
    to_pdf(d, HERE / "r000dense_nolines.pdf")


def encrypted() -> None:
    opts = '{"EncryptFile":{"type":"boolean","value":"true"},"DocumentOpenPassword":{"type":"string","value":"nianbao"}}'
    to_pdf(docx.Document(SRC), HERE / "encrypted.pdf", f"pdf:writer_pdf_Export:{opts}")


def corrupt() -> None:
    data = (SAMPLES / "r000.pdf").read_bytes()
    (HERE / "corrupt.pdf").write_bytes(data[:4000])


def scans() -> None:
    pdf = pdfium.PdfDocument(SAMPLES / "r000dense.pdf")
    img = pdf[2].render(scale=200 / 72, grayscale=True).to_pil().convert("L")
    scan = HERE.parent / "scan"
    tilt = img.rotate(2.5, resample=Image.BICUBIC, expand=False, fillcolor=255)
    tilt.save(scan / "r000dense_tilt_p3.pdf", "PDF", resolution=200, quality=80)
    img.rotate(-1.5, resample=Image.BICUBIC, expand=False, fillcolor=255).save(scan / "r000dense_tilt_p3.png")


if __name__ == "__main__":
    split(11, "r000dense_split.pdf")
    split(13, "r000dense_split2.pdf")
    nolines()
    encrypted()
    corrupt()
    scans()
