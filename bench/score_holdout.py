"""A held-out set: reports with hand-read records that shared/corpus/converters does not contain, rendered
and run through every converter installed here, then scored per converter like score_converters.py.

    .venv/bin/python bench/score_holdout.py [--regen] [--no-ocr] [--ocr-all] [--only NAME,NAME] [--wrong]
                                            [--score-only] [--no-tess] [--only-tess] [--tess-modes 300-4,150-3]
                                            [--tess-whole 300-4]

Documents: seeds 002/003/004 (shared/seeds, expected/) and the 18 hand-read pingtan reports
(tests/data/pingtan). Each is rendered by nianbao itself (`render --to pdf` and `--to docx`, from its parsed
record with the hand-read values laid over it, so the rendered tables hold exactly the expected numbers); the
reports' own text is also printed to PDF by LibreOffice (`soffice --convert-to pdf`: the seeds' tabs as tab
stops, the crawler pages' one long line wrapped at the page edge, digit runs cut by the wrap).
Converters over each PDF: pdftotext (default, -layout, -raw), pdfplumber (extract_text, layout=True),
pdfminer.six, pypdfium2, rapidocr on 200 dpi page images (pdftoppm; one line per box, and boxes grouped into
rows; only the table pages, of ten of the documents unless --ocr-all); tesseract 5 (chi_sim) on the same
pages as pdftoppm renders them at 150 and 300 dpi, --psm 3, 4 and 6, the way shared/corpus/converters'
tessDPI-psmN were made (folders KIND-tessDPI-psmN; pages joined by a newline, tesseract's form feeds
dropped, like the corpus files; one process per page with OMP_THREAD_LIMIT=1; the same ten documents, from
both PDFs, unless --ocr-all; --tess-modes picks the modes, --only-tess makes and scores only this family and
leaves the other folders as they are; --tess-whole MODES, 300-4 by default, also runs over every page of
the ten documents, folders KIND-tessDPI-psmN-all, for the title, prose and signature). Over each DOCX:
python-docx cells as TSV, LibreOffice txt and html. Plus damaged text the way crawlers and converters damage
it, from the seeds' text, the python-docx cells (a merged cell once) and pdfplumber's text: line breaks removed, tabs to single spaces, blank cells
dropped, label lines split from their numbers, a table's labels first and then its numbers. nianbao's own reading of the PDF and DOCX files is scored too.

Everything is written under build/holdout/ (one folder per input kind × converter, files named by document,
expected/STEM.json beside them, so shared/tools/score.py can score a folder too). Renders and OCR are cached
(tesseract: _src/tess/STEM.KIND.DPI.psmN.txt, one file per document and mode);
--regen starts over. A converter that is not installed is skipped with a note. Deterministic: the same inputs
give the same text files.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from scoring import score_folders, short_files  # bench/, beside this script

import nianbao

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
SHARED = REPO.parent / "shared"
OUT = REPO / "build" / "holdout"
SRC = OUT / "_src"
# OCR is slow: these (and any already in the cache) unless --ocr-all
OCR_STEMS = ("seed002", "seed003", "seed004", "pt01", "pt06", "pt14", "pt20", "pt06z", "pt20z", "seed004z")
NOTES: list[str] = []


def note(msg: str) -> None:
    NOTES.append(msg)
    print("note:", msg, file=sys.stderr)


def sources() -> list[tuple[str, Path, Path]]:
    """(stem, source text, expected record) for every document outside the converters corpus; and each
    again as a report that leaves its zero cells blank (many do), stem + "z", its expected record made
    under build/holdout/_src."""
    out = []
    for s in ("002", "003", "004"):
        src = next((SHARED / "seeds").glob(f"{s}_*.txt"))
        out.append((f"seed{s}", src, SHARED / "seeds" / "expected" / f"{src.stem}.json"))
    pt = REPO / "tests" / "data" / "pingtan"
    for exp in sorted((pt / "expected").glob("*.json")):
        out.append((f"pt{exp.stem}", pt / f"{exp.stem}.txt", exp))
    SRC.mkdir(parents=True, exist_ok=True)
    for stem, src, exp in list(out):
        record = json.loads(exp.read_text())
        for table in ("active", "requests", "appeals"):
            if table in record:
                record[table] = _zeros_blank(record[table])
        if record == json.loads(exp.read_text()):
            continue  # no table, or no zero in it
        zexp = SRC / f"{stem}z.expected.json"
        zexp.write_text(json.dumps(record, ensure_ascii=False, indent=1))
        out.append((f"{stem}z", src, zexp))
    return out


def _own_text(stem: str) -> bool:
    """A report as written (its text holds the expected numbers; the zero-blank copies do not)."""
    return not stem.endswith("z")


def _zeros_blank(node):
    if isinstance(node, dict):
        return {k: _zeros_blank(v) for k, v in node.items()}
    return None if node == 0 and not isinstance(node, bool) else node


def _overlay(record: dict, expected: dict) -> None:
    for k, v in expected.items():
        if isinstance(v, dict):
            record.setdefault(k, {})
            if not isinstance(record[k], dict):
                record[k] = {}
            _overlay(record[k], v)
        else:
            record[k] = v


def _soffice(args: list[str], outdir: Path) -> None:
    profile = Path(tempfile.gettempdir()) / f"holdout_lo_{os.getuid()}"
    subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", *args,
                    "--outdir", str(outdir)], capture_output=True, timeout=600, check=False)


def render_all(docs: list[tuple[str, Path, Path]]) -> None:
    SRC.mkdir(parents=True, exist_ok=True)
    nb = str(REPO / ".venv" / "bin" / "nianbao")
    for stem, src, exp in docs:
        rec_path = SRC / f"{stem}.record.json"
        if not rec_path.exists():
            record = nianbao.parse(src).to_json_dict()
            record = json.loads(json.dumps(record, ensure_ascii=False, default=str))
            _overlay(record, json.loads(exp.read_text()))
            rec_path.write_text(json.dumps(record, ensure_ascii=False, indent=1))
        for kind in ("pdf", "docx", "md"):
            target = SRC / f"{stem}.nr.{kind}"
            if not target.exists():
                r = subprocess.run([nb, "render", str(rec_path), "--to", kind, "-o", str(target), "--force"],
                                   capture_output=True, text=True, timeout=600)
                if not target.exists():
                    note(f"render {stem} {kind} failed: {r.stderr.strip()[-200:]}")
    if not shutil.which("soffice"):
        note("soffice not installed: no LibreOffice PDFs of the seeds' text, no lo-txt/lo-html")
        return
    todo = [(stem, src) for stem, src, _ in docs if _own_text(stem) and not (SRC / f"{stem}.lo.pdf").exists()]
    if todo:
        with tempfile.TemporaryDirectory() as tmp:
            for stem, src in todo:
                shutil.copy(src, Path(tmp) / f"{stem}.txt")
            _soffice(["--infilter=Text (encoded):UTF8,,,", "--convert-to", "pdf",
                      *[str(Path(tmp) / f"{s}.txt") for s, _ in todo]], Path(tmp))
            for stem, _ in todo:
                if (Path(tmp) / f"{stem}.pdf").exists():
                    shutil.move(str(Path(tmp) / f"{stem}.pdf"), SRC / f"{stem}.lo.pdf")
                else:
                    note(f"LibreOffice text → PDF failed for {stem}")


# ---- converters: PDF → text --------------------------------------------------------------------------

def _pdftotext(mode: list[str]):
    def run(pdf: Path) -> str:
        return subprocess.run(["pdftotext", *mode, str(pdf), "-"], capture_output=True, text=True,
                              timeout=120).stdout
    return run


def _pdfplumber(layout: bool):
    def run(pdf: Path) -> str:
        import pdfplumber
        with pdfplumber.open(pdf) as doc:
            return "\n".join((p.extract_text(layout=layout) or "") for p in doc.pages)
    return run


def _pdfminer(pdf: Path) -> str:
    from pdfminer.high_level import extract_text
    return extract_text(str(pdf))


def _pypdfium2(pdf: Path) -> str:
    import pypdfium2 as pdfium
    doc = pdfium.PdfDocument(str(pdf))
    try:
        return "\n".join(doc[i].get_textpage().get_text_range() for i in range(len(doc)))
    finally:
        doc.close()


def _have(module: str) -> bool:
    return importlib.util.find_spec(module) is not None


PDF_CONVERTERS = {
    "pdftotext": (lambda: shutil.which("pdftotext"), _pdftotext([])),
    "pdftotext-layout": (lambda: shutil.which("pdftotext"), _pdftotext(["-layout"])),
    "pdftotext-raw": (lambda: shutil.which("pdftotext"), _pdftotext(["-raw"])),
    "pdfplumber": (lambda: _have("pdfplumber"), _pdfplumber(False)),
    "pdfplumber-layout": (lambda: _have("pdfplumber"), _pdfplumber(True)),
    "pdfminer": (lambda: _have("pdfminer"), _pdfminer),
    "pypdfium2": (lambda: _have("pypdfium2"), _pypdfium2),
}


# ---- OCR -------------------------------------------------------------------------------------------------

TABLE_WORDS = ("申请人情况", "本年新收", "行政复议", "制发件数", "处理决定", "主动公开")
_ocr_engine = None


def _ocr_boxes(png: Path) -> list[tuple[float, float, float, float, str]]:
    global _ocr_engine
    if _ocr_engine is None:
        import logging

        from rapidocr import RapidOCR
        logging.getLogger("RapidOCR").setLevel(logging.ERROR)
        _ocr_engine = RapidOCR(params={"Global.log_level": "error"})
    res = _ocr_engine(str(png), use_cls=False)
    if res is None or res.txts is None:
        return []
    out = []
    for box, text in zip(res.boxes, res.txts):
        xs = [float(p[0]) for p in box]
        ys = [float(p[1]) for p in box]
        out.append((min(xs), min(ys), max(xs), max(ys), text))
    return out


def _rows(boxes: list[tuple[float, float, float, float, str]]) -> list[str]:
    """Boxes grouped into rows by vertical overlap, left to right, tab-joined."""
    rows: list[list[tuple[float, float, float, float, str]]] = []
    for b in sorted(boxes, key=lambda b: ((b[1] + b[3]) / 2, b[0])):
        mid = (b[1] + b[3]) / 2
        if rows:
            last = rows[-1]
            top = min(x[1] for x in last)
            bot = max(x[3] for x in last)
            if top <= mid <= bot:
                last.append(b)
                continue
        rows.append([b])
    return ["\t".join(x[4] for x in sorted(r, key=lambda x: x[0])) for r in rows]


def ocr_pdf(pdf: Path, cache: Path) -> tuple[str, str] | None:
    """(lines, rows) text of the table pages of a PDF, cached as JSON next to the renders."""
    if cache.exists():
        data = json.loads(cache.read_text())
    else:
        pages = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
        n = int(re.search(r"Pages:\s+(\d+)", pages).group(1))
        data = []
        with tempfile.TemporaryDirectory() as tmp:
            for i in range(1, n + 1):
                text = subprocess.run(["pdftotext", "-f", str(i), "-l", str(i), str(pdf), "-"],
                                      capture_output=True, text=True).stdout
                if not any(w in text for w in TABLE_WORDS):
                    continue
                subprocess.run(["pdftoppm", "-r", "200", "-gray", "-png", "-f", str(i), "-l", str(i),
                                str(pdf), f"{tmp}/p"], check=True)
                png = next(Path(tmp).glob("p*.png"))
                data.append(_ocr_boxes(png))
                png.unlink()
        cache.write_text(json.dumps(data, ensure_ascii=False))
    lines = "\n".join(b[4] for page in data for b in page)  # the engine's own order, one box a line
    rows = "\n".join(line for page in data for line in _rows([tuple(b) for b in page]))
    return lines, rows


# ---- tesseract ------------------------------------------------------------------------------------------

TESS_MODES = ((300, 4), (300, 3), (150, 4), (150, 3), (300, 6), (150, 6))
# a page of 表三's lower rows or of 表四 alone may hold none of TABLE_WORDS
TESS_TABLE_WORDS = (*TABLE_WORDS, "结转下年度", "尚未审结", "行政诉讼", "不予公开")


def _table_pages(pdf: Path, whole: bool = False) -> list[int]:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    n = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    if whole:
        return list(range(1, n + 1))
    out = []
    for i in range(1, n + 1):
        text = subprocess.run(["pdftotext", "-f", str(i), "-l", str(i), str(pdf), "-"],
                              capture_output=True, text=True).stdout
        if any(w in text for w in TESS_TABLE_WORDS):
            out.append(i)
    return out


def tess_pdf(pdf: Path, cache_stem: str, modes: list[tuple[int, int]],
             whole: bool = False) -> dict[tuple[int, int], str]:
    """Tesseract's text of the table pages (every page: ``whole``) of a PDF per (dpi, psm), each cached in
    _src/tess/."""
    cache = SRC / "tess"
    cache.mkdir(parents=True, exist_ok=True)
    out = {}
    todo = []
    suffix = ".all" if whole else ""
    for dpi, psm in modes:
        f = cache / f"{cache_stem}.{dpi}.psm{psm}{suffix}.txt"
        if f.exists():
            out[(dpi, psm)] = f.read_text()
        else:
            todo.append((dpi, psm))
    if not todo:
        return out
    pages = _table_pages(pdf, whole)
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    with tempfile.TemporaryDirectory() as tmp:
        for dpi in sorted({d for d, _ in todo}):
            texts: dict[int, list[str]] = {psm: [] for d, psm in todo if d == dpi}
            for i in pages:
                subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", "-f", str(i), "-l", str(i),
                                str(pdf), f"{tmp}/p"], check=True)
                png = next(Path(tmp).glob("p*.png"))
                for psm in texts:
                    r = subprocess.run(["tesseract", str(png), "-", "-l", "chi_sim", "--psm", str(psm)],
                                       capture_output=True, text=True, env=env, timeout=600)
                    texts[psm].append(r.stdout.replace("\f", "").rstrip("\n") + "\n")
                png.unlink()
            for psm, pts in texts.items():
                text = "\n".join(pts)
                (cache / f"{cache_stem}.{dpi}.psm{psm}{suffix}.txt").write_text(text)
                out[(dpi, psm)] = text
    return out


def _parse_modes(spec: str) -> list[tuple[int, int]]:
    return [(int(d), int(p)) for d, p in (m.split("-") for m in spec.split(","))]


def generate_tess(docs: list[tuple[str, Path, Path]], modes: list[tuple[int, int]], ocr_all: bool,
                  whole: list[tuple[int, int]] = ()) -> None:
    """``whole``: modes also run over every page (folders KIND-tessDPI-psmN-all: the prose, title and
    signature as a researcher OCRing the whole file gets them)."""
    if not (shutil.which("tesseract") and shutil.which("pdftoppm")):
        note("tesseract or pdftoppm not installed: no tesseract")
        return
    langs = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True).stdout.split()
    if "chi_sim" not in langs:
        note("tesseract has no chi_sim: no tesseract")
        return
    (OUT / "expected").mkdir(parents=True, exist_ok=True)
    for stem, _src, exp in docs:
        shutil.copy(exp, OUT / "expected" / f"{stem}.json")
    pdfs = [("nrpdf", stem, SRC / f"{stem}.nr.pdf") for stem, _, _ in docs]
    pdfs += [("lopdf", stem, SRC / f"{stem}.lo.pdf") for stem, _, _ in docs if _own_text(stem)]
    for kind, stem, pdf in pdfs:
        if not pdf.exists():
            continue
        for suffix, mm in (("", modes), (".all", whole)):
            cached = [m for m in mm if (SRC / "tess" / f"{stem}.{kind}.{m[0]}.psm{m[1]}{suffix}.txt").exists()]
            want = mm if (ocr_all or stem in OCR_STEMS) else cached
            if not want:
                continue
            for (dpi, psm), text in tess_pdf(pdf, f"{stem}.{kind}", want, whole=bool(suffix)).items():
                _write(f"{kind}-tess{dpi}-psm{psm}{'-all' if suffix else ''}", stem, ".txt", text)


# ---- converters: DOCX → text ---------------------------------------------------------------------------

def pydocx_tsv(docx: Path, once: bool = False) -> str:
    """python-docx's cells, tab-joined; a merged cell once per slot it spans, or once (``once``)."""
    import docx as pydocx
    from docx.table import Table
    from docx.text.paragraph import Paragraph
    d = pydocx.Document(str(docx))
    out = []
    for child in d.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            out.append(Paragraph(child, d).text)
        elif tag == "tbl":
            for row in Table(child, d).rows:
                cells = row.cells
                if once:
                    cells = [c for i, c in enumerate(cells) if i == 0 or c._tc is not cells[i - 1]._tc]
                out.append("\t".join(c.text.replace("\n", " ") for c in cells))
    return "\n".join(out) + "\n"


