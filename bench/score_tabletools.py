"""PDFs through table extractors and tesseract's structured outputs, scored per tool like score_texttools.py.

    .venv/bin/python bench/score_tabletools.py [--wrong] [--regen] [--only NAME,NAME] [--no-tess]

What a researcher gets when they run a table tool over a published report and give nianbao its output.
Inputs: the converters corpus' PDFs (shared/research/samples r000, r000dense, r001, their scans, and
shared/corpus/huaian2024.pdf; set ``corpus``) with its expected records, and the held-out set's PDFs
(build/holdout/_src: nianbao's renders ``nrpdf``, LibreOffice's prints of the reports' text ``lopdf``)
with build/holdout/expected. Text-layer tools read every held-out document; tesseract reads the table
pages of ten of them (the held-out set's OCR_STEMS, nianbao's renders) and of the corpus PDFs.

Tools (each skipped with a note when it is not installed; they run in the bench-only virtualenv
build/tabletools/.venv, made by hand: ``python3 -m venv build/tabletools/.venv &&
build/tabletools/.venv/bin/pip install pymupdf pdfplumber camelot-py tabula-py pandas tabulate``):
pdfplumber ``extract_tables()`` as CSV (one file, tables separated by a blank line) and as Markdown pipe
tables; PyMuPDF ``find_tables()`` as ``to_markdown()`` and as pandas CSV; camelot lattice and stream as CSV
and as ``DataFrame.to_markdown``; tabula-py lattice and stream as CSV (java; without jpype each call
starts a JVM); unstructured ``partition_pdf(strategy="fast")``, an element a line and its tables as HTML,
when it imports (it does not here: its PDF partitioner imports unstructured-inference, which needs torch
and a model hub); tesseract 5 (chi_sim, 300 dpi, --psm 4, pages as pdftoppm renders them, one run over a
list of the table pages) as ``tsv``, ``hocr``, ``alto`` and ``txt`` with ``preserve_interword_spaces=1``.
The build takes about 12 minutes on the two shared cores (tabula's JVMs and tesseract most of it).

Outputs: build/tabletools/SET/TOOL/STEM.EXT, made once (--regen makes them again); the table rows are
SET-TOOL. Then every folder is parsed by nianbao in this process and scored with shared/tools/score.py.
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
SHARED = REPO.parent / "shared"
OUT = REPO / "build" / "tabletools"
TOOLS_PY = OUT / ".venv" / "bin" / "python"
HOLDOUT = REPO / "build" / "holdout"
SAMPLES = SHARED / "research" / "samples"
CONVERTERS = SHARED / "corpus" / "converters"
# the held-out documents tesseract reads (score_holdout.OCR_STEMS)
OCR_STEMS = ("seed002", "seed003", "seed004", "pt01", "pt06", "pt14", "pt20", "pt06z", "pt20z", "seed004z")
TABLE_WORDS = ("申请人情况", "本年新收", "行政复议", "制发件数", "处理决定", "主动公开", "结转下年度", "尚未审结",
               "行政诉讼", "不予公开")
# a family of tools is one run of a library over a file, written in several forms:
# family → (module it needs in the tools virtualenv, {tool: output extension})
FAMILIES = {
    "plumber": ("pdfplumber", {"plumber-csv": ".csv", "plumber-md": ".md"}),
    "pymupdf": ("pymupdf", {"pymupdf-md": ".md", "pymupdf-csv": ".csv"}),
    "camelot-lattice": ("camelot", {"camelot-lattice-csv": ".csv", "camelot-lattice-md": ".md"}),
    "camelot-stream": ("camelot", {"camelot-stream-csv": ".csv", "camelot-stream-md": ".md"}),
    "tabula-lattice": ("tabula", {"tabula-lattice-csv": ".csv"}),
    "tabula-stream": ("tabula", {"tabula-stream-csv": ".csv"}),
    "unstructured": ("unstructured.partition.pdf", {"unstructured-fast": ".txt"}),
}
TESS_OUTPUTS = {"tess-tsv": ".tsv", "tess-hocr": ".hocr", "tess-alto": ".xml", "tess-txt-spaces": ".txt"}


# ---- conversions, run in the tools virtualenv (``--convert``) -----------------------------------------

def _csv_text(tables: list[list[list[object]]]) -> str:
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    for i, rows in enumerate(tables):
        if i:
            out.write("\n")
        for row in rows:
            w.writerow(["" if c is None else str(c) for c in row])
    return out.getvalue()


def _md_table(rows: list[list[object]]) -> str:
    """A pipe table the way tabulate's "github" format writes one (first row as header, newlines as <br>)."""
    rows = [["" if c is None else str(c).replace("\n", "<br>").replace("|", "\\|") for c in r] for r in rows]
    if not rows:
        return ""
    n = max(len(r) for r in rows)
    rows = [r + [""] * (n - len(r)) for r in rows]
    lines = ["| " + " | ".join(rows[0]) + " |", "|" + "|".join("---" for _ in range(n)) + "|"]
    lines += ["| " + " | ".join(r) + " |" for r in rows[1:]]
    return "\n".join(lines)


