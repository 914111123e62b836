"""Word documents of many table layouts, as nianbao and popular DOCX→text tools read them, scored per tool.

    .venv/bin/python bench/score_synthdocx.py [--wrong] [--regen] [--only TOOL,TOOL] [--synth N] [--start S]
        [--tools-python PATH]

Clerks write the reports in Word with the tables the web pages show. The pages of tests/htmlsynth.py (seeds
S… (default 0), N of them (default 300), as bench/score_webtext.py's synth set, each with the cells it
shows) are turned into DOCX by LibreOffice in one batch call (``soffice --convert-to docx``; it keeps the
merged header cells as gridSpan/vMerge, checked with python-docx) and each DOCX is read:

* ``_docx``: nianbao itself (``nianbao.parse`` on the .docx, the product path);
* pandoc ``-t gfm`` and ``-t plain``; python-docx's cells as TSV (a merged cell once per slot it spans, as
  the corpus' docx-pydocx-tsv); LibreOffice's ``txt:Text``;
* ``_doc`` (only when ``--only`` names it: LibreOffice converts each file, ~5 s): nianbao itself on the
  DOCX saved again as a Word 97 .doc (below), the product path of a .doc;
* the DOCX saved again as a Word 97 .doc by LibreOffice (``doc:MS Word 97``, in one batch call: the old format
  many sites still publish) and that read by the old-Word text tools researchers and crawlers run on a .doc
  (textract calls antiword; Debian's antiword, catdoc and wv): ``doc-antiword`` (``antiword -m UTF-8.txt``,
  tables drawn with 「|」), ``doc-catdoc`` (``catdoc -d utf-8``: cells tab-separated, lines wrapped at 72
  characters, as it runs by default) and ``doc-wvtext`` (``wvText``, through its HTML and elinks/lynx);
* from a bench venv's Python, ``--tools-python`` (default build/synthdocx/.venv/bin/python), made with
  ``python3 -m venv build/synthdocx/.venv && build/synthdocx/.venv/bin/pip install docx2txt mammoth
  markitdown docx2python 'lxml<6'``: docx2txt, mammoth (HTML and Markdown), markitdown, docx2python
  (markitdown 0.1.9 loses the XML namespaces of every DOCX under lxml 6, and then converts none; docx2python
  asks for lxml 6 but reads these with 5.4).

Each tool is skipped with a note when it is not installed; none is a dependency of nianbao. Outputs go to
build/synthdocx/TOOL/STEM.*, made once (``--regen`` makes them again); then every folder is parsed and
scored in this process (bench/scoring.py): fields right and WRONG non-null values per tool.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = ROOT / "build" / "synthdocx"
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
PANDOC = shutil.which("pandoc")
ANTIWORD = shutil.which("antiword")
CATDOC = shutil.which("catdoc")
WVTEXT = shutil.which("wvText")
PY_TOOLS = {"docx2txt": ".txt", "mammoth-html": ".html", "mammoth-md": ".md", "markitdown": ".md",
            "docx2python": ".txt"}


# ---- in the tools' venv: ``score_synthdocx.py --convert`` reads [tool, src, out] jobs on stdin -------------
def _python_tools() -> dict:
    import docx2python
    import docx2txt
    import mammoth
    from markitdown import MarkItDown

    md = MarkItDown()

    def d2p(p: str) -> str:
        with docx2python.docx2python(p) as d:
            return d.text

    def mam(p: str, fn) -> str:
        with open(p, "rb") as f:
            return fn(f).value

    return {
        "docx2txt": docx2txt.process,
        "mammoth-html": lambda p: mam(p, mammoth.convert_to_html),
        "mammoth-md": lambda p: mam(p, mammoth.convert_to_markdown),
        "markitdown": lambda p: md.convert(p).text_content,
        "docx2python": d2p,
    }


def convert_jobs() -> int:
    tools = _python_tools()
    for tool, src, out in json.loads(sys.stdin.read()):
        try:
            Path(out).write_text(tools[tool](src), encoding="utf-8")
        except Exception as e:  # noqa: BLE001 - one file a tool cannot convert is a note, not the end
            print(tool, Path(src).name, type(e).__name__, str(e)[:80])
    return 0


# ---- in nianbao's venv ------------------------------------------------------------------------------------
def merges(docx: Path) -> tuple[int, int, int]:
    """(tables, gridSpan cells, vMerge cells) of a DOCX, by python-docx: the merged cells are really there."""
    import docx as pydocx

    d = pydocx.Document(str(docx))
    xml = d.element.xml
    return len(d.tables), xml.count("<w:gridSpan "), xml.count("<w:vMerge")


def _soffice(srcs: list[Path], to: str, outdir: Path) -> None:
    """LibreOffice batch calls, with a profile of their own (another soffice running does not block them).
    A long batch sometimes ends early (soffice stops after a few hundred files): the files not made yet are
    given again, as long as a call makes some."""
    outdir.mkdir(parents=True, exist_ok=True)
    ext = "." + to.split(":")[0]
    while srcs:
        with tempfile.TemporaryDirectory() as prof:
            subprocess.run([SOFFICE, f"-env:UserInstallation=file://{prof}", "--headless", "--convert-to", to,
                            "--outdir", str(outdir), *map(str, srcs)], capture_output=True, check=False, timeout=3600)
        left = [s for s in srcs if not (outdir / f"{s.stem}{ext}").exists()]
        if len(left) == len(srcs):
            print(f"LibreOffice 未能转换 {len(left)} 个文件：{', '.join(s.name for s in left[:5])}")
            return
        srcs = left


def make_docx(base: Path) -> None:
    """base/_docx/STEM.docx of each base/src/STEM.html not made yet; a note of their tables and merges."""
    todo = [s for s in sorted((base / "src").glob("*.html")) if not (base / "_docx" / f"{s.stem}.docx").exists()]
    _soffice(todo, "docx:MS Word 2007 XML", base / "_docx")
    docs = sorted((base / "_docx").glob("*.docx"))
    t = g = v = 0
    for d in docs:
        a, b, c = merges(d)
        t, g, v = t + a, g + b, v + c
    print(f"{len(docs)} 个 DOCX：{t} 个表格，{g} 个横向合并单元格（gridSpan），{v} 个纵向合并单元格（vMerge）")


def make_outputs(base: Path, only: set[str] | None, tools_python: Path) -> list[str]:
    """Each tool's text of each DOCX not made yet; the names of the tools that are there."""
    docs = sorted((base / "_docx").glob("*.docx"))

    def want(tool: str, ext: str) -> list[tuple[Path, Path]]:
        if only is not None and tool not in only:
            return []
        (base / tool).mkdir(parents=True, exist_ok=True)
        return [(d, base / tool / f"{d.stem}{ext}") for d in docs if not (base / tool / f"{d.stem}{ext}").exists()]

    made = []
    if PANDOC:
        for tool, fmt in (("pandoc-gfm", "gfm"), ("pandoc-plain", "plain")):
            for d, out in want(tool, ".txt"):
                subprocess.run([PANDOC, "-f", "docx", "-t", fmt, "--wrap=none", "-o", str(out), str(d)], check=False)
            made.append(tool)
    else:
        print("跳过 pandoc-gfm, pandoc-plain：没有 pandoc")
    from score_holdout import pydocx_tsv  # (the held-out set's docx tool, the same cells)

    for d, out in want("pydocx-tsv", ".txt"):
        out.write_text(pydocx_tsv(d), encoding="utf-8")
    made.append("pydocx-tsv")
    if SOFFICE:
        todo = want("lo-txt", ".txt")
        _soffice([d for d, _ in todo], "txt:Text", base / "lo-txt")
        made.append("lo-txt")
    else:
        print("跳过 lo-txt：没有 LibreOffice")
    made += _doc_tools(base, want, only is not None and "_doc" in only)
    py_ok = tools_python.exists() and subprocess.run(
        [str(tools_python), "-c", "import docx2txt, mammoth, markitdown, docx2python"], capture_output=True).returncode == 0
    wanted = [t for t in PY_TOOLS if only is None or t in only]
    if wanted and not py_ok:
        print(f"跳过 {', '.join(wanted)}：{tools_python} 中没有这些 Python 包（见本脚本说明）")
    elif wanted:
        jobs = [[t, str(d), str(out)] for t in wanted for d, out in want(t, PY_TOOLS[t])]
        if jobs:
            subprocess.run([str(tools_python), __file__, "--convert"], input=json.dumps(jobs), text=True, check=False)
        made += wanted
    return [t for t in made if only is None or t in only]


