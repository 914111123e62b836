"""Statistics tables pasted as pictures in an otherwise text report, scored per kind like score_saveas.py.

    .venv/bin/python bench/score_tablepics.py [--wrong] [--regen] [--only docx,pdf,mhtml,docx-photo]

From the sample DOCX with expected records (r000, r000dense, r001) and four held-out DOCX (seed002, pt01,
pt05, pt12; build/holdout), each table is cut out alone (a DOCX holding only it, printed by LibreOffice,
pdftoppm at 150 dpi, cropped to its ink, pages stacked) and the report is written again with that picture
where the table stood:
- docx: the report with inline pictures (python-docx), as a clerk pastes a screenshot of the sheet;
- pdf: that DOCX printed to PDF by LibreOffice (text pages with the tables as images);
- mhtml: that DOCX as a web page (LibreOffice's HTML) saved as one file with the email package: the
  pictures as parts found by Content-Location (half the pages) or by cid: (the other half);
- docx-photo: the docx with each table picture a phone photo of it instead (the table printed with a margin
  of paper, photographed by photosynth.py at its mild level: on a desk, turned, keystoned, lit from one
  side; seeded), as a clerk pastes a photo of the signed-off sheet.
Outputs go to build/tablepics/KIND/KEY.EXT, made once (--regen makes them again), then parsed in process
(nianbao.parse, the API `nianbao parse --json` prints) and scored with bench/scoring.py.
"""

from __future__ import annotations

import copy
import subprocess
import sys
import tempfile
from email.mime.image import MIMEImage
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from pathlib import Path
from urllib.parse import urljoin

from scoring import every_file, score_folders

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent / "shared"
SAMPLES = SHARED / "research" / "samples"
HOLDOUT = HERE.parent / "build" / "holdout"
OUT = HERE.parent / "build" / "tablepics"
DPI = 150
KINDS = ("docx", "pdf", "mhtml")
PHOTO = "docx-photo"  # made from the docx kind
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def sources() -> list[tuple[str, Path, Path]]:
    """(key, DOCX, expected record) of every report the pictures are made from."""
    out = [(s, SAMPLES / f"{s}.docx", SAMPLES / "expected" / f"{s}.docx.json") for s in ("r000", "r000dense", "r001")]
    for s in ("seed002", "pt01", "pt05", "pt12"):
        src, exp = HOLDOUT / "_src" / f"{s}.nr.docx", HOLDOUT / "expected" / f"{s}.json"
        if src.exists() and exp.exists():
            out.append((s, src, exp))
    return out


def soffice(files: list[Path], to: str, outdir: Path) -> None:
    """LibreOffice converts ``files`` in one start, with a profile of its own (a neighbour's may be open)."""
    with tempfile.TemporaryDirectory() as prof:
        subprocess.run(["nice", "soffice", f"-env:UserInstallation=file://{prof}", "--headless", "--convert-to", to,
                        "--outdir", str(outdir), *map(str, files)], check=True, capture_output=True, timeout=900)


def table_docs(src: Path, key: str, work: Path) -> list[Path]:
    """A DOCX per table of the body (its own styles and page), holding only that table."""
    import docx

    n = len([e for e in docx.Document(str(src)).element.body if e.tag == W + "tbl"])
    out = []
    for k in range(n):
        d = docx.Document(str(src))
        body = d.element.body
        tables = [e for e in body if e.tag == W + "tbl"]
        for e in list(body):
            if e.tag != W + "sectPr" and e is not tables[k]:
                body.remove(e)
        p = work / f"{key}_t{k}.docx"
        d.save(str(p))
        out.append(p)
    return out


