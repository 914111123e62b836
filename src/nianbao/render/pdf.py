"""PDF: the DOCX converted by LibreOffice headless, free fonts standing in for the official ones.

The DOCX names 方正小标宋简体, 仿宋_GB2312, 楷体_GB2312, 黑体 and 宋体, which a Linux machine does not
have; a fontconfig file given to LibreOffice maps them to free fonts in GB glyph forms: the Fandol
family (FandolFang 仿宋, FandolKai 楷体, FandolSong 宋体, FandolHei 黑体; Debian ships them inside
texlive-lang-chinese, and scripts/sysdeps.sh copies them out of that package), then AR PL KaitiM GB
(fonts-arphic-gkai00mp) and Noto CJK SC (fonts-noto-cjk). The same face sets the digits, since the
DOCX names it in the Latin slots too. Each conversion uses its own LibreOffice profile, so parallel
runs do not collide.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from io import BytesIO
from pathlib import Path

from ..errors import MissingDependency, NianbaoError
from . import docx
from .report import DocInfo, Part

TIMEOUT = 180

# official name → free stand-ins, best first
STAND_INS: dict[str, tuple[str, ...]] = {
    docx.TITLE_FONT: ("FandolSong", "Noto Serif CJK SC"),
    docx.BODY_FONT: ("FandolFang", "Noto Serif CJK SC"),
    docx.SUBHEADING_FONT: ("FandolKai", "AR PL KaitiM GB", "Noto Serif CJK SC"),
    docx.HEADING_FONT: ("FandolHei", "Noto Sans CJK SC"),
    docx.PAGE_NUMBER_FONT: ("FandolSong", "Noto Serif CJK SC"),
}


def fontconfig() -> str:
    rules = []
    for official, free in STAND_INS.items():
        names = "".join(f"<string>{f}</string>" for f in free)
        # 小标宋 is a heavy face; the free Song stand-ins look right only in their bold weight
        weight = '<edit name="weight" mode="assign"><const>bold</const></edit>' if official == docx.TITLE_FONT else ""
        rules.append(f'<match target="pattern"><test name="family"><string>{official}</string></test>'
                     f'<edit name="family" mode="prepend" binding="strong">{names}</edit>{weight}</match>')
    return ('<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
            '<include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n' + "\n".join(rules) + "\n</fontconfig>\n")


def soffice() -> str:
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if exe is None:
        raise MissingDependency("生成 PDF 需要 LibreOffice（soffice），本机未安装：请安装 libreoffice-writer-nogui"
                                "（Debian/Ubuntu：apt-get install libreoffice-writer-nogui），或改为生成 DOCX 后自行转换",
                                "missing_libreoffice")
    return exe


_TABLE_PROPS = re.compile(r'(<style:style style:name="Table(\d+)" style:family="table"[^>]*>\s*)'
                          r"<style:table-properties (?=style:width=)")


def keep_tables_whole(fodt: str, whole: list[bool] | None = None) -> str:
    """Tables that fit on a page are not split: LibreOffice does not take this from the DOCX (Word
    keeps a table whole when its rows keep with the next), so their table styles (Table1, Table2, …
    in document order) are given ODF's 'may not break between rows'. ``whole`` says which tables fit
    (all when None): a table taller than a page is left to split, or LibreOffice would move it to a
    page of its own and leave its heading behind."""

    def mark(m: re.Match) -> str:
        n = int(m.group(2))
        if whole is not None and not (n <= len(whole) and whole[n - 1]):
            return m.group(0)
        return m.group(1) + '<style:table-properties style:may-break-between-rows="false" '

    return _TABLE_PROPS.sub(mark, fodt)


def _convert(exe: str, work: Path, env: dict, source: Path, to: str) -> Path:
    cmd = [exe, f"-env:UserInstallation={(work / 'profile').as_uri()}", "--headless", "--norestore",
           "--convert-to", to, "--outdir", str(work / to), str(source)]
    try:
        run = subprocess.run(cmd, check=False, cwd=work, env=env, capture_output=True, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        raise NianbaoError(f"LibreOffice 转换 PDF 超时（{TIMEOUT} 秒）", "conversion_failed") from None
    out = work / to / f"{source.stem}.{to}"
    if run.returncode != 0 or not out.exists():
        detail = (run.stderr or run.stdout).decode("utf-8", "replace").strip()[-300:]
        raise NianbaoError(f"LibreOffice 转换 PDF 失败（退出码 {run.returncode}）：{detail}", "conversion_failed")
    return out


def docx_to_pdf(data: bytes, whole: list[bool] | None = None,
                retry: Callable[[bytes], list[bool] | None] | None = None) -> bytes:
    """DOCX → flat ODT (tables marked not to split) → PDF, in one private LibreOffice profile. With
    ``retry``, the PDF is looked at: when it says which tables to keep whole instead, the flat ODT is
    converted again with those (the DOCX is read once)."""
    exe = soffice()
    with tempfile.TemporaryDirectory(prefix="nianbao-pdf-") as tmp:
        work = Path(tmp)
        (work / "report.docx").write_bytes(data)
        (work / "fonts.conf").write_text(fontconfig(), encoding="utf-8")
        env = dict(os.environ, FONTCONFIG_FILE=str(work / "fonts.conf"), HOME=str(work))
        fodt = _convert(exe, work, env, work / "report.docx", "fodt")
        flat = fodt.read_text(encoding="utf-8")
        fodt.write_text(keep_tables_whole(flat, whole), encoding="utf-8")
        pdf = _convert(exe, work, env, fodt, "pdf").read_bytes()
        again = retry(pdf) if retry else None
        if again is None:
            return pdf
        fodt.write_text(keep_tables_whole(flat, again), encoding="utf-8")
        return _convert(exe, work, env, fodt, "pdf").read_bytes()


GAP = 0.4  # share of a page's 版心 left empty before a table kept whole that makes it split instead
_FOOTER = 34 / docx.PT_MM  # pt from the page's foot: the page number's band (the text ends 35 mm up)


def page_fill(pdf: bytes) -> list[tuple[str, float]]:
    """Each page's text (without spaces) and how much of its 版心 is left empty below the text."""
    import pdfplumber

    out = []
    with pdfplumber.open(BytesIO(pdf)) as doc:
        for page in doc.pages:
            body = [c for c in page.chars if c["top"] < page.height - _FOOTER]
            top, foot = docx.Mm(37).pt, page.height - docx.Mm(35).pt
            bottom = max((c["bottom"] for c in body), default=top)
            for r in page.rects + page.lines:
                if r["top"] < page.height - _FOOTER:
                    bottom = max(bottom, r["bottom"])
            text = re.sub(r"\s+", "", "".join(c["text"] for c in body))
            out.append((text, max(0.0, foot - bottom) / (foot - top)))
    return out


def gapped(pdf: bytes, headings: list[str], whole: list[bool]) -> list[bool] | None:
    """Which tables to keep whole, now that the pages are known: a table kept whole that left the page
    before its heading at least ``GAP`` empty (表二 alone on a page, 表三 on the next) is let split
    instead, its header rows repeated. None when no page was left so."""
    pages = page_fill(pdf)
    keep = list(whole)
    for i, head in enumerate(headings):
        if not keep[i] or not head:
            continue
        key = re.sub(r"\s+", "", head)
        at = next((k for k, (text, _) in enumerate(pages) if key in text), None)
        if at and pages[at][0].startswith(key) and pages[at - 1][1] >= GAP:
            keep[i] = False
    return keep if keep != whole else None


def write(parts: list[Part], info: DocInfo | None = None) -> bytes:
    tables, headings, head = [], [], ""
    for p in parts:
        if p.kind == "heading":
            head = p.text
        elif p.kind == "table" and p.grid is not None:
            lay = docx.table_layout(p.grid)
            tables.append(docx.fits_page(p.grid, lay))
            headings.append("" if lay.landscape else head)  # a landscape page starts a page anyway
    return docx_to_pdf(docx.write(parts, info), tables, lambda pdf: gapped(pdf, headings, tables))
