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


_TABLE_PROPS = re.compile(r"<style:table-properties (?=style:width=)")


def keep_tables_whole(fodt: str) -> str:
    """Tables that fit on a page are not split: LibreOffice does not take this from the DOCX (Word
    keeps a table whole when its rows keep with the next), so the document's table styles are given
    ODF's 'may not break between rows', which LibreOffice ignores only for a table taller than a page."""
    return _TABLE_PROPS.sub('<style:table-properties style:may-break-between-rows="false" ', fodt)


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


def docx_to_pdf(data: bytes) -> bytes:
    """DOCX → flat ODT (tables marked not to split) → PDF, in one private LibreOffice profile."""
    exe = soffice()
    with tempfile.TemporaryDirectory(prefix="nianbao-pdf-") as tmp:
        work = Path(tmp)
        (work / "report.docx").write_bytes(data)
        (work / "fonts.conf").write_text(fontconfig(), encoding="utf-8")
        env = dict(os.environ, FONTCONFIG_FILE=str(work / "fonts.conf"), HOME=str(work))
        fodt = _convert(exe, work, env, work / "report.docx", "fodt")
        fodt.write_text(keep_tables_whole(fodt.read_text(encoding="utf-8")), encoding="utf-8")
        return _convert(exe, work, env, fodt, "pdf").read_bytes()


def write(parts: list[Part], info: DocInfo | None = None) -> bytes:
    return docx_to_pdf(docx.write(parts, info))
