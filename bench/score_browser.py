"""The web pages with expected records as they come out of a real browser, scored per mode like score_texttools.py.

    .venv/bin/python bench/score_browser.py [--wrong] [--regen] [--png] [--cli] [--only MODE,MODE]

Inputs: shared/research/samples/*.html (records in samples/expected) and tests/data/html/*.html that have a
record in tests/data/html/expected (the copies of the samples are taken once). Debian's Chromium driven by
Playwright (as tests/test_web_browser.py starts it) opens each page and writes: ``document.body.innerText``
(what select-all, copy and paste into a .txt gives: table cells tab-separated), ``document.body.textContent``
(markup stripped, whitespace as in the source), the page printed to PDF (page.pdf, A4) read by nianbao itself
and through ``pdftotext -layout`` and plain ``pdftotext``; with --png also full-page screenshots (long images) read by nianbao's
OCR path: ``png`` from a desktop window 1280 CSS px wide, ``png-phone`` from a phone's (390 CSS px, device scale
factor 3 as a phone shows a desktop page: laid out 980 px wide, 2 940 px), ``png-narrow`` as a page made for
phones is laid out (414 CSS px, factor 2: 828 px, tables squeezed). Outputs go to build/browser/MODE/STEM.EXT, made once (--regen makes them
again); then every folder is parsed and scored in this process. With --cli the screenshot folders are scored
through the product path instead, ``nianbao parse --json FILE`` run once per file (its stdout the record), and a
second table gives right / WRONG / null per screenshot mode. --only scores only the modes named.

    .venv/bin/python bench/score_browser.py --synth N [--start S] [--wrong] [--files] [--regen] [--only MODE,…]

``--synth``: N pages of tests/htmlsynth.py from seed S (default 0; score_webtext.py's synth set, each page
scored on the cells it shows) printed to PDF by two producers — Chromium (page.pdf, A4; one browser, one page
reused) and LibreOffice (``soffice --headless --convert-to pdf`` of the .html, writer_web_pdf_Export, one batch
call, again for the pages a long batch stopped before) — and each PDF read by nianbao itself (modes
``chromium`` and ``lo``: ``nianbao.parse`` on the PDF in this process, the product path) and by the PDF text
tools: pdftotext (default, -layout, -raw), pdfplumber (extract_text, layout=True), pdfminer.six
(high-level extract_text), PyMuPDF (get_text, sort=True), pypdf (extract_text, plain and layout mode),
pdf.js (as Firefox's viewer and pdf-parse give it) and PDFBox's ExtractText (plain, -sort): modes
``PRODUCER-TOOL``. Outputs in
build/browser/synth/MODE/STEM.{pdf,txt}, made once; fields right and WRONG non-null values per mode (--files:
the files not all right). Seeds 0–299 take ~25 min on 2 shared cores (pdfplumber and pdfminer most of it).
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
from pathlib import Path

from scoring import (  # its own loop: --cli per folder, a second table
    file_count,
    load_score,
    parse_cli,
    parse_here,
    print_table,
    score_folder,
    short_files,
)

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SAMPLES = ROOT.parent / "shared" / "research" / "samples"
TESTS = ROOT / "tests" / "data" / "html"
OUT = ROOT / "build" / "browser"
CHROMIUM = "/usr/bin/chromium"
NIANBAO = Path(sys.executable).with_name("nianbao")
SHOTS = {"png": {"viewport": {"width": 1280, "height": 900}},
         "png-phone": {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 3, "is_mobile": True,
                       "has_touch": True},
         # a page that sets a phone's viewport (a WeChat article does) is laid out 414 CSS px wide: tables squeezed
         "png-narrow": {"viewport": {"width": 414, "height": 896}, "device_scale_factor": 2}}
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]


def pages() -> dict[str, tuple[Path, Path]]:
    """stem → (page, its expected record); a tests/data copy of a sample is taken once."""
    out = {}
    for p in sorted(SAMPLES.glob("*.html")):
        exp = SAMPLES / "expected" / f"{p.name}.json"
        if exp.exists():
            out[p.stem] = (p, exp)
    for p in sorted(TESTS.glob("*.html")):
        exp = TESTS / "expected" / f"{p.name}.json"
        if exp.exists() and p.stem not in out:
            out[p.stem] = (p, exp)
    return out


def _pdftotext(pdf: Path, layout: bool) -> bytes | None:
    cmd = ["pdftotext", *(["-layout"] if layout else []), "-enc", "UTF-8", str(pdf), "-"]
    try:
        r = subprocess.run(cmd, capture_output=True, timeout=120)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return r.stdout if r.returncode == 0 else None


def make(with_png: bool) -> list[str]:
    """Write the outputs that are not there yet; the notes on what could not run."""
    todo = pages()
    modes = ["innertext", "textcontent", "pdf", "pdf-pdftotext-layout", "pdf-pdftotext"] + (list(SHOTS) if with_png else [])
    for m in modes:
        (OUT / m).mkdir(parents=True, exist_ok=True)
    missing = {s: p for s, (p, _) in todo.items()
               if not all((OUT / m / f"{s}.{'pdf' if m == 'pdf' else 'png' if m in SHOTS else 'txt'}").exists()
                          for m in modes)}
    notes: list[str] = []
    if missing:
        try:
            from playwright.sync_api import sync_playwright
        except ImportError:
            return ["playwright is not installed, nothing made"]
        if not Path(CHROMIUM).exists():
            return [f"{CHROMIUM} is not installed, nothing made"]
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            for stem, src in missing.items():
                page.goto(src.resolve().as_uri(), wait_until="load")
                (OUT / "innertext" / f"{stem}.txt").write_text(page.evaluate("document.body.innerText"), "utf-8")
                (OUT / "textcontent" / f"{stem}.txt").write_text(page.evaluate("document.body.textContent"), "utf-8")
                pdf = OUT / "pdf" / f"{stem}.pdf"
                page.pdf(path=str(pdf), format="A4")
            if with_png:
                for mode, options in SHOTS.items():
                    context = browser.new_context(**options)
                    shot = context.new_page()
                    for stem, src in missing.items():
                        shot.goto(src.resolve().as_uri(), wait_until="load")
                        shot.screenshot(path=str(OUT / mode / f"{stem}.png"), full_page=True)
                    context.close()
            browser.close()
    for stem in todo:
        pdf = OUT / "pdf" / f"{stem}.pdf"
        for mode, layout in (("pdf-pdftotext-layout", True), ("pdf-pdftotext", False)):
            target = OUT / mode / f"{stem}.txt"
            if pdf.exists() and not target.exists():
                if (data := _pdftotext(pdf, layout)) is not None:
                    target.write_bytes(data)
                else:
                    notes.append(f"{mode}: pdftotext failed on {stem}")
    return notes


# ---- --synth: tests/htmlsynth.py's pages printed to PDF by two producers, read by PDF text tools ----------
SYNTH = OUT / "synth"
PRODUCERS = ("chromium", "lo")  # Playwright's page.pdf (A4); LibreOffice's writer_web_pdf_Export


def _pdfplumber(pdf: Path, layout: bool) -> str:
    import pdfplumber
    with pdfplumber.open(pdf) as doc:
        return "\n".join((p.extract_text(layout=layout) or "") for p in doc.pages)


def _pdfminer(pdf: Path) -> str:
    from pdfminer.high_level import extract_text
    return extract_text(str(pdf))


def _pymupdf(pdf: Path, sort: bool) -> str:
    import pymupdf
    with pymupdf.open(pdf) as doc:
        return "".join(page.get_text(sort=sort) for page in doc)


def _pypdf(pdf: Path, layout: bool) -> str:
    from pypdf import PdfReader
    pages = PdfReader(pdf).pages
    return "\n".join(p.extract_text(extraction_mode="layout") if layout else p.extract_text() for p in pages)


def _poppler(pdf: Path, mode: list[str]) -> str:
    return subprocess.run(["pdftotext", *mode, "-enc", "UTF-8", str(pdf), "-"], capture_output=True, timeout=120,
                          check=True).stdout.decode("utf-8")


PDF_TOOLS = {
    "pdftotext": lambda f: _poppler(f, []),
    "pdftotext-layout": lambda f: _poppler(f, ["-layout"]),
    "pdftotext-raw": lambda f: _poppler(f, ["-raw"]),
    "pdfplumber": lambda f: _pdfplumber(f, False),
    "pdfplumber-layout": lambda f: _pdfplumber(f, True),
    "pdfminer": _pdfminer,
    "pymupdf": lambda f: _pymupdf(f, False),
    "pymupdf-sort": lambda f: _pymupdf(f, True),
    "pypdf": lambda f: _pypdf(f, False),  # LangChain's PyPDFLoader reads PDFs this way
    "pypdf-layout": lambda f: _pypdf(f, True),
}

# the JavaScript and Java readers, each run once over a folder of PDFs (a process per file costs 1–2 s):
# pdf.js as Firefox's viewer copies it and as pdf-parse joins it (the rival builds its text with pdfjs-dist),
# PDFBox's ExtractText plain and -sort (Apache Tika's text). Skipped with a note when node's pdfjs-dist
# (`npm install --prefix build/node pdfjs-dist`) or Debian's libpdfbox2-java is missing.
BATCH_TOOLS = {"pdfjs-eol": ("pdfjs", "eol"), "pdfjs-pdfparse": ("pdfjs", "pdfparse"),
               "pdfbox": ("pdfbox", "plain"), "pdfbox-sort": ("pdfbox", "sort")}


def _batch(tool: str, pdfs: list[Path], folder: Path) -> str | None:
    """Write FOLDER/STEM.txt for each PDF with one process; a note when the tool is missing."""
    import os

    from score_pdftools import NODE_MODULES, PDFBOX_JARS, _have

    need, mode = BATCH_TOOLS[tool]
    if not _have(need):
        return f"{tool}: {need} is not installed, skipped"
    if need == "pdfjs":
        cmd = ["node", str(HERE / "tools" / "pdfjs_text.mjs"), mode, "--out", str(folder)]
        env = {**os.environ, "NODE_PATH": str(NODE_MODULES)}
    else:  # the jars but the tools jar: PdfboxBatch.java is run from source by java itself
        cmd = ["java", "-cp", ":".join(str(j) for j in PDFBOX_JARS if "tools" not in j.name),
               str(HERE / "tools" / "PdfboxBatch.java"), mode, str(folder)]
        env = None
    subprocess.run([*cmd, *map(str, pdfs)], capture_output=True, timeout=7200, check=False, env=env)
    return None


def make_synth(n: int, start: int) -> list[str]:
    """The synth pages (score_webtext's synth_set: src/, expected/ with the shown cells), each printed to PDF by
    Chromium (one browser, one page reused) and by LibreOffice (one batch call), each PDF read by every tool;
    what is there already is not made again. The notes on what could not run."""
    from score_webtext import synth_set

    logging.getLogger("pdfminer").setLevel(logging.ERROR)  # 「Could not get FontBBox …」 on every page
    synth_set(SYNTH, n, start)
    shutil.rmtree(SYNTH / "_html", ignore_errors=True)  # score_webtext's own reading: not a PDF mode
    srcs = sorted((SYNTH / "src").glob("*.html"))
    notes: list[str] = []
    for prod in PRODUCERS:
        (SYNTH / prod).mkdir(parents=True, exist_ok=True)
    todo = [s for s in srcs if not (SYNTH / "chromium" / f"{s.stem}.pdf").exists()]
    if todo:
        from playwright.sync_api import sync_playwright
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            for src in todo:
                page.goto(src.resolve().as_uri(), wait_until="load")
                page.pdf(path=str(SYNTH / "chromium" / f"{src.stem}.pdf"), format="A4")
            browser.close()
    profile = SYNTH / ".lo-profile"  # its own profile: another soffice running does not take the call
    todo = [s for s in srcs if not (SYNTH / "lo" / f"{s.stem}.pdf").exists()]
    while todo:  # one batch call; a long batch can stop part way (seen after ~250 pages): again for the rest
        subprocess.run(["soffice", f"-env:UserInstallation={profile.resolve().as_uri()}", "--headless",
                        "--convert-to", "pdf", "--outdir", str(SYNTH / "lo"), *map(str, todo)],
                       capture_output=True, timeout=3600, check=False)
        left = [s for s in todo if not (SYNTH / "lo" / f"{s.stem}.pdf").exists()]
        if len(left) == len(todo):
            notes += [f"lo: LibreOffice made no PDF of {s.stem}" for s in left]
            break
        todo = left
    for prod in PRODUCERS:
        for tool in BATCH_TOOLS:
            folder = SYNTH / f"{prod}-{tool}"
            folder.mkdir(exist_ok=True)
            todo = [SYNTH / prod / f"{s.stem}.pdf" for s in srcs if not (folder / f"{s.stem}.txt").exists()]
            note = _batch(tool, [p for p in todo if p.exists()], folder) if todo else None
            notes += [note] if note else [f"{prod}-{tool}: no output for {p.stem}" for p in todo
                                          if p.exists() and not (folder / f"{p.stem}.txt").exists()]
        for tool, read in PDF_TOOLS.items():
            folder = SYNTH / f"{prod}-{tool}"
            folder.mkdir(exist_ok=True)
            for src in srcs:
                pdf, target = SYNTH / prod / f"{src.stem}.pdf", folder / f"{src.stem}.txt"
                if pdf.exists() and not target.exists():
                    try:
                        target.write_text(read(pdf), "utf-8")
                    except Exception as e:  # noqa: BLE001 - a PDF a tool cannot read is a note, not the end
                        notes.append(f"{prod}-{tool}: {src.stem}: {type(e).__name__} {str(e)[:80]}")
    return notes


def main_synth(argv: list[str]) -> int:
    n = int(argv[argv.index("--synth") + 1])
    start = int(argv[argv.index("--start") + 1]) if "--start" in argv else 0
    if "--regen" in argv and SYNTH.exists():
        shutil.rmtree(SYNTH)
    notes = make_synth(n, start)
    only = set(argv[argv.index("--only") + 1].split(",")) if "--only" in argv else None
    score = load_score(ROOT.parent / "shared" / "tools" / "score.py")
    modes = [m for prod in PRODUCERS for m in (prod, *(f"{prod}-{t}" for t in (*PDF_TOOLS, *BATCH_TOOLS)))]
    rows = []
    for mode in modes:
        if only and mode not in only:
            continue
        files = score_folder(score, SYNTH / mode, SYNTH / "expected", "--wrong" in argv)
        rows.append((mode, files, short_files(files) if "--files" in argv else file_count(files)))
    print_table(rows, "files", name_width=26)
    for note in notes:
        print(note)
    return 0


def main(argv: list[str]) -> int:
    if "--synth" in argv:
        return main_synth(argv)
    if "--regen" in argv and OUT.exists():
        shutil.rmtree(OUT)
    notes = make("--png" in argv)
    score = load_score(ROOT.parent / "shared" / "tools" / "score.py")
    expected = OUT / "expected"
    expected.mkdir(exist_ok=True)
    for stem, (_, exp) in pages().items():
        shutil.copyfile(exp, expected / f"{stem}.json")
    rows, shots = [], []
    only = set(argv[argv.index("--only") + 1].split(",")) if "--only" in argv else None
    for folder in sorted(p for p in OUT.iterdir() if p.is_dir() and p.name != "expected"):
        if only and folder.name not in only:
            continue
        cli = "--cli" in argv and folder.name in SHOTS
        files = score_folder(score, folder, expected, "--wrong" in argv, parse_cli(NIANBAO) if cli else parse_here)
        name = f"{folder.name} (cli)" if cli else folder.name
        rows.append((name, files, [f"{r}/{n}" + (f"!{w}" if w else "") for _, r, n, w in files]))
        if folder.name in SHOTS:
            shots.append((name, files))
    print_table(rows, "per file (right/fields!wrong)", name_width=22)
    if shots:
        print(f"\n{'screenshots':<22} {'right':>6} {'WRONG':>6} {'null':>6} {'fields':>7}")
        for name, files in shots:
            r, n, w = (sum(f[i] for f in files) for i in (1, 2, 3))
            print(f"{name:<22} {r:>6} {w:>6} {n - r - w:>6} {n:>7}")
    for n in notes:
        print(n)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