def crop_stack(pdf: Path, png: Path) -> None:
    """The PDF's pages at DPI, each cropped to its ink (a margin kept), stacked into one picture."""
    from PIL import Image, ImageOps

    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["nice", "pdftoppm", "-r", str(DPI), "-png", "-gray", str(pdf), f"{tmp}/p"], check=True)
        crops = []
        for f in sorted(Path(tmp).glob("p*.png")):
            im = Image.open(f).convert("L")
            # the body of the page only: a running head or a page number (「— 1 —」) is no part of the table
            body = im.crop((0, int(im.height * 0.07), im.width, int(im.height * 0.91)))
            box = ImageOps.invert(body).point(lambda v: 255 if v > 40 else 0).getbbox()
            if box:
                box = (box[0], box[1] + int(im.height * 0.07), box[2], box[3] + int(im.height * 0.07))
            if box:
                m = 12
                crops.append(im.crop((max(0, box[0] - m), max(0, box[1] - m), min(im.width, box[2] + m),
                                      min(im.height, box[3] + m))))
    w = max(c.width for c in crops)
    out = Image.new("L", (w, sum(c.height for c in crops)), 255)
    y = 0
    for c in crops:
        out.paste(c, (0, y))
        y += c.height
    out.save(png, optimize=True)


def picture_docx(src: Path, pngs: list[Path], dest: Path) -> None:
    """The report with each table replaced by its picture, inline, at its print size (within the text width)."""
    import docx
    from docx.shared import Emu
    from PIL import Image

    d = docx.Document(str(src))
    sec = d.sections[0]
    room = sec.page_width - sec.left_margin - sec.right_margin
    tables = [e for e in d.element.body if e.tag == W + "tbl"]
    for tbl, png in zip(tables, pngs):
        with Image.open(png) as im:
            width = Emu(min(room, int(im.width / DPI * 914400)))
        d.add_picture(str(png), width=width)
        last = d.paragraphs[-1]
        # single spacing: a report's body style of exact 28 pt lines (GB/T 9704) would clip the picture
        last.paragraph_format.line_spacing = 1.0
        last.paragraph_format.first_line_indent = 0
        pic_p = last._p
        tbl.addprevious(copy.deepcopy(pic_p))
        pic_p.getparent().remove(pic_p)
        tbl.getparent().remove(tbl)
    d.save(str(dest))


def mhtml(html_file: Path, dest: Path, by_cid: bool) -> None:
    """LibreOffice's HTML page and its pictures as one MHTML file (Chrome's layout of parts)."""
    import re

    page = f"https://www.example.gov.cn/art/2024/{html_file.stem}.html"
    html = html_file.read_text("utf-8", errors="replace")
    msg = MIMEMultipart("related", type="text/html")
    msg["Snapshot-Content-Location"] = page
    msg["Subject"] = html_file.stem
    images = []
    for k, src in enumerate(dict.fromkeys(re.findall(r'<img[^>]+src="([^"]+)"', html))):
        f = html_file.parent / src
        if not f.exists():
            continue
        img = MIMEImage(f.read_bytes())
        if by_cid:
            cid = f"img{k}.{html_file.stem}@mhtml.example"
            html = html.replace(f'src="{src}"', f'src="cid:{cid}"')
            img["Content-ID"] = f"<{cid}>"
        else:
            img["Content-Location"] = urljoin(page, src)
        images.append(img)
    part = MIMEText(html, "html", "utf-8")
    part["Content-Location"] = page
    msg.attach(part)
    for img in images:
        msg.attach(img)
    dest.write_bytes(msg.as_bytes())


