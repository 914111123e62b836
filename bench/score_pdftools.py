"""The shared and held-out PDFs as positional and markup PDF tools write them, scored per tool like
score_texttools.py.

    .venv/bin/python bench/score_pdftools.py [--wrong] [--regen] [--only NAME,NAME]

Inputs: shared/research/samples r000, r000dense, r001 and shared/corpus/huaian2024 (PDFs, expected records
in shared/corpus/converters/expected), LibreOffice's PDFs of the samples' r000, r000dense and r001.docx
(lodocx-STEM, made with soffice when it is installed: another producer's layout of the same tables), and the held-out PDFs of build/holdout/_src (STEM.nr.pdf for every
document, STEM.lo.pdf for those printed from their own text; expected records in build/holdout/expected).
Tools, each skipped with a note when it is not installed: poppler's pdftohtml (-s -i -noframes HTML, -c
complex HTML, -xml) and pdftotext (-bbox, -bbox-layout, -tsv, -htmlmeta, -fixed 3); mupdf's mutool draw
-F txt, html, xhtml, stext; Ghostscript's txtwrite device; PyMuPDF's page.get_text as text, blocks (one
line per block), words (one line per word), html, xhtml, xml, dict (as JSON); pypdfium2's text rects (one
line per rect, get_text_bounded); Apache PDFBox's ExtractText (plain, -sort, -html: the text Apache Tika
and many Java pipelines give; Debian's libpdfbox2-java, run by java); pdf.js's text content (Firefox's
viewer: items with its line ends; pdf-parse: a line per change of height; `npm install --prefix build/node
pdfjs-dist` and node, see bench/tools/pdfjs_text.mjs). Outputs go to build/pdftools/TOOL/KEY.EXT (KEY = the sample's stem, or
nr-STEM / lo-STEM for a held-out PDF), made once (--regen makes them again); then every folder is parsed and
scored in this process. PyMuPDF is no dependency of nianbao: `pip install pymupdf` into the venv to score it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from scoring import file_count, options, score_folders

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent / "shared"
HOLDOUT = HERE.parent / "build" / "holdout"
OUT = HERE.parent / "build" / "pdftools"


def inputs() -> list[tuple[str, Path, Path]]:
    """(key, PDF, expected record) for every PDF with a text layer and a hand-read record."""
    out = []
    exp = SHARED / "corpus" / "converters" / "expected"
    for stem in ("r000", "r000dense", "r001"):
        out.append((stem, SHARED / "research" / "samples" / f"{stem}.pdf", exp / f"{stem}.json"))
    out.append(("huaian2024", SHARED / "corpus" / "huaian2024.pdf", exp / "huaian2024.json"))
    for stem in ("r000", "r000dense", "r001"):  # another producer's PDF of the same reports: LibreOffice's
        pdf = _lodocx(stem)
        if pdf is not None:
            out.append((f"lodocx-{stem}", pdf, exp / f"{stem}.json"))
    for pdf in sorted((HOLDOUT / "_src").glob("*.pdf")):
        stem, kind = pdf.name.split(".")[:2]
        record = HOLDOUT / "expected" / f"{stem}.json"
        if kind in ("nr", "lo") and record.exists():
            out.append((f"{kind}-{stem}", pdf, record))
    return out


def _lodocx(stem: str) -> Path | None:
    """LibreOffice's PDF of the shared DOCX sample (made once, under build/pdftools/_lodocx): its table cells
    centre their numbers vertically, unlike the samples' own PDFs, so a wrapped label's row and the next
    stand differently in layout text. None without LibreOffice."""
    pdf = OUT / "_lodocx" / f"{stem}.pdf"
    if not pdf.exists() and shutil.which("soffice"):
        pdf.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(pdf.parent),
                        str(SHARED / "research" / "samples" / f"{stem}.docx")], capture_output=True, timeout=300)
    return pdf if pdf.exists() else None


def _run(cmd: list[str]) -> bytes | None:
    try:
        r = subprocess.run(cmd, capture_output=True, timeout=300)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return r.stdout if r.returncode == 0 else None


def _pymupdf(how: str) -> Callable[[Path], bytes]:
    def run(pdf: Path) -> bytes:
        import pymupdf

        parts = []
        with pymupdf.open(str(pdf)) as doc:
            for page in doc:
                if how == "blocks":
                    parts.append("\n".join(b[4].rstrip("\n") for b in page.get_text("blocks")))
                elif how == "words":
                    parts.append("\n".join(w[4] for w in page.get_text("words")))
                elif how == "dict":
                    parts.append(page.get_text("json"))
                else:
                    parts.append(page.get_text(how))
        if how == "dict":
            return ("[" + ",\n".join(parts) + "]").encode("utf-8")
        return "\n".join(parts).encode("utf-8")

    return run


def _pdfium_rects(pdf: Path) -> bytes:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    lines = []
    try:
        for page in doc:
            tp = page.get_textpage()
            lines.extend(tp.get_text_bounded(*tp.get_rect(i)) for i in range(tp.count_rects()))
    finally:
        doc.close()
    return "\n".join(lines).encode("utf-8")


def _pdftohtml_complex(pdf: Path) -> bytes:
    """pdftohtml -c ignores -stdout and writes its page beside the input (shared/ and build/holdout/_src are
    no place for it): into a temporary folder, and the HTML read back."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["pdftohtml", "-c", "-s", "-i", "-noframes", "-q", str(pdf), f"{tmp}/out"],
                       capture_output=True, timeout=300)
        out = Path(tmp) / "out.html"
        return out.read_bytes() if out.exists() else b""