# ---- damaged text --------------------------------------------------------------------------------------

_NUMS = re.compile(r"^(.*?[^\d\s.,，、（）()])((?:[\t ]+[\d.]+)+)[\t ]*$")


def v_flat(t: str) -> str:
    return t.replace("\r", "").replace("\n", "")


def v_tabs(t: str) -> str:
    return t.replace("\t", " ")


def v_dropblank(t: str) -> str:
    return "\n".join(re.sub(r"\t{2,}", "\t", line).strip("\t") for line in t.splitlines()) + "\n"


def v_splitlabel(t: str) -> str:
    out = []
    for line in t.splitlines():
        m = _NUMS.match(line)
        if m and m.group(1).strip():
            out.append(m.group(1).rstrip())
            out.append(m.group(2).strip())
        else:
            out.append(line)
    return "\n".join(out) + "\n"


def v_flatspace(t: str) -> str:
    return re.sub(r"\s*\n\s*", " ", t)


def v_nows(t: str) -> str:
    return re.sub(r"\s+", "", t)


def v_dropsplit(t: str) -> str:
    return v_splitlabel(v_dropblank(t))


_NUM_CELL = re.compile(r"^[\d.]*$")


def v_labelsfirst(t: str) -> str:
    """Each table (a run of tab-separated lines) written label column first, then its rows of numbers, a
    blank row leaving no line (a PDF's text layer read column by column)."""
    out: list[str] = []
    block: list[list[str]] = []

    def flush() -> None:
        labels, nums = [], []
        for cells in block:
            lab = [c for c in cells if c.strip() and not _NUM_CELL.match(c.strip())]
            num = [c.strip() for c in cells if c.strip() and _NUM_CELL.match(c.strip())]
            if lab:
                labels.append(" ".join(lab))
            if num:
                nums.append("\t".join(num))
        out.extend(labels + nums)
        block.clear()

    for line in t.splitlines():
        if "\t" in line:
            block.append(line.split("\t"))
            continue
        if block:
            flush()
        out.append(line)
    if block:
        flush()
    return "\n".join(out) + "\n"


