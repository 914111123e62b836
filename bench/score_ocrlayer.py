"""Searchable scans: page images with an OCR engine's invisible text layer on top, scored per variety like
score_pdftools.py.

    .venv/bin/python bench/score_ocrlayer.py [--wrong] [--regen] [--only NAME,NAME] [--time] [--layer]

A searchable scan (ocrmypdf, Acrobat's "Enhance scans", ABBYY, scanner software) is a page image with the
OCR engine's reading laid over it as invisible text (render mode 3; ocrmypdf and tesseract write it in
GlyphLessFont). Its text layer is a guess, not the writer's text: a misread digit in it is a wrong number.
Inputs: the shared scans (shared/research/samples/*scan*.pdf), the shared text PDFs (r000, r000dense,
r001, huaian2024: their pages rasterized, so there are tables) and a few held-out PDFs (build/holdout/_src,
STEM.nr.pdf), with their expected records (shared/corpus/converters/expected, build/holdout/expected).
Varieties, each made once with ocrmypdf (-l chi_sim+eng, --output-type pdf, -O 0) into
build/ocrlayer/VARIETY/KEY.pdf (--regen makes them again; about 40 minutes on a shared machine):

* scan: ocrmypdf over the shared scans as they are (their pages are images already);
* force: ocrmypdf --force-ocr over the scans and the text PDFs (every page rasterized, then read);
* img150, img300: pdftoppm -r 150/300 -gray pages put back into a PDF by img2pdf, then ocrmypdf;
* sandwich200: the same at 200 dpi with --pdf-renderer sandwich (tesseract's own text-only PDF grafted on);
* ho200: the held-out PDFs at 200 dpi (the default renderer).

Then every folder is parsed by nianbao in this process and scored (shared/tools/score.py's comparison).
ocrmypdf and img2pdf are no dependencies of nianbao (``apt-get install ocrmypdf``); a missing tool is noted
and nothing is made. --time prints each folder's parsing seconds. nianbao OCRs a page under a hidden
layer with its own engine; --layer scores what it reads without the OCR extra: the layer, with OCR caution.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from scoring import load_score, options, print_table, score_folder

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent / "shared"
HOLDOUT = HERE.parent / "build" / "holdout"
OUT = HERE.parent / "build" / "ocrlayer"
SAMPLES = SHARED / "research" / "samples"
EXPECTED = SHARED / "corpus" / "converters" / "expected"
HELD_OUT = ("pt01", "pt05z", "pt16")  # a few: ocrmypdf takes 10–60 s a page on a shared machine
OCRMYPDF = ["ocrmypdf", "-q", "-l", "chi_sim+eng", "--output-type", "pdf", "-O", "0", "-j", "1"]


def scans() -> list[tuple[str, Path, Path]]:
    return [(p.stem, p, EXPECTED / f"{p.stem}.json") for p in sorted(SAMPLES.glob("*scan*.pdf"))]


def texts() -> list[tuple[str, Path, Path]]:
    out = [(s, SAMPLES / f"{s}.pdf", EXPECTED / f"{s}.json") for s in ("r000", "r000dense", "r001")]
    out.append(("huaian2024", SHARED / "corpus" / "huaian2024.pdf", EXPECTED / "huaian2024.json"))
    return out


def held_out() -> list[tuple[str, Path, Path]]:
    out = []
    for stem in HELD_OUT:
        pdf, record = HOLDOUT / "_src" / f"{stem}.nr.pdf", HOLDOUT / "expected" / f"{stem}.json"
        if pdf.exists() and record.exists():
            out.append((f"nr-{stem}", pdf, record))
    return out


def _ocr(src: Path, target: Path, *extra: str) -> str | None:
    r = subprocess.run([*OCRMYPDF, *extra, str(src), str(target)], capture_output=True, timeout=1800)
    if r.returncode != 0:
        target.unlink(missing_ok=True)
        return r.stderr.decode("utf-8", "replace").strip().splitlines()[-1:][0] if r.stderr else f"rc {r.returncode}"
    return None


def _images(dpi: int, *extra: str):
    """pdftoppm pages at ``dpi`` into one image PDF (img2pdf), then ocrmypdf over it."""
    def run(src: Path, target: Path) -> str | None:
        with tempfile.TemporaryDirectory() as tmp:
            subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", str(src), f"{tmp}/p"], check=True,
                           capture_output=True, timeout=600)
            pages = sorted(Path(tmp).glob("p*.png"))
            image_pdf = Path(tmp) / "pages.pdf"
            subprocess.run(["img2pdf", *map(str, pages), "-o", str(image_pdf)], check=True, capture_output=True,
                           timeout=600)
            return _ocr(image_pdf, target, *extra)
    return run


# variety -> (inputs, how to make KEY.pdf from a source PDF)
VARIETIES = {
    "scan": (scans, lambda src, target: _ocr(src, target)),
    "force": (lambda: scans() + texts(), lambda src, target: _ocr(src, target, "--force-ocr")),
    "img150": (lambda: scans() + texts(), _images(150)),
    "img300": (lambda: scans() + texts(), _images(300)),
    "sandwich200": (lambda: scans() + texts(), _images(200, "--pdf-renderer", "sandwich")),
    "ho200": (held_out, _images(200)),
}


def make(only: set[str] | None) -> list[str]:
    """Write the outputs that are not there yet; notes on what failed or is missing."""
    missing = [t for t in ("ocrmypdf", "img2pdf", "pdftoppm") if not shutil.which(t)]
    if missing:
        return [f"{', '.join(missing)} not installed: nothing made (apt-get install ocrmypdf img2pdf poppler-utils)"]
    notes = []
    for variety, (docs, how) in VARIETIES.items():
        if only and variety not in only:
            continue
        folder = OUT / variety
        folder.mkdir(parents=True, exist_ok=True)
        for key, pdf, _ in docs():
            target = folder / f"{key}.pdf"
            if target.exists():
                continue
            try:
                err = how(pdf, target)
            except (subprocess.SubprocessError, OSError) as e:
                err = str(e)
            if err:
                notes.append(f"{variety}: {key}: {err}")
    return notes


def main(argv: list[str]) -> int:
    only = options(argv, OUT)
    notes = make(only)
    if "--layer" in argv:  # as without the OCR extra: the hidden layer is read, with OCR caution
        from nianbao.errors import MissingDependency
        from nianbao.ingest import ocr

        def missing(name: str) -> None:
            raise MissingDependency(f"{name}：--layer", "ocr_missing")

        ocr.require = missing
    score = load_score(SHARED / "tools" / "score.py")
    expected = OUT / "expected"
    expected.mkdir(parents=True, exist_ok=True)
    for key, _, record in scans() + texts() + held_out():
        target = expected / f"{key}.json"
        if not target.exists() or target.read_bytes() != record.read_bytes():
            shutil.copyfile(record, target)
    rows = []
    for folder in sorted(p for p in OUT.iterdir() if p.is_dir() and p.name != "expected"):
        if only and folder.name not in only:
            continue
        t0 = time.monotonic()
        files = score_folder(score, folder, expected, "--wrong" in argv)
        per = [f"{f.stem}:{r}/{n}" + (f"!{w}" if w else "") for f, r, n, w in files]
        if "--time" in argv:
            per.insert(0, f"[{time.monotonic() - t0:.0f}s]")
        rows.append((folder.name, files, per))
    print_table(rows, "per file (right/fields!wrong)", name_width=12, right_width=6)
    for n in notes:
        print(n)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