def convert(family: str, pdf: Path) -> dict[str, str]:
    """{tool: its output} of one run of ``family`` over ``pdf``."""
    if family == "plumber":
        import pdfplumber

        tables = []
        with pdfplumber.open(pdf) as doc:
            for page in doc.pages:
                tables.extend(page.extract_tables())
        return {"plumber-csv": _csv_text(tables), "plumber-md": "\n\n".join(_md_table(t) for t in tables) + "\n"}
    if family == "pymupdf":
        import pymupdf

        doc = pymupdf.open(pdf)
        md, csvs = [], []
        for page in doc:
            for t in page.find_tables().tables:
                md.append(t.to_markdown())
                csvs.append(t.to_pandas().to_csv(index=False))
        return {"pymupdf-md": "\n".join(md), "pymupdf-csv": "\n".join(csvs)}
    if family.startswith("camelot-"):
        import camelot

        tables = camelot.read_pdf(str(pdf), pages="all", flavor=family.split("-")[1])
        return {f"{family}-csv": _csv_text([t.df.values.tolist() for t in tables]),
                f"{family}-md": "\n\n".join(t.df.to_markdown(index=False) for t in tables) + "\n"}
    if family.startswith("tabula-"):
        import tabula

        with tempfile.TemporaryDirectory() as tmp:
            target = Path(tmp) / "out.csv"
            tabula.convert_into(str(pdf), str(target), output_format="csv", pages="all",
                                lattice=family.endswith("lattice"), silent=True)
            return {f"{family}-csv": target.read_text() if target.exists() else ""}
    if family == "unstructured":
        from unstructured.partition.pdf import partition_pdf

        lines = []
        for el in partition_pdf(str(pdf), strategy="fast", infer_table_structure=False):
            html = getattr(el.metadata, "text_as_html", None)
            lines.append(html if html else el.text.replace("\n", " "))
        return {"unstructured-fast": "\n".join(lines) + "\n"}
    raise ValueError(family)


def convert_main(argv: list[str]) -> int:
    """``--convert`` with a JSON list of [family, pdf, {tool: target}] on stdin: write each target that
    has text; an empty output (no table found) leaves a TARGET.none marker, so it is not made again."""
    import warnings

    warnings.filterwarnings("ignore")
    for family, pdf, targets in json.loads(sys.stdin.read()):
        try:
            texts = convert(family, Path(pdf))
        except Exception as e:  # noqa: BLE001 - a tool's failure on one file is its result
            print(f"{family} {Path(pdf).name}: {type(e).__name__}: {str(e)[:150]}", file=sys.stderr)
            texts = {}
        for tool, target in targets.items():
            text = texts.get(tool, "")
            Path(target).write_text(text) if text.strip() else Path(target).with_suffix(".none").touch()
    return 0


# ---- inputs -------------------------------------------------------------------------------------------

def inputs() -> list[tuple[str, str, Path]]:
    """(set, stem, pdf) for every input with an expected record (copied to OUT/expected)."""
    exp = OUT / "expected"
    exp.mkdir(parents=True, exist_ok=True)
    out = []
    for pdf in sorted([*SAMPLES.glob("*.pdf"), SHARED / "corpus" / "huaian2024.pdf"]):
        e = CONVERTERS / "expected" / f"{pdf.stem}.json"
        if e.exists():
            shutil.copy(e, exp / e.name)
            out.append(("corpus", pdf.stem, pdf))
    for kind, tag in (("nrpdf", "nr"), ("lopdf", "lo")):
        for pdf in sorted((HOLDOUT / "_src").glob(f"*.{tag}.pdf")):
            stem = pdf.name.split(".")[0]
            e = HOLDOUT / "expected" / f"{stem}.json"
            if e.exists():
                shutil.copy(e, exp / e.name)
                out.append((kind, stem, pdf))
    return out


def _have(module: str) -> bool:
    if not TOOLS_PY.exists():
        return False
    return subprocess.run([str(TOOLS_PY), "-c", f"import {module}"], capture_output=True).returncode == 0