PDFBOX_JARS = [Path("/usr/share/java") / j for j in ("pdfbox2-tools.jar", "pdfbox2.jar", "fontbox2.jar",
                                                     "commons-logging.jar")]
NODE_MODULES = HERE.parent / "build" / "node" / "node_modules"


def _pdfbox(*flags: str) -> Callable[[Path], bytes | None]:
    """PDFBox's ExtractText with ``flags``, written to a temporary file (it writes no standard output)."""
    def run(pdf: Path) -> bytes | None:
        import tempfile

        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "out"
            _run(["java", "-cp", ":".join(map(str, PDFBOX_JARS)), "org.apache.pdfbox.tools.ExtractText",
                  "-encoding", "UTF-8", *flags, str(pdf), str(out)])
            return out.read_bytes() if out.exists() else None

    return run


def _pdfjs(mode: str) -> Callable[[Path], bytes | None]:
    def run(pdf: Path) -> bytes | None:
        env = {**os.environ, "NODE_PATH": str(NODE_MODULES)}
        r = subprocess.run(["node", str(HERE / "tools" / "pdfjs_text.mjs"), mode, str(pdf)], capture_output=True,
                           timeout=300, env=env)
        return r.stdout if r.returncode == 0 else None

    return run


def _have(module: str) -> bool:
    if module == "pdfbox":
        return shutil.which("java") is not None and all(j.exists() for j in PDFBOX_JARS)
    if module == "pdfjs":
        return shutil.which("node") is not None and (NODE_MODULES / "pdfjs-dist").is_dir()
    import importlib.util

    return importlib.util.find_spec(module) is not None


