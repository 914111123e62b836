"""Web pages as popular HTML→text and HTML→Markdown tools render them, scored per tool like score_texttools.py.

    .venv/bin/python bench/score_webtext.py [--wrong] [--regen] [--only TOOL,TOOL] [--synth N] [--start S]
        [--tools-python PATH] [--node-modules DIR]

Researchers crawl agency pages and pass them through such a tool before nianbao. Two sets:

* ``pages``: the pages with hand-read records — shared/research/samples/*.html (expected/NAME.html.json),
  tests/data/html/*.html (expected/) and tests/data/html/layouts/*.html (the cells their .json "shown");
* ``synth``: N pages (default 300) from tests/htmlsynth.py, seeds S… (default 0), the variation cycling
  with the seed, each scored on the cells it shows (as bench/fuzz_html.py): the general shapes rather than
  the files.

Tools, each skipped with a note when it is not installed; none is a dependency of nianbao:

* Python (html2text, trafilatura with and without tables and as Markdown, inscriptis, markdownify,
  BeautifulSoup's get_text in four ways, readability-lxml, jusText): run by a bench venv's Python,
  ``--tools-python`` (default build/webtext/.venv/bin/python), made with
  ``python3 -m venv build/webtext/.venv && build/webtext/.venv/bin/pip install html2text trafilatura
  inscriptis markdownify beautifulsoup4 lxml readability-lxml justext``;
* Node (html-to-text, turndown with and without turndown-plugin-gfm): ``--node-modules`` (default
  build/webtext/node_modules), made with ``npm install --prefix build/webtext html-to-text turndown
  turndown-plugin-gfm``.

Outputs go to build/webtext/TOOL/STEM.txt (pages) and build/webtext/synth/TOOL/STEM.txt, made once
(``--regen`` makes them again); then every folder is parsed and scored in this process: fields right and
WRONG non-null values per tool. ``_html`` is nianbao reading the page itself.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SAMPLES = ROOT.parent / "shared" / "research" / "samples"
TESTS = ROOT / "tests" / "data" / "html"
OUT = ROOT / "build" / "webtext"
PY_TOOLS = ("html2text", "html2text-nowrap", "trafilatura", "trafilatura-md", "trafilatura-notables",
            "inscriptis", "markdownify", "bs4-text", "bs4-text-nl", "bs4-text-nl-strip", "bs4-text-space-strip",
            "readability-text", "justext")
NODE_TOOLS = ("html-to-text", "html-to-text-nowrap", "turndown", "turndown-gfm")
NODE_SCRIPT = r"""
const fs = require('fs');
const {convert} = require('html-to-text');
const TurndownService = require('turndown');
const {gfm} = require('turndown-plugin-gfm');
const tools = {
  'html-to-text': s => convert(s, {wordwrap: 130}),
  'html-to-text-nowrap': s => convert(s, {wordwrap: false}),
  'turndown': s => new TurndownService().turndown(s),
  'turndown-gfm': s => { const t = new TurndownService(); t.use(gfm); return t.turndown(s); },
};
const jobs = JSON.parse(fs.readFileSync(0, 'utf8'));
for (const [tool, src, out] of jobs) {
  try { fs.writeFileSync(out, tools[tool](fs.readFileSync(src, 'utf8'))); }
  catch (e) { console.log(tool, src, e.message); }
}
"""


# ---- in the tools' venv: ``score_webtext.py --convert`` reads [tool, src, out] jobs on stdin ----------
def _python_tools() -> dict:
    import bs4
    import html2text
    import inscriptis
    import justext
    import markdownify
    import trafilatura
    from readability import Document

    def h2t(s: str, width: int = 78) -> str:
        h = html2text.HTML2Text()
        h.body_width = width
        return h.handle(s)

    def soup(s: str):
        return bs4.BeautifulSoup(s, "lxml")

    return {
        "html2text": h2t,
        "html2text-nowrap": lambda s: h2t(s, 0),
        "trafilatura": lambda s: trafilatura.extract(s, include_tables=True) or "",
        "trafilatura-md": lambda s: trafilatura.extract(s, include_tables=True, output_format="markdown") or "",
        "trafilatura-notables": lambda s: trafilatura.extract(s, include_tables=False) or "",
        "inscriptis": inscriptis.get_text,
        "markdownify": markdownify.markdownify,
        "bs4-text": lambda s: soup(s).get_text(),
        "bs4-text-nl": lambda s: soup(s).get_text("\n"),
        "bs4-text-nl-strip": lambda s: soup(s).get_text("\n", strip=True),
        "bs4-text-space-strip": lambda s: soup(s).get_text(" ", strip=True),
        "readability-text": lambda s: soup(Document(s).summary()).get_text("\n"),
        # no Chinese stop list: jusText keeps almost nothing of a Chinese page (kept to show it)
        "justext": lambda s: "\n".join(p.text for p in justext.justext(s.encode("utf-8"), frozenset())
                                       if not p.is_boilerplate),
    }


def convert_jobs() -> int:
    tools = _python_tools()
    for tool, src, out in json.loads(sys.stdin.read()):
        try:
            Path(out).write_text(tools[tool](Path(src).read_text(encoding="utf-8")), encoding="utf-8")
        except Exception as e:  # noqa: BLE001 - one page a tool cannot convert is a note, not the end
            print(tool, Path(src).name, type(e).__name__, str(e)[:80])
    return 0


# ---- in nianbao's venv -------------------------------------------------------------------------
def _text(p: Path) -> str:
    b = p.read_bytes()
    try:
        return b.decode("utf-8")
    except UnicodeDecodeError:
        return b.decode("gb18030")


def _nested(shown: dict) -> dict:
    """A record holding only the shown cells: {"a.b.c": 1} → {"a": {"b": {"c": 1}}}."""
    out: dict = {}
    for path, v in shown.items():
        node = out
        *parents, leaf = path.split(".")
        for k in parents:
            node = node.setdefault(k, {})
        node[leaf] = v
    return out


def page_set(base: Path) -> None:
    """The pages with records: their source as UTF-8 in base/src, their records in base/expected."""
    pages: dict[str, tuple[Path, dict]] = {}
    for p in sorted(SAMPLES.glob("*.html")):
        if (e := SAMPLES / "expected" / f"{p.name}.json").exists():
            pages[p.stem] = (p, json.loads(e.read_text()))
    for p in sorted(TESTS.glob("*.html")):
        if (e := TESTS / "expected" / f"{p.name}.json").exists() and p.stem not in pages:
            pages[p.stem] = (p, json.loads(e.read_text()))
    for p in sorted((TESTS / "layouts").glob("*.html")):
        if (e := p.with_suffix(".json")).exists():
            pages[p.stem] = (p, _nested(json.loads(e.read_text())["shown"]))
    _write_set(base, {stem: (_text(p), rec) for stem, (p, rec) in pages.items()})


def synth_set(base: Path, n: int, start: int) -> None:
    """``n`` pages of tests/htmlsynth.py, the variation cycling with the seed, each with its shown cells."""
    sys.path.insert(0, str(ROOT / "tests"))
    from htmlsynth import VARIATIONS, case, records

    for d in ("src", "expected", "_html"):  # another --synth or --start: only these pages
        shutil.rmtree(base / d, ignore_errors=True)
    recs = records()
    pages = {}
    for seed in range(start, start + n):
        var = VARIATIONS[seed % len(VARIATIONS)]
        _name, _rec, page, shown = case(recs, var, seed)
        pages[f"s{seed:05d}-{var}"] = (page, _nested(shown))
    _write_set(base, pages)


def _write_set(base: Path, pages: dict[str, tuple[str, dict]]) -> None:
    for d in ("src", "expected", "_html"):
        (base / d).mkdir(parents=True, exist_ok=True)
    for stem, (page, rec) in pages.items():
        (base / "src" / f"{stem}.html").write_text(page, encoding="utf-8")
        (base / "_html" / f"{stem}.html").write_text(page, encoding="utf-8")
        (base / "expected" / f"{stem}.json").write_text(json.dumps(rec, ensure_ascii=False))


def make_outputs(base: Path, only: set[str] | None, tools_python: Path, node_modules: Path) -> list[str]:
    """Each tool's text of each page not made yet; the names of the tools that are there."""
    srcs = sorted((base / "src").glob("*.html"))
    made = []
    py_ok = tools_python.exists() and subprocess.run(
        [str(tools_python), "-c", "import html2text, trafilatura, inscriptis, markdownify, bs4, readability, justext"],
        capture_output=True).returncode == 0
    node_ok = shutil.which("node") is not None and (node_modules / "turndown").is_dir()
    for tools, ok, why in ((PY_TOOLS, py_ok, f"{tools_python} 中没有这些 Python 包（见本脚本说明）"),
                           (NODE_TOOLS, node_ok, f"没有 node 或 {node_modules} 中没有 html-to-text/turndown")):
        wanted = [t for t in tools if only is None or t in only]
        if not wanted:
            continue
        if not ok:
            print(f"跳过 {', '.join(wanted)}：{why}")
            continue
        jobs = []
        for t in wanted:
            (base / t).mkdir(parents=True, exist_ok=True)
            jobs += [[t, str(s), str(base / t / f"{s.stem}.txt")] for s in srcs
                     if not (base / t / f"{s.stem}.txt").exists()]
        if jobs and tools is PY_TOOLS:
            subprocess.run([str(tools_python), __file__, "--convert"], input=json.dumps(jobs), text=True, check=False)
        elif jobs:
            subprocess.run(["node", "-e", NODE_SCRIPT], input=json.dumps(jobs), text=True, check=False,
                           env={**os.environ, "NODE_PATH": str(node_modules)})
        made += wanted
    return made


def _arg(argv: list[str], name: str, default: str) -> str:
    return argv[argv.index(name) + 1] if name in argv else default


def main(argv: list[str]) -> int:
    if "--convert" in argv:
        return convert_jobs()
    from scoring import options, score_folders, short_files

    tools_python = Path(_arg(argv, "--tools-python", str(OUT / ".venv" / "bin" / "python")))
    node_modules = Path(_arg(argv, "--node-modules", str(OUT / "node_modules")))
    n, start = int(_arg(argv, "--synth", "300")), int(_arg(argv, "--start", "0"))
    only = options(argv, OUT, keep=("expected", "src", ".venv", "node_modules", "synth"))
    if "--regen" in argv and (OUT / "synth").exists():
        options(argv, OUT / "synth")
    for name, base, make in (("pages", OUT, page_set), ("synth", OUT / "synth", None)):
        if make is not None:
            make(base)
        elif n:
            synth_set(base, n, start)
        else:
            continue
        tools = ["_html", *make_outputs(base, only, tools_python, node_modules)]
        print(f"\n== {name} ==")
        score_folders([(t, base / t, base / "expected") for t in tools if only is None or t in only or t == "_html"],
                      "--wrong" in argv, short_files, "short files", name_width=22, right_width=6)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
