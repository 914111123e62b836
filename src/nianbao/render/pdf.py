"""PDF: the DOCX converted by LibreOffice headless, free fonts standing in for the official ones.

The DOCX names 方正小标宋简体, 仿宋_GB2312, 楷体_GB2312, 黑体 and 宋体, which a Linux machine does not
have; a fontconfig file given to LibreOffice maps them to free fonts (Noto CJK from fonts-noto-cjk,
AR PL KaitiM GB from fonts-arphic-gkai00mp; FandolFang/FandolKai first where TeX Live's are
installed). Each conversion uses its own LibreOffice profile, so parallel runs do not collide.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from ..errors import MissingDependency, NianbaoError
from . import docx
from .report import Part

TIMEOUT = 180

# official name → free stand-ins, best first
STAND_INS: dict[str, tuple[str, ...]] = {
    docx.TITLE_FONT: ("Noto Serif CJK SC", "FandolSong"),
    docx.BODY_FONT: ("FandolFang", "Noto Serif CJK SC"),
    docx.SUBHEADING_FONT: ("FandolKai", "AR PL KaitiM GB", "Noto Serif CJK SC"),
    docx.HEADING_FONT: ("Noto Sans CJK SC", "FandolHei"),
    docx.PAGE_NUMBER_FONT: ("Noto Serif CJK SC", "FandolSong"),
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


def docx_to_pdf(data: bytes) -> bytes:
    exe = soffice()
    with tempfile.TemporaryDirectory(prefix="nianbao-pdf-") as tmp:
        work = Path(tmp)
        (work / "report.docx").write_bytes(data)
        (work / "fonts.conf").write_text(fontconfig(), encoding="utf-8")
        env = dict(os.environ, FONTCONFIG_FILE=str(work / "fonts.conf"), HOME=str(work))
        cmd = [exe, f"-env:UserInstallation={(work / 'profile').as_uri()}", "--headless", "--norestore",
               "--convert-to", "pdf", "--outdir", str(work), str(work / "report.docx")]
        try:
            run = subprocess.run(cmd, check=False, cwd=work, env=env, capture_output=True, timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            raise NianbaoError(f"LibreOffice 转换 PDF 超时（{TIMEOUT} 秒）", "conversion_failed") from None
        out = work / "report.pdf"
        if run.returncode != 0 or not out.exists():
            detail = (run.stderr or run.stdout).decode("utf-8", "replace").strip()[-300:]
            raise NianbaoError(f"LibreOffice 转换 PDF 失败（退出码 {run.returncode}）：{detail}", "conversion_failed")
        return out.read_bytes()


def write(parts: list[Part]) -> bytes:
    return docx_to_pdf(docx.write(parts))
