"""Scans through OCR (the nianbao[ocr] extra): sample scans, a tilted scan in a PDF and as a PNG, bad images."""

from __future__ import annotations

import struct
import subprocess
import sys
import zlib

import pytest

import nianbao
from conftest import DATA, load_json, mismatches
from nianbao.errors import InputError

pytest.importorskip("rapidocr", reason="OCR extra not installed")

SCAN = DATA / "scan"
FIXTURES = sorted(p for p in SCAN.iterdir() if (SCAN / "expected" / f"{p.name}.json").exists())


_DOCS: dict = {}


def read(path):
    """OCR each file once per session: the record test and the layout test share it."""
    if path not in _DOCS:
        _DOCS[path] = nianbao.read_document(path)
    return _DOCS[path]


def test_every_scan_fixture_is_there():
    assert {p.name for p in FIXTURES} == {"r000dense_scan_p3.pdf", "r000dense_scanbad_p3.pdf", "r001_scan_p2-3.pdf",
                                          "r000dense_tilt_p3.pdf", "r000dense_tilt_p3.png",
                                          "r001_scan_p2-3.tif"}


@pytest.mark.slow
@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.name)
def test_scan_matches_expected_record(path):
    expected = load_json(SCAN / "expected" / f"{path.name}.json")
    record = nianbao.build_record(read(path))
    assert mismatches(expected, record.to_json_dict()) == []
    prov = record.provenance["requests.granted.total"]
    assert prov.page and prov.bbox and prov.text.strip()


@pytest.mark.slow
def test_multi_page_tiff_reads_every_page(caplog):
    """A scanner's multi-page TIFF (bilevel, Group 4): every page is read, not only the first, and each
    page's OCR is announced as a PDF's scanned pages are."""
    from nianbao import OCR_PROGRESS

    with caplog.at_level("INFO", logger=OCR_PROGRESS):
        doc = nianbao.read_document(SCAN / "r001_scan_p2-3.tif")  # not the shared read: its progress is the point
    assert doc.kind == "ocr" and doc.pages == 2
    assert [r.ocr_page[1:] for r in caplog.records if hasattr(r, "ocr_page")] == [(1, 2, "第 1 页"), (2, 2, "第 2 页")]


@pytest.mark.slow
def test_scan_split_over_two_pages_is_one_table_with_confidences():
    doc = read(SCAN / "r001_scan_p2-3.pdf")
    assert doc.kind == "ocr" and doc.pages == 2
    tables = {(b.table, b.cells[0].page) for b in doc.blocks if b.grid and "申请" in b.text}
    t3 = next(t for t, page in tables if page == 1)
    assert (t3, 2) in {(b.table, b.cells[0].page) for b in doc.blocks if b.grid}
    confs = [c.conf for b in doc.blocks if b.grid for c in b.cells if c.text]
    assert confs and all(0 < c <= 1 for c in confs)


def test_deskew_finds_the_tilt():
    from nianbao.ingest.ocr import decode_image, skew_angle

    gray = decode_image((SCAN / "r000dense_tilt_p3.png").read_bytes(), "x.png")
    assert abs(skew_angle(gray) - 1.5) < 0.2  # the page was turned −1.5°: turning back is +1.5°


def _chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def _blank_png(w: int, h: int) -> bytes:
    """A valid grey PNG of w×h white pixels: tiny on disk, huge once decoded."""
    z = zlib.compressobj(9)
    row = b"\x00" + b"\xff" * w
    idat = b"".join(z.compress(row) for _ in range(h)) + z.flush()
    return (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 0, 0, 0, 0))
            + _chunk(b"IDAT", idat) + _chunk(b"IEND", b""))


def test_decompression_bomb_is_refused_before_decoding(tmp_path):
    path = tmp_path / "bomb.png"
    path.write_bytes(_blank_png(9000, 9000))  # 81 M pixels in ~80 KB
    assert path.stat().st_size < 1 << 20
    with pytest.raises(InputError) as e:
        nianbao.parse(path)
    assert e.value.code == "too_large" and "像素" in e.value.message


def test_50_mb_broken_image_is_a_chinese_error(tmp_path):
    path = tmp_path / "big.jpg"
    path.write_bytes(b"\xff\xd8\xff\xe0" + b"\x00" * (50 * 1024 * 1024))
    with pytest.raises(InputError) as e:
        nianbao.parse(path)
    assert "big.jpg" in e.value.message and ("损坏" in e.value.message or "过大" in e.value.message)


@pytest.mark.slow
def test_a_two_page_scan_is_read_in_less_than_a_gigabyte():
    """Found by the long fuzz run: OCR of the two-page scan peaked at 1.3 GB resident (onnxruntime's memory
    arena kept each run's largest buffers); a document must stay under 1 GB."""
    code = ("import resource, nianbao; nianbao.parse({!r}); "
            "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)").format(str(SCAN / "r001_scan_p2-3.pdf"))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=600, check=True)
    assert int(out.stdout.split()[-1]) < 1024 * 1024, out.stdout
