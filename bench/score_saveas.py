"""The shared reports as people save and pass them on, scored per way of saving like score_pdftools.py.

    .venv/bin/python bench/score_saveas.py [--wrong] [--regen] [--only NAME,NAME]

Ways of saving, each skipped with a note when its tool is missing:
- chrome-mhtml: the sample web pages saved by Chromium as one file (Page.captureSnapshot, as 「网页，单个文件」);
- word-mht: the same pages as Word and IE write an MHT (GB2312, base64), made with the email package;
- lo-rtf, lo-odt: the sample DOCX saved by LibreOffice as RTF and as OpenDocument text;
- utf16le, utf16be, gb18030: the five seeds (real text reports) re-encoded, UTF-16 without a BOM;
- scan-tiff: the three scanned samples as a scanner's multi-page TIFF (200 dpi, bilevel, Group 4);
- pdf-no-unicode: the sample PDFs and huaian2024.pdf with their fonts' ToUnicode maps removed (mutool
  clean -d, then the references blanked), so that the text layer copies as 乱码 and nianbao reads the
  pages by OCR (slow: a few minutes).
Outputs go to build/saveas/WAY/KEY.EXT, made once (--regen makes them again), then parsed and scored.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from pathlib import Path

from scoring import every_file, options, score_folders

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent / "shared"
SAMPLES = SHARED / "research" / "samples"
OUT = HERE.parent / "build" / "saveas"


def _pages() -> list[tuple[str, Path, Path]]:
    return [(p.stem, p, SAMPLES / "expected" / f"{p.name}.json") for p in sorted(SAMPLES.glob("*.html"))
            if (SAMPLES / "expected" / f"{p.name}.json").exists()]


def _docx() -> list[tuple[str, Path, Path]]:
    return [(p.stem, p, SAMPLES / "expected" / f"{p.name}.json") for p in sorted(SAMPLES.glob("*.docx"))
            if (SAMPLES / "expected" / f"{p.name}.json").exists()]


def _seeds() -> list[tuple[str, Path, Path]]:
    return [(p.stem, p, SHARED / "seeds" / "expected" / f"{p.stem}.json") for p in sorted((SHARED / "seeds").glob("*.txt"))
            if (SHARED / "seeds" / "expected" / f"{p.stem}.json").exists()]


def _pdfs() -> list[tuple[str, Path, Path]]:
    exp = SHARED / "corpus" / "converters" / "expected"
    out = [(s, SAMPLES / f"{s}.pdf", exp / f"{s}.json") for s in ("r000", "r000dense", "r001")]
    return out + [("huaian2024", SHARED / "corpus" / "huaian2024.pdf", exp / "huaian2024.json")]


def _chrome_mhtml(pages: list[tuple[str, Path, Path]], folder: Path) -> None:
    from playwright.sync_api import sync_playwright

    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=exe) if exe else p.chromium.launch()
        page = browser.new_page()
        for key, src, _ in pages:
            page.goto(src.as_uri())
            data = page.context.new_cdp_session(page).send("Page.captureSnapshot", {"format": "mhtml"})["data"]
            (folder / f"{key}.mhtml").write_bytes(data.encode("utf-8"))
        browser.close()


def _word_mht(src: Path) -> bytes:
    html = src.read_bytes().decode("gb18030" if "gbk" in src.name else "utf-8")
    msg = MIMEMultipart("related", type="text/html")
    msg["From"] = "<Saved by Windows Internet Explorer 8>"
    part = MIMEText(html, "html", "gb18030")
    part["Content-Location"] = "file:///C:/report.htm"
    msg.attach(part)
    return msg.as_bytes().replace(b'charset="gb18030"', b'charset="gb2312"')


def _libreoffice(ext: str) -> Callable[[Path], bytes | None]:
    def run(src: Path) -> bytes | None:
        with tempfile.TemporaryDirectory(prefix="saveas-") as tmp:
            profile = Path(tmp) / "profile"
            subprocess.run(["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", ext,
                            "--outdir", tmp, str(src)], capture_output=True, timeout=300, check=False)
            out = Path(tmp) / f"{src.stem}.{ext}"
            return out.read_bytes() if out.exists() else None
    return run


def _scans() -> list[tuple[str, Path, Path]]:
    exp = SHARED / "corpus" / "converters" / "expected"
    return [(p.stem, p, exp / f"{p.stem}.json") for p in sorted(SAMPLES.glob("*scan*.pdf")) if (exp / f"{p.stem}.json").exists()]


def _tiff(src: Path) -> bytes | None:
    from io import BytesIO

    from PIL import Image

    with tempfile.TemporaryDirectory(prefix="saveas-") as tmp:
        subprocess.run(["pdftoppm", "-r", "200", "-gray", "-tiff", str(src), f"{tmp}/p"], capture_output=True, check=False)
        pages = [Image.open(p).point(lambda v: 255 if v > 160 else 0).convert("1") for p in sorted(Path(tmp).glob("p*.tif"))]
        if not pages:
            return None
        out = BytesIO()
        pages[0].save(out, format="TIFF", save_all=True, append_images=pages[1:], compression="group4", dpi=(200, 200))
        return out.getvalue()


def _no_unicode_map(src: Path) -> bytes | None:
    with tempfile.TemporaryDirectory(prefix="saveas-") as tmp:
        plain = Path(tmp) / "plain.pdf"
        if subprocess.run(["mutool", "clean", "-d", str(src), str(plain)], capture_output=True, check=False).returncode:
            return None
        data = re.sub(rb"/ToUnicode\s+\d+\s+\d+\s+R", lambda m: b" " * len(m.group(0)), plain.read_bytes())
        return data  # the references blanked in place: the cross-reference offsets still hold


# way -> (extension, inputs, maker of one output or None when the way makes all at once, what must be installed)
WAYS: dict[str, tuple[str, Callable[[], list[tuple[str, Path, Path]]], Callable[[Path], bytes | None] | None, str]] = {
    "chrome-mhtml": ("mhtml", _pages, None, "playwright"),
    "word-mht": ("mht", _pages, _word_mht, ""),
    "lo-rtf": ("rtf", _docx, _libreoffice("rtf"), "soffice"),
    "lo-odt": ("odt", _docx, _libreoffice("odt"), "soffice"),
    "utf16le": ("txt", _seeds, lambda p: p.read_text(encoding="utf-8").encode("utf-16-le"), ""),
    "utf16be": ("txt", _seeds, lambda p: p.read_text(encoding="utf-8").encode("utf-16-be"), ""),
    "gb18030": ("txt", _seeds, lambda p: p.read_text(encoding="utf-8").encode("gb18030"), ""),
    "scan-tiff": ("tif", _scans, _tiff, "pdftoppm"),
    "pdf-no-unicode": ("pdf", _pdfs, _no_unicode_map, "mutool"),
}


def _have(need: str) -> bool:
    import importlib.util

    return not need or bool(shutil.which(need)) or importlib.util.find_spec(need) is not None


def make(only: set[str] | None) -> list[str]:
    notes = []
    for way, (ext, inputs, maker, need) in WAYS.items():
        if only and way not in only:
            continue
        if not _have(need):
            notes.append(f"{way}: {need} is not installed, skipped")
            continue
        folder = OUT / way
        folder.mkdir(parents=True, exist_ok=True)
        todo = [(k, s, e) for k, s, e in inputs() if not (folder / f"{k}.{ext}").exists()]
        if not todo:
            continue
        try:
            if maker is None:
                _chrome_mhtml(todo, folder)
                continue
            for key, src, _ in todo:
                data = maker(src)
                if data:
                    (folder / f"{key}.{ext}").write_bytes(data)
        except Exception as e:  # noqa: BLE001 - a tool that fails is noted, not fatal
            notes.append(f"{way}: {e}")
    return notes


def main(argv: list[str]) -> int:
    only = options(argv, OUT)
    notes = make(only)

    def folders():
        for way, (_, inputs, _, _) in WAYS.items():
            folder = OUT / way
            if (only and way not in only) or not folder.is_dir():
                continue
            expected = OUT / "expected" / way  # keys repeat across ways with different records (r001 page / DOCX)
            expected.mkdir(parents=True, exist_ok=True)
            for key, _, record in inputs():
                shutil.copyfile(record, expected / f"{key}.json")
            yield way, folder, expected

    score_folders(folders(), "--wrong" in argv, every_file, "per file (right/fields!wrong)", name_width=16,
                  right_width=6)
    for n in notes:
        print(n)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