VARIANTS = {"flat": v_flat, "labelsfirst": v_labelsfirst, "flatspace": v_flatspace, "nows": v_nows, "tabs": v_tabs, "dropblank": v_dropblank,
            "splitlabel": v_splitlabel, "dropsplit": v_dropsplit}

_MD_ROW = re.compile(r"^\|(.*)\|\s*$")


def _md_cells(line: str) -> list[str] | None:
    m = _MD_ROW.match(line)
    return [c.strip() for c in m.group(1).split("|")] if m else None


def v_mdgarbage(t: str) -> str:
    """Markdown converters' garbage headers: each table's first row becomes 数据1…数据N."""
    out, prev_table = [], False
    for line in t.splitlines():
        cells = _md_cells(line)
        if cells is not None and not prev_table:
            line = "| " + " | ".join(f"数据{i + 1}" for i in range(len(cells))) + " |"
        prev_table = cells is not None
        out.append(line)
    return "\n".join(out) + "\n"


def v_mdsplit(t: str) -> str:
    """One sub-table per row, its label as a paragraph above it (PDF → Markdown converters)."""
    out = []
    for line in t.splitlines():
        cells = _md_cells(line)
        if cells and cells[0] and not re.fullmatch(r"[-:\s]*", cells[0]) and any(
                re.fullmatch(r"[\d.]+", c) for c in cells[1:]):
            out += ["", cells[0], "", "| " + " | ".join(f"数据{i + 1}" for i in range(len(cells) - 1)) + " |",
                    "|" + "---|" * (len(cells) - 1), "| " + " | ".join(cells[1:]) + " |", ""]
        else:
            out.append(line)
    return "\n".join(out) + "\n"