# tool -> (extension, command template with {pdf}, or a function of the PDF; what must be installed)
TOOLS: dict[str, tuple[str, list[str] | Callable[[Path], bytes], str]] = {
    "pdftohtml-s": ("html", ["pdftohtml", "-s", "-i", "-noframes", "-q", "-stdout", "{pdf}"], "pdftohtml"),
    "pdftohtml-c": ("html", lambda pdf: _pdftohtml_complex(pdf), "pdftohtml"),
    "pdftohtml-xml": ("xml", ["pdftohtml", "-xml", "-i", "-q", "-stdout", "{pdf}"], "pdftohtml"),
    "pdftotext-bbox": ("html", ["pdftotext", "-bbox", "{pdf}", "-"], "pdftotext"),
    "pdftotext-bbox-layout": ("html", ["pdftotext", "-bbox-layout", "{pdf}", "-"], "pdftotext"),
    "pdftotext-tsv": ("tsv", ["pdftotext", "-tsv", "{pdf}", "-"], "pdftotext"),
    "pdftotext-htmlmeta": ("html", ["pdftotext", "-htmlmeta", "{pdf}", "-"], "pdftotext"),
    "pdftotext-fixed3": ("txt", ["pdftotext", "-fixed", "3", "{pdf}", "-"], "pdftotext"),
    "mutool-txt": ("txt", ["mutool", "draw", "-q", "-F", "txt", "-o", "-", "{pdf}"], "mutool"),
    "mutool-html": ("html", ["mutool", "draw", "-q", "-F", "html", "-o", "-", "{pdf}"], "mutool"),
    "mutool-xhtml": ("xhtml", ["mutool", "draw", "-q", "-F", "xhtml", "-o", "-", "{pdf}"], "mutool"),
    "mutool-stext": ("xml", ["mutool", "draw", "-q", "-F", "stext", "-o", "-", "{pdf}"], "mutool"),
    "gs-txtwrite": ("txt", ["gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=txtwrite",
                            "-sOutputFile=-", "{pdf}"], "gs"),
    "pymupdf-text": ("txt", _pymupdf("text"), "pymupdf"),
    "pymupdf-blocks": ("txt", _pymupdf("blocks"), "pymupdf"),
    "pymupdf-words": ("txt", _pymupdf("words"), "pymupdf"),
    "pymupdf-html": ("html", _pymupdf("html"), "pymupdf"),
    "pymupdf-xhtml": ("xhtml", _pymupdf("xhtml"), "pymupdf"),
    "pymupdf-xml": ("xml", _pymupdf("xml"), "pymupdf"),
    "pymupdf-dict": ("json", _pymupdf("dict"), "pymupdf"),
    "pdfium-rects": ("txt", _pdfium_rects, "pypdfium2"),
    "pdfbox": ("txt", _pdfbox(), "pdfbox"),
    "pdfbox-sort": ("txt", _pdfbox("-sort"), "pdfbox"),
    "pdfbox-html": ("html", _pdfbox("-html"), "pdfbox"),
    "pdfjs-eol": ("txt", _pdfjs("eol"), "pdfjs"),
    "pdfjs-pdfparse": ("txt", _pdfjs("pdfparse"), "pdfjs"),
}


def make(only: set[str] | None) -> list[str]:
    """Write the outputs that are not there yet; the notes on tools that are missing."""
    notes = []
    docs = inputs()
    for tool, (ext, how, need) in TOOLS.items():
        if only and tool not in only:
            continue
        if not (shutil.which(need) or _have(need)):
            notes.append(f"{tool}: {need} is not installed, skipped")
            continue
        folder = OUT / tool
        folder.mkdir(parents=True, exist_ok=True)
        for key, pdf, _ in docs:
            target = folder / f"{key}.{ext}"
            if target.exists():
                continue
            try:
                data = _run([str(pdf) if a == "{pdf}" else a for a in how]) if isinstance(how, list) else how(pdf)
            except Exception as e:  # noqa: BLE001 - a tool that fails on one file is noted, not fatal
                notes.append(f"{tool}: {key}: {e}")
                data = None
            if data and data.strip():
                target.write_bytes(data)
    return notes


def main(argv: list[str]) -> int:
    only = options(argv, OUT)
    notes = make(only)
    expected = OUT / "expected"
    expected.mkdir(parents=True, exist_ok=True)
    for key, _, record in inputs():
        target = expected / f"{key}.json"
        if not target.exists() or target.read_bytes() != record.read_bytes():
            shutil.copyfile(record, target)
    folders = [(p.name, p, expected) for p in sorted(OUT.iterdir())
               if p.is_dir() and p.name != "expected" and not p.name.startswith("_")
               and not (only and p.name not in only)]
    score_folders(folders, "--wrong" in argv, file_count, "files", name_width=24, right_width=6)
    for n in notes:
        print(n)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
