"""The shared HTML and DOCX samples as text tools write them, scored per tool like score_converters.py.

    .venv/bin/python bench/score_texttools.py [--wrong] [--regen]

Inputs: shared/research/samples r000, r000dense, r001 (.html and .docx) with their hand-read records.
Tools, each skipped with a note when it is not installed: w3m and lynx dumps; pandoc from the page and
from the DOCX to rst, markdown, gfm, commonmark, markdown_strict, plain, org, textile, asciidoc and
mediawiki; and two renderings made here with lxml: the page's text flattened (text_content(), as a
crawler keeps it) and its paragraphs as lines with each table as one line of HTML (as MinerU and other
PDF→Markdown tools write tables); and the DOCX's tables as CSV lines (python-docx cells); and the page opened in LibreOffice Calc and saved as
XLSX and ODS (every table on one sheet). Outputs go to build/texttools/TOOL/STEM.txt (.xlsx, .ods), made once (--regen
makes them again); then every folder is parsed and scored in this process.
"""

from __future__ import annotations

import csv
import io
import re
import shutil
import subprocess
import sys
from pathlib import Path

from lxml import etree, html
from scoring import every_file, score_folders

HERE = Path(__file__).resolve().parent
SAMPLES = HERE.parent.parent / "shared" / "research" / "samples"
OUT = HERE.parent / "build" / "texttools"
STEMS = ("r000", "r000dense", "r001")
PANDOC = ("rst", "markdown", "gfm", "commonmark", "markdown_strict", "plain", "org", "textile", "asciidoc",
          "mediawiki")


def _run(cmd: list[str], data: bytes | None = None) -> bytes | None:
    try:
        r = subprocess.run(cmd, input=data, capture_output=True, timeout=120)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return r.stdout if r.returncode == 0 else None


def _body(stem: str):
    root = html.fromstring((SAMPLES / f"{stem}.html").read_bytes())
    found = root.xpath("//*[@id='zoom']")
    return found[0] if found else root


def _tables_as_html(stem: str) -> str:
    lines = []
    for el in _body(stem).iter("p", "table", "h1", "h2", "h3"):
        if any(a.tag == "table" for a in el.iterancestors()):
            continue
        if el.tag == "table":
            for t in el.iter():
                for k in [k for k in t.attrib if k not in ("rowspan", "colspan")]:
                    del t.attrib[k]
            lines.append(re.sub(r">\s+<", "><", etree.tostring(el, encoding="unicode", method="html")).replace("\n", ""))
        elif text := "".join(el.itertext()).strip():
            lines.append(("# " if el.tag.startswith("h") else "") + text)
    return "\n\n".join(lines) + "\n"


def _docx_as_csv(stem: str) -> str:
    """The DOCX's paragraphs as lines and its tables' rows as CSV lines (python-docx cells: a merged
    cell once per slot it covers), as a spreadsheet's or a table extractor's CSV keeps them."""
    import docx  # python-docx, a dependency of nianbao's DOCX reader
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    d = docx.Document(str(SAMPLES / f"{stem}.docx"))
    out = io.StringIO()
    rows = csv.writer(out, lineterminator="\n")
    for el in d.element.body.iterchildren():
        if el.tag.endswith("}p"):
            out.write(Paragraph(el, d).text + "\n")
        elif el.tag.endswith("}tbl"):
            for row in Table(el, d).rows:
                rows.writerow([c.text.replace("\n", " ") for c in row.cells])
    return out.getvalue()


def _calc(stem: str, ext: str) -> bytes | None:
    """The page opened in LibreOffice Calc and saved as a spreadsheet: every table on one sheet."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        _run(["soffice", "--headless", "--infilter=HTML (StarCalc)", "--convert-to", ext, "--outdir", tmp,
              str(SAMPLES / f"{stem}.html")])
        out = Path(tmp) / f"{stem}.{ext}"
        return out.read_bytes() if out.exists() else None


def make() -> list[str]:
    """Write the outputs that are not there yet; the notes on tools that are missing."""
    notes = []
    jobs: dict[str, list[tuple[str, object]]] = {}
    for stem in STEMS:
        page, docx = SAMPLES / f"{stem}.html", SAMPLES / f"{stem}.docx"
        jobs.setdefault("w3m", []).append((stem, ["w3m", "-dump", "-T", "text/html", "-cols", "200", "-O", "UTF-8", str(page)]))
        jobs.setdefault("lynx", []).append((stem, ["lynx", "-dump", "-nolist", "-width=200", "-display_charset=utf-8", str(page)]))
        for fmt in PANDOC:
            jobs.setdefault(f"pandoc-html-{fmt}", []).append((stem, ["pandoc", "-f", "html", "-t", fmt, str(page)]))
            jobs.setdefault(f"pandoc-docx-{fmt}", []).append((stem, ["pandoc", "-f", "docx", "-t", fmt, str(docx)]))
        jobs.setdefault("lxml-flat", []).append((stem, lambda s=stem: _body(s).text_content()))
        jobs.setdefault("lxml-tables-as-html", []).append((stem, lambda s=stem: _tables_as_html(s)))
        jobs.setdefault("python-docx-csv", []).append((stem, lambda s=stem: _docx_as_csv(s)))
        for ext in ("xlsx", "ods"):
            jobs.setdefault(f"calc-{ext}", []).append((stem, ["soffice", ext]))
    for tool, items in jobs.items():
        exe = items[0][1][0] if isinstance(items[0][1], list) else None
        if exe and shutil.which(exe) is None:
            notes.append(f"{tool}: {exe} is not installed, skipped")
            continue
        folder = OUT / tool
        folder.mkdir(parents=True, exist_ok=True)
        for stem, how in items:
            calc = isinstance(how, list) and how[0] == "soffice"
            target = folder / f"{stem}.{how[1] if calc else 'txt'}"
            if target.exists():
                continue
            if calc:
                data = _calc(stem, how[1])
            else:
                data = _run(how) if isinstance(how, list) else how().encode("utf-8")
            if data:
                target.write_bytes(data)
    return notes


def main(argv: list[str]) -> int:
    if "--regen" in argv and OUT.exists():
        shutil.rmtree(OUT)
    notes = make()
    expected = OUT / "expected"
    expected.mkdir(exist_ok=True)

    def folders():
        for folder in sorted(p for p in OUT.iterdir() if p.is_dir() and p.name != "expected"):
            kind = "docx" if "docx-" in folder.name else "html"
            for stem in STEMS:  # the expected record of the source the tool read, laid just before it is scored
                shutil.copyfile(SAMPLES / "expected" / f"{stem}.{kind}.json", expected / f"{stem}.json")
            yield folder.name, folder, expected

    score_folders(folders(), "--wrong" in argv, every_file, "per file (right/fields!wrong)", name_width=26)
    for n in notes:
        print(n)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