MD_VARIANTS = {"mdgarbage": v_mdgarbage, "mdsplit": v_mdsplit}


# ---- generation ---------------------------------------------------------------------------------------

def _write(folder: str, stem: str, ext: str, text: str) -> None:
    d = OUT / folder
    d.mkdir(parents=True, exist_ok=True)
    (d / f"{stem}{ext}").write_text(text)


def generate(docs: list[tuple[str, Path, Path]], ocr: bool, ocr_all: bool,
             tess_modes: list[tuple[int, int]] | None, tess_whole: list[tuple[int, int]] = ()) -> None:
    if OUT.exists():
        for d in OUT.iterdir():
            if d.is_dir() and d.name != "_src":
                shutil.rmtree(d)
    (OUT / "expected").mkdir(parents=True, exist_ok=True)
    for stem, _src, exp in docs:
        shutil.copy(exp, OUT / "expected" / f"{stem}.json")
    render_all(docs)
    pdfs = [("nrpdf", stem, SRC / f"{stem}.nr.pdf") for stem, _, _ in docs]
    pdfs += [("lopdf", stem, SRC / f"{stem}.lo.pdf") for stem, _, _ in docs if _own_text(stem)]
    pdfs = [p for p in pdfs if p[2].exists()]
    for name, (available, run) in PDF_CONVERTERS.items():
        if not available():
            note(f"{name} not installed: skipped")
            continue
        for kind, stem, pdf in pdfs:
            _write(f"{kind}-{name}", stem, ".txt", run(pdf))
    for kind, stem, pdf in pdfs:  # nianbao itself on the file
        d = OUT / f"{kind}-native"
        d.mkdir(parents=True, exist_ok=True)
        shutil.copy(pdf, d / f"{stem}.pdf")
    if ocr:
        if not (_have("rapidocr") and shutil.which("pdftoppm")):
            note("rapidocr or pdftoppm not installed: no OCR")
        else:
            for kind, stem, pdf in pdfs:
                cache = SRC / f"{stem}.{kind}.ocr.json"
                if kind != "nrpdf" or not (ocr_all or cache.exists() or stem in OCR_STEMS):
                    continue
                lines, rows = ocr_pdf(pdf, cache)
                _write(f"{kind}-rapidocr-lines", stem, ".txt", lines)
                _write(f"{kind}-rapidocr-rows", stem, ".txt", rows)
    if tess_modes or tess_whole:
        generate_tess(docs, tess_modes or [], ocr_all, tess_whole)
    docxs = [(stem, SRC / f"{stem}.nr.docx") for stem, _, _ in docs if (SRC / f"{stem}.nr.docx").exists()]
    if _have("docx"):
        for stem, docx in docxs:
            _write("nrdocx-pydocx-tsv", stem, ".txt", pydocx_tsv(docx))
            _write("nrdocx-pydocx-once", stem, ".txt", pydocx_tsv(docx, once=True))
    else:
        note("python-docx not installed: skipped")
    for stem, docx in docxs:
        d = OUT / "nrdocx-native"
        d.mkdir(parents=True, exist_ok=True)
        shutil.copy(docx, d / f"{stem}.docx")
    if shutil.which("soffice"):
        for conv, ext, filt in (("lo-txt", ".txt", "txt:Text (encoded):UTF8"), ("lo-html", ".html", "html")):
            cache = SRC / conv
            cache.mkdir(exist_ok=True)
            todo = [(s, p) for s, p in docxs if not (cache / f"{s}.nr{ext}").exists()]
            if todo:
                _soffice(["--convert-to", filt, *[str(p) for _, p in todo]], cache)
            for stem, _ in docxs:
                f = cache / f"{stem}.nr{ext}"
                if f.exists():
                    _write(f"nrdocx-{conv}", stem, ext, f.read_text(errors="replace"))
                else:
                    note(f"LibreOffice {conv} failed for {stem}")
    bases = {"seedtext": {stem: src.read_text() for stem, src, _ in docs if stem.startswith("seed") and _own_text(stem)}}
    for base, folder in (("pydocx", "nrdocx-pydocx-once"), ("pdfplumber", "nrpdf-pdfplumber")):
        if (OUT / folder).exists():
            bases[base] = {f.stem: f.read_text() for f in sorted((OUT / folder).iterdir())}
    for base, texts in bases.items():
        for vname, fn in VARIANTS.items():
            if base == "pdfplumber" and vname in ("tabs", "dropblank", "dropsplit", "labelsfirst"):
                continue  # no tabs, no blank cells left in it
            for stem, text in texts.items():
                _write(f"var-{base}-{vname}", stem, ".txt", fn(text))
    mds = {stem: (SRC / f"{stem}.nr.md").read_text() for stem, _, _ in docs if (SRC / f"{stem}.nr.md").exists()}
    for stem, text in mds.items():
        _write("nrmd", stem, ".md", text)
        for vname, fn in MD_VARIANTS.items():
            _write(f"var-md-{vname}", stem, ".md", fn(text))
            _write(f"var-md-{vname}-flat", stem, ".txt", v_flatspace(fn(text)))
    (OUT / "NOTES.txt").write_text("\n".join(NOTES) + ("\n" if NOTES else ""))


