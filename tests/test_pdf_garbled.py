"""PDFs whose text layer does not decode (fonts without a Unicode map: 复制出来是乱码) are read from the
page images, as scans are, instead of being refused as "not a report"."""

from __future__ import annotations

import pypdfium2 as pdfium
import pytest

import nianbao
from conftest import DATA, SHARED, leaves, load_json
from nianbao.errors import MissingDependency
from nianbao.ingest import ocr
from nianbao.ingest.pdf import garbled, page_glyphs

# huaian2024.pdf's page 4 (表二's end, 表三's first rows) with the ToUnicode maps of its Identity-H fonts removed
GARBLED = DATA / "pdf" / "huaian2024_p4_no_unicode_map.pdf"
GOOD = sorted((DATA / "pdf").glob("r00*.pdf")) + sorted((SHARED / "research" / "samples").glob("r00*.pdf"))


def _pages(path):
    pdf = pdfium.PdfDocument(str(path))
    try:
        return [page_glyphs(pdf[i])[0] for i in range(len(pdf))]
    finally:
        pdf.close()


def test_an_undecodable_text_layer_is_told():
    assert all(garbled(g) for g in _pages(GARBLED))


@pytest.mark.parametrize("path", GOOD, ids=lambda p: p.name)
def test_a_decodable_text_layer_is_not(path):
    assert not any(garbled(g) for g in _pages(path))


def test_without_ocr_the_message_says_the_text_layer_is_the_problem(monkeypatch):
    def missing(name: str) -> None:
        raise MissingDependency(f"{name}：需要 OCR", "ocr_missing")

    monkeypatch.setattr(ocr, "require", missing)
    with pytest.raises(MissingDependency) as e:
        nianbao.parse(GARBLED)
    assert "文字层无法解码" in e.value.message and GARBLED.name in e.value.message


@pytest.mark.slow
def test_the_page_is_read_from_its_image_without_a_wrong_number():
    pytest.importorskip("rapidocr", reason="OCR extra not installed")
    record = nianbao.parse(GARBLED).to_json_dict()
    got = dict(leaves(record))
    expected = load_json(DATA / "pdf" / "expected" / "huaian2024.pdf.json")
    want = [(k, v) for k, v in leaves(expected) if k.startswith(("active.", "requests."))]
    wrong = [(k, v, got.get(k)) for k, v in want if got.get(k) is not None and got.get(k) != v]
    assert wrong == []
    assert sum(got.get(k) == v for k, v in want) >= 60  # 80 of 185 cells on this page today; the rest null
    assert any("文字层无法解码" in n["text"] for n in record["notes"])