def photo_docx(src: Path, dest: Path, seed: int) -> None:
    """``src`` with each picture replaced by a phone photo of it printed on paper (photosynth, mild), shown at
    the picture's width and the photo's own proportions."""
    import io
    import re
    import zipfile

    import numpy as np
    from photosynth import photo
    from PIL import Image

    with zipfile.ZipFile(src) as z:
        members = {i.filename: z.read(i) for i in z.infolist()}
    shots: dict[str, tuple[int, int]] = {}
    for k, name in enumerate(sorted(members)):
        if name.startswith("word/media/") and name.endswith(".png"):
            im = Image.open(io.BytesIO(members[name])).convert("RGB")
            w, h = im.size
            paper = Image.new("RGB", (int(w * 1.15), int(h * 1.15) + 60), "white")
            paper.paste(im, ((paper.width - w) // 2, (paper.height - h) // 2))
            shot = Image.open(io.BytesIO(photo(np.asarray(paper), "mild", seed + k))).convert("L")
            buf = io.BytesIO()
            shot.save(buf, "PNG")  # the member keeps its name and type
            members[name] = buf.getvalue()
            shots[name.removeprefix("word/")] = shot.size
    rels = dict(re.findall(r'Id="(rId\d+)"[^>]*Target="([^"]+)"', members["word/_rels/document.xml.rels"].decode()))
    rels.update({a: b for b, a in re.findall(r'Target="([^"]+)"[^>]*Id="(rId\d+)"',
                                            members["word/_rels/document.xml.rels"].decode())})

    def reshape(m: re.Match[str]) -> str:
        inline = m.group(0)
        emb = re.search(r'r:embed="(rId\d+)"', inline)
        size = shots.get(rels.get(emb.group(1), "")) if emb else None
        if size is None:
            return inline
        cx = int(re.search(r'<wp:extent cx="(\d+)"', inline).group(1))
        cy = round(cx * size[1] / size[0])
        return re.sub(r'(<(?:wp:extent|a:ext) cx="\d+" cy=")\d+', lambda e: e.group(1) + str(cy), inline)

    doc = members["word/document.xml"].decode()
    members["word/document.xml"] = re.sub(r"<wp:inline\b.*?</wp:inline>", reshape, doc, flags=re.S).encode()
    with zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in members.items():
            out.writestr(name, data)


def build_photos(regen: bool) -> None:
    (OUT / PHOTO).mkdir(parents=True, exist_ok=True)
    for i, (key, _, _) in enumerate(sources()):
        dest = OUT / PHOTO / f"{key}.docx"
        if (regen or not dest.exists()) and (OUT / "docx" / f"{key}.docx").exists():
            photo_docx(OUT / "docx" / f"{key}.docx", dest, 7 + 100 * i)


def build(regen: bool) -> None:
    todo = [s for s in sources() if regen or not (OUT / "mhtml" / f"{s[0]}.mhtml").exists()]
    if not todo:
        return
    for kind in KINDS + ("expected",):
        (OUT / kind).mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        per = {key: table_docs(src, key, work) for key, src, _ in todo}
        print(f"tables: {sum(map(len, per.values()))} in {len(todo)} reports", file=sys.stderr)
        soffice([p for ps in per.values() for p in ps], "pdf", work)
        for key, src, exp in todo:
            pngs = []
            for p in per[key]:
                crop_stack(p.with_suffix(".pdf"), p.with_suffix(".png"))
                pngs.append(p.with_suffix(".png"))
            picture_docx(src, pngs, OUT / "docx" / f"{key}.docx")
            for ext in KINDS:
                (OUT / "expected" / f"{key}.{ext}.json").write_bytes(exp.read_bytes())
        docs = [OUT / "docx" / f"{key}.docx" for key, _, _ in todo]
        soffice(docs, "pdf", OUT / "pdf")
        html_dir = work / "html"
        html_dir.mkdir()
        soffice(docs, "html", html_dir)
        for i, (key, _, _) in enumerate(todo):
            mhtml(html_dir / f"{key}.html", OUT / "mhtml" / f"{key}.mhtml", by_cid=i % 2 == 1)


def main(argv: list[str]) -> int:
    show = "--wrong" in argv
    kinds = KINDS + (PHOTO,)
    if "--only" in argv:
        kinds = tuple(argv[argv.index("--only") + 1].split(","))
    build("--regen" in argv)
    if PHOTO in kinds:
        build_photos("--regen" in argv)
    score_folders([(k, OUT / k, OUT / "expected") for k in kinds], show, every_file,
                  "per file (right/fields!wrong)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