# ---- scoring --------------------------------------------------------------------------------------------

def score_all(only: set[str] | None, show: bool, tess: bool | None = None) -> int:
    """``tess``: True scores only the tesseract folders, False leaves them out, None scores all."""
    folders = [(p.name, p, OUT / "expected") for p in sorted(OUT.iterdir())
               if p.is_dir() and p.name not in ("expected", "_src") and not (only and p.name not in only)
               and (tess is None or ("-tess" in p.name) == tess)]
    score_folders(folders, show, short_files, "files not all right (right/fields!wrong)",
                  name_width=34, right_width=11)
    return 0


_FLAGS = {"--regen", "--no-ocr", "--ocr-all", "--wrong", "--score-only", "--no-tess", "--only-tess"}
_VALUED = {"--only", "--tess-modes", "--tess-whole"}


def main(argv: list[str]) -> int:
    # an unknown flag (--help among them) prints the usage and builds nothing: a mistyped flag must not
    # start a full build that writes into build/holdout while another run reads it
    values = {argv[i + 1] for i, a in enumerate(argv[:-1]) if a in _VALUED}
    unknown = [a for a in argv if a not in _FLAGS | _VALUED and a not in values]
    if unknown or any(a in _VALUED for a in argv[-1:]):
        print(__doc__)
        if unknown and unknown != ["--help"] and unknown != ["-h"]:
            print(f"unknown: {' '.join(unknown)}", file=sys.stderr)
        return 0 if unknown in (["--help"], ["-h"]) else 2
    only = set(argv[argv.index("--only") + 1].split(",")) if "--only" in argv else None
    if "--regen" in argv and OUT.exists():
        shutil.rmtree(OUT)
    modes = _parse_modes(argv[argv.index("--tess-modes") + 1]) if "--tess-modes" in argv else list(TESS_MODES)
    whole = _parse_modes(argv[argv.index("--tess-whole") + 1]) if "--tess-whole" in argv else [(300, 4)]
    only_tess = "--only-tess" in argv
    if "--no-tess" in argv or "--no-ocr" in argv:
        modes = whole = []
    if "--score-only" not in argv:
        if only_tess:
            docs = sources()
            render_all(docs)
            generate_tess(docs, modes, "--ocr-all" in argv, whole)
        else:
            generate(sources(), ocr="--no-ocr" not in argv, ocr_all="--ocr-all" in argv, tess_modes=modes,
                     tess_whole=whole)
    return score_all(only, "--wrong" in argv, True if only_tess else (False if "--no-tess" in argv else None))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