def _doc_tools(base: Path, want, only_doc: bool) -> list[str]:
    """The old-Word text tools over the DOCX saved as .doc (base/_doc, made once when a tool is wanted, or when
    ``only_doc``: nianbao is to read them itself)."""
    tools = {"doc-antiword": (ANTIWORD, lambda d: [ANTIWORD, "-m", "UTF-8.txt", str(d)]),
             "doc-catdoc": (CATDOC, lambda d: [CATDOC, "-d", "utf-8", str(d)])}
    made: list[str] = []
    todo = {t: want(t, ".txt") for t in [*tools, "doc-wvtext"]}
    if not SOFFICE:
        return made
    docs = {d for pairs in todo.values() for d, _ in pairs if not (base / "_doc" / f"{d.stem}.doc").exists()}
    if only_doc:  # nianbao itself on the .doc files: every one made
        docs |= {d for d in (base / "_docx").glob("*.docx") if not (base / "_doc" / f"{d.stem}.doc").exists()}
    _soffice(sorted(docs), "doc:MS Word 97", base / "_doc")
    for tool, (exe, cmd) in tools.items():
        if exe is None:
            print(f"跳过 {tool}：没有 {tool[4:]}（apt-get install {tool[4:]}）")
            continue
        for d, out in todo[tool]:
            got = subprocess.run(cmd(base / "_doc" / f"{d.stem}.doc"), capture_output=True, check=False)
            out.write_bytes(got.stdout)
        made.append(tool)
    if WVTEXT is None:
        print("跳过 doc-wvtext：没有 wvText（apt-get install wv）")
    else:
        for d, out in todo["doc-wvtext"]:
            subprocess.run([WVTEXT, str(base / "_doc" / f"{d.stem}.doc"), str(out)], capture_output=True, check=False)
        made.append("doc-wvtext")
    return made


