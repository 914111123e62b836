"""Phone photos of printed report pages, scored per variant like score_saveas.py.

    .venv/bin/python bench/score_photos.py [--wrong] [--regen] [--only VARIANT,VARIANT] [--all-held-out] [--time]

Inputs: the shared text PDFs with records (r000, r000dense, r001, huaian2024) and a few held-out PDFs
(build/holdout/_src, STEM.nr.pdf / STEM.lo.pdf; --all-held-out takes every one with a record). Their table
pages (those holding 表二/表三/表四, found from the provenance of nianbao's own reading of the text layer) are
rendered by pdftoppm at 150 dpi and photographed by photosynth.py (seeded, so the same photos every run):
the page on a brown desk, turned and keystoned, lit from one side, blurred, noisy, JPEG-compressed.

Levels: mild (keystone ≤ 5 %, turn ≤ 1.5°, flat desk, q80), moderate (keystone ≤ 8 %, turn ≤ 4°, darker
side, grained desk, more blur, q70), curl (a gentle page curl, keystone ≤ 5 %). Each level is written two
ways: ``LEVEL-jpg`` one JPEG per page (scored on the tables wholly on that page), ``LEVEL-pdf`` the table
pages' photos in one PDF (img2pdf, as a phone's scanner app or a person puts them together; scored on the
tables of those pages). ``flat-pdf`` is the same pages rendered and put into a PDF unphotographed: the ceiling.
Only the table sections are scored (active 表二, requests 表三, appeals 表四), as the scans' records hold only
what their pages show. Outputs and their records go to build/photos/VARIANT/ (made once; --regen again).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
import time
import zlib
from pathlib import Path

import numpy as np
from photosynth import LEVELS, photo
from PIL import Image
from scoring import load_score, print_table, score_folder, short_files

import nianbao

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent / "shared"
SAMPLES = SHARED / "research" / "samples"
HOLDOUT = HERE.parent / "build" / "holdout"
OUT = HERE.parent / "build" / "photos"
HELD_OUT = ("pt01.nr", "pt05z.nr", "pt16.lo", "seed002.nr")  # a few: OCR takes seconds a page
SECTIONS = ("active", "requests", "appeals")  # 表二, 表三, 表四
DPI = 150


def documents(all_held_out: bool) -> list[tuple[str, Path, Path]]:
    """(key, text PDF, expected record)."""
    out = [(s, SAMPLES / f"{s}.pdf", SAMPLES / "expected" / f"{s}.pdf.json") for s in ("r000", "r000dense", "r001")]
    out.append(("huaian2024", SHARED / "corpus" / "huaian2024.pdf", SHARED / "corpus" / "expected" / "huaian2024.json"))
    src = HOLDOUT / "_src"
    names = sorted(p.name[:-4] for p in src.glob("*.pdf")) if all_held_out else HELD_OUT
    for name in names:
        stem = name.split(".")[0]
        pdf, record = src / f"{name}.pdf", HOLDOUT / "expected" / f"{stem}.json"
        if pdf.exists() and record.exists():
            out.append((name.replace(".", "-"), pdf, record))
    return out


def section_pages(pdf: Path) -> dict[str, set[int]]:
    """The pages each table section's cells stand on, from nianbao's reading of the text layer."""
    record = nianbao.parse(pdf)
    pages: dict[str, set[int]] = {s: set() for s in SECTIONS}
    for path, prov in record.provenance.items():
        section = path.split(".")[0]
        if section in pages and prov.page:
            pages[section].add(prov.page)
    return pages


def subset(expected: dict, pages: dict[str, set[int]], shown: set[int]) -> dict:
    """The expected record's table sections whose every cell stands on the ``shown`` pages."""
    return {s: expected[s] for s in SECTIONS if s in expected and pages[s] and pages[s] <= shown}


def render(pdf: Path, page: int, tmp: Path) -> np.ndarray:
    subprocess.run(["pdftoppm", "-r", str(DPI), "-f", str(page), "-l", str(page), "-png", str(pdf), f"{tmp}/p"],
                   check=True, capture_output=True, timeout=300)
    out = next(tmp.glob("p*.png"))
    img = np.asarray(Image.open(out).convert("RGB"))
    out.unlink()
    return img


def make(docs: list[tuple[str, Path, Path]], variants: list[str]) -> list[str]:
    """Write the photos and records not there yet; notes on what was skipped."""
    notes = []
    for key, pdf, record in docs:
        todo = [v for v in variants if not (OUT / v / ".done" / key).exists()]
        if not todo:
            continue
        pages = section_pages(pdf)
        table_pages = sorted(set().union(*pages.values()))
        expected = json.loads(record.read_text())
        if not table_pages:
            notes.append(f"{key}: no table pages found in its text layer, skipped")
            continue
        with tempfile.TemporaryDirectory(prefix="photos-") as tmpdir:
            tmp = Path(tmpdir)
            images = {p: render(pdf, p, tmp) for p in table_pages}
            for variant in todo:
                level, way = variant.rsplit("-", 1)
                folder = OUT / variant
                (folder / "expected").mkdir(parents=True, exist_ok=True)
                shots = {}
                for p, img in images.items():
                    if level == "flat":
                        buf = tmp / f"flat{p}.png"
                        Image.fromarray(img).save(buf, dpi=(DPI, DPI))
                        shots[p] = buf.read_bytes()
                    else:
                        shots[p] = photo(img, level, zlib.crc32(f"{key}/{p}/{level}".encode()))
                if way == "jpg":
                    for p, data in shots.items():
                        part = subset(expected, pages, {p})
                        if part:
                            (folder / f"{key}-p{p}.jpg").write_bytes(data)
                            (folder / "expected" / f"{key}-p{p}.json").write_text(json.dumps(part, ensure_ascii=False))
                else:
                    files = []
                    for p, data in shots.items():
                        f = tmp / f"{variant}-{p}.{'png' if level == 'flat' else 'jpg'}"
                        f.write_bytes(data)
                        files.append(str(f))
                    subprocess.run(["img2pdf", *files, "-o", str(folder / f"{key}.pdf")], check=True,
                                   capture_output=True, timeout=300)
                    part = subset(expected, pages, set(table_pages))
                    (folder / "expected" / f"{key}.json").write_text(json.dumps(part, ensure_ascii=False))
                (folder / ".done").mkdir(exist_ok=True)
                (folder / ".done" / key).touch()
    return notes


def main(argv: list[str]) -> int:
    variants = [f"{lv}-{way}" for lv in LEVELS for way in ("jpg", "pdf")] + ["flat-pdf"]
    if "--only" in argv:
        only = set(argv[argv.index("--only") + 1].split(","))
        variants = [v for v in variants if v in only]
    missing = [t for t in ("pdftoppm", "img2pdf") if not shutil.which(t)]
    if missing:
        print(f"{', '.join(missing)} not installed: nothing made (apt-get install poppler-utils img2pdf)")
        return 1
    if "--regen" in argv:
        for v in variants:
            shutil.rmtree(OUT / v, ignore_errors=True)
    docs = documents("--all-held-out" in argv)
    notes = make(docs, variants)
    score = load_score()
    rows = []
    for v in variants:
        t0 = time.monotonic()
        files = score_folder(score, OUT / v, OUT / v / "expected", "--wrong" in argv)
        per = short_files(files)
        if "--time" in argv:
            per.insert(0, f"{time.monotonic() - t0:.0f}s")
        rows.append((v, files, per))
    print_table(rows, "files not all right (right/fields!wrong)", name_width=14, right_width=6)
    for n in notes:
        print(n)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