def make_text_tools(docs: list[tuple[str, str, Path]], only: set[str] | None) -> list[str]:
    notes = []
    jobs = []
    for family, (module, tools) in FAMILIES.items():
        if only and not any(f"{s}-{t}" in only for s in ("corpus", "nrpdf", "lopdf") for t in tools):
            continue
        todo = []
        for s, stem, pdf in docs:
            targets = {t: str(OUT / s / t / f"{stem}{ext}") for t, ext in tools.items()}
            if not all(Path(x).exists() or Path(x).with_suffix(".none").exists() for x in targets.values()):
                todo.append([family, str(pdf), targets])
        if not todo:
            continue
        if not _have(module):
            notes.append(f"{family}: {module} cannot be imported in {TOOLS_PY.parent.parent}, skipped")
            continue
        for _, _, targets in todo:
            for x in targets.values():
                Path(x).parent.mkdir(parents=True, exist_ok=True)
        jobs.extend(todo)
    if jobs:  # two processes, each over every other job (the machine has two cores)
        procs = [subprocess.Popen(["nice", str(TOOLS_PY), __file__, "--convert"], stdin=subprocess.PIPE,
                                  text=True, env={**os.environ, "OMP_THREAD_LIMIT": "1"})
                 for _ in range(2)]
        for i, p in enumerate(procs):
            assert p.stdin is not None
            p.stdin.write(json.dumps(jobs[i::2]))
            p.stdin.close()
        for p in procs:
            p.wait()
    return notes


def _table_pages(pdf: Path) -> list[int]:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    n = int(info.split("Pages:")[1].split()[0])
    pages = []
    for i in range(1, n + 1):
        text = subprocess.run(["pdftotext", "-f", str(i), "-l", str(i), str(pdf), "-"], capture_output=True,
                              text=True).stdout
        if any(w in text for w in TABLE_WORDS):
            pages.append(i)
    return pages or list(range(1, n + 1))  # a scan has no text layer: every page


def _tess_one(s: str, stem: str, pdf: Path) -> None:
    """tesseract over a list of the table pages (300 dpi, psm 4): one run writes tsv, hocr, alto and txt."""
    with tempfile.TemporaryDirectory() as tmp:
        pngs = []
        for i in _table_pages(pdf):
            subprocess.run(["pdftoppm", "-r", "300", "-gray", "-png", "-f", str(i), "-l", str(i), str(pdf),
                            f"{tmp}/p{i:03d}"], check=True)
            pngs.extend(sorted(Path(tmp).glob(f"p{i:03d}*.png")))
        listing = Path(tmp) / "pages.txt"
        listing.write_text("".join(f"{p}\n" for p in pngs))
        base = Path(tmp) / "out"
        subprocess.run(["nice", "tesseract", str(listing), str(base), "-l", "chi_sim", "--psm", "4",
                        "-c", "preserve_interword_spaces=1", "tsv", "hocr", "alto", "txt"],
                       capture_output=True, env={**os.environ, "OMP_THREAD_LIMIT": "1"}, timeout=1800)
        for tool, ext in TESS_OUTPUTS.items():
            made = base.with_suffix({".hocr": ".hocr", ".xml": ".xml", ".tsv": ".tsv", ".txt": ".txt"}[ext])
            if made.exists():
                (OUT / s / tool).mkdir(parents=True, exist_ok=True)
                shutil.copy(made, OUT / s / tool / f"{stem}{ext}")


def make_tess(docs: list[tuple[str, str, Path]]) -> list[str]:
    if not (shutil.which("tesseract") and shutil.which("pdftoppm")):
        return ["tesseract or pdftoppm not installed: no tesseract outputs"]
    todo = [(s, stem, pdf) for s, stem, pdf in docs
            if (s == "corpus" or (s == "nrpdf" and stem in OCR_STEMS))
            and not (OUT / s / "tess-hocr" / f"{stem}.hocr").exists()]
    with ThreadPoolExecutor(2) as pool:
        list(pool.map(lambda d: _tess_one(*d), todo))
    return []


# ---- scoring ------------------------------------------------------------------------------------------

def main(argv: list[str]) -> int:
    if argv[:1] == ["--convert"]:
        return convert_main(argv[1:])
    sys.path.insert(0, str(HERE))
    from scoring import score_folders, short_files  # imports nianbao, which the tools' virtualenv (--convert) has not

    only = set(argv[argv.index("--only") + 1].split(",")) if "--only" in argv else None
    if "--regen" in argv:
        for s in ("corpus", "nrpdf", "lopdf"):
            shutil.rmtree(OUT / s, ignore_errors=True)
    docs = inputs()
    notes = make_text_tools(docs, only)
    if "--no-tess" not in argv:
        notes += make_tess(docs)
    folders = [(f"{s}-{p.name}", p, OUT / "expected") for s in ("corpus", "nrpdf", "lopdf") if (OUT / s).exists()
               for p in sorted((OUT / s).iterdir()) if p.is_dir() and not (only and f"{s}-{p.name}" not in only)]
    score_folders(folders, "--wrong" in argv, short_files,
                  "files not all right (right/fields!wrong)", name_width=34, right_width=11)
    for n in notes:
        print("note:", n)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