def main(argv: list[str]) -> int:
    if "--convert" in argv:
        return convert_jobs()
    from score_webtext import _arg, synth_set
    from scoring import options, score_folders, short_files

    tools_python = Path(_arg(argv, "--tools-python", str(OUT / ".venv" / "bin" / "python")))
    n, start = int(_arg(argv, "--synth", "300")), int(_arg(argv, "--start", "0"))
    if not SOFFICE:
        print("没有 LibreOffice（soffice）：无法把网页转成 DOCX")
        return 1
    stamp = OUT / "pages.json"
    same = stamp.exists() and json.loads(stamp.read_text()) == [n, start]
    only = options(argv, OUT, keep=("expected", "src", "_docx", "_doc", ".venv") if same else (".venv",))
    OUT.mkdir(parents=True, exist_ok=True)
    if not same:  # another --synth or --start: every output made again for these pages
        for p in OUT.iterdir():
            if p.is_dir() and p.name != ".venv":
                shutil.rmtree(p)
    synth_set(OUT, n, start)
    shutil.rmtree(OUT / "_html", ignore_errors=True)
    stamp.write_text(json.dumps([n, start]))
    make_docx(OUT)
    tools = ["_docx", *make_outputs(OUT, only, tools_python)]
    if only is not None and "_doc" in only:  # (LibreOffice converts each .doc, ~5 s a file: only when named)
        tools.insert(1, "_doc")
    score_folders([(t, OUT / t, OUT / "expected") for t in tools if only is None or t in only or t == "_docx"],
                  "--wrong" in argv, short_files, "short files", name_width=14, right_width=6)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
