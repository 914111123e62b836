"""DOCX whose text sits in positioned text boxes (LibreOffice's PDF import saved as DOCX, and the same
kind written other ways): each box read once, placed on its page, tables rebuilt from drawn rules."""

from __future__ import annotations

import io
import zipfile

import pytest
from lxml import etree

import nianbao
from boxdocx import boxes_docx, pdf_pages
from conftest import DATA, leaves, load_json, mismatches
from nianbao.errors import InputError
from nianbao.ingest import docxboxes, load, load_bytes

LO = DATA / "lodocx"  # shared/corpus/converters/lo-docx (the digital ones) and three made here (README.md)
CASES = sorted(LO.glob("*.docx"))
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_libreoffice_pdf_import_reads_every_field(path):
    expected = load_json(LO / "expected" / f"{path.stem}.json")
    assert mismatches(expected, nianbao.parse(path).to_json_dict()) == []


def test_cases_cover_the_converter_outputs():
    assert {p.stem for p in CASES} == {"r000", "r000dense", "r001", "huaian2024", "r000dense_split",
                                        "r000dense_split2", "r000dense_nolines"}


def _choice_texts(path) -> list[str]:
    """The text of every text box in its DrawingML choice (the VML fallback holds the same again)."""
    with zipfile.ZipFile(path) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    out = []
    for tb in root.iter(W + "txbxContent"):
        if any(a.tag == MC + "Fallback" for a in tb.iterancestors()):
            continue
        out.append("".join(tb.itertext(W + "t")))
    return out


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_each_box_is_read_once_not_again_from_its_fallback(path):
    """Every box is written twice (mc:Choice and mc:Fallback): the document holds each character once."""
    doc = load(path)
    texts = _choice_texts(path)
    boxed = "".join("".join(texts).split())
    read = "".join(doc.text.split())
    assert len(read) <= len(boxed)  # never more (a second copy); page numbers are dropped as furniture
    assert len(read) >= 0.97 * len(boxed)
    root = etree.fromstring(_xml(path))
    body = root.find(W + "body")
    col = docxboxes._Collector(body, path.name, 10.5)
    col.walk(body)
    read_boxes = [o for o in col.objs if o.text_box]
    assert len(read_boxes) == len([t for t in texts if t.strip()])  # one box per choice, none from a fallback
    assert len(read_boxes) > 300


def test_the_record_points_at_page_and_place():
    rec = nianbao.parse(LO / "r000dense.docx").to_json_dict()
    prov = rec["provenance"]["requests.new_received.total"]
    assert prov["text"] == "4126" and prov["page"] == 3 and prov["bbox"]


def test_an_ordinary_docx_keeps_its_word_tables():
    doc = load(DATA / "docx" / "r000dense.docx")
    assert not docxboxes.is_box_layout(etree.fromstring(_xml(DATA / "docx" / "r000dense.docx")).find(W + "body"))
    assert any(b.grid and b.cells[0].path.startswith("t") for b in doc.blocks)


def _xml(path) -> bytes:
    with zipfile.ZipFile(path) as z:
        return z.read("word/document.xml")


# ---- the same kind written other ways: a PDF's text layer as boxes (tests/boxdocx.py) ---------------

VARIANTS = [
    # (pdf, style, order, words per box)
    ("r000dense.pdf", "lo", "reading", 0),
    ("r000dense.pdf", "word", "reading", 0),
    ("r000dense.pdf", "vml", "reading", 0),
    ("r000.pdf", "vml", "columns", 0),
    ("r001.pdf", "word", "rules_first", 0),
    ("huaian2024.pdf", "lo", "columns", 0),
    ("huaian2024.pdf", "lo", "reading", 2),
    ("r000dense_split.pdf", "lo", "rules_last", 0),
    ("r000dense_split2.pdf", "lo", "reading", 1),
    ("r000dense_nolines.pdf", "word", "columns", 1),
    ("huaian2024.pdf", "sect", "rules_last", 0),
]


@pytest.mark.parametrize("pdf,style,order,words", VARIANTS, ids=lambda v: str(v))
def test_box_layouts_of_other_producers_read_exactly(pdf, style, order, words):
    data = boxes_docx(pdf_pages(DATA / "pdf" / pdf, words), style, order)
    expected = load_json(DATA / "pdf" / "expected" / f"{pdf}.json")
    got = nianbao.parse_bytes(data, f"{pdf}.{style}.docx").to_json_dict()
    assert mismatches(expected, got) == []


def test_pages_written_over_each_other_column_by_column_never_give_a_wrong_number():
    """All pages' boxes on one paragraph (no page breaks) AND each table written column by column: the
    pages cannot always be told apart; what is read may be less, never a different number."""
    expected = load_json(DATA / "pdf" / "expected" / "r001.pdf.json")
    for words in (0, 2):
        got = nianbao.parse_bytes(boxes_docx(pdf_pages(DATA / "pdf" / "r001.pdf", words), "lo", "columns"),
                                  "r001.docx").to_json_dict()
        wrong = [(p, w, g) for p, w, g in mismatches(expected, got) if g is not None]
        assert wrong == []
    assert sum(1 for _ in leaves(expected)) == 202


# ---- hostile and damaged -------------------------------------------------------------------------------

def _docx(document_xml: str) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("word/document.xml", document_xml)
    return buf.getvalue()


def _box(x: str, y: str, text: str, rel: str = "page") -> str:
    return (f'<w:drawing><wp:anchor><wp:positionH relativeFrom="{rel}"><wp:posOffset>{x}</wp:posOffset>'
            f'</wp:positionH><wp:positionV relativeFrom="{rel}"><wp:posOffset>{y}</wp:posOffset></wp:positionV>'
            f'<wp:extent cx="1270000" cy="203200"/><a:graphic><a:graphicData><wps:wsp><wps:txbx><w:txbxContent>'
            f'<w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent></wps:txbx></wps:wsp></a:graphicData>'
            f'</a:graphic></wp:anchor></w:drawing>')


def _document(body: str) -> str:
    return ('<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
            'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
            'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
            'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
            f'<w:body><w:p><w:r>{body}</w:r></w:p></w:body></w:document>')


def test_garbage_offsets_are_read_without_a_traceback():
    boxes = "".join(_box(x, y, f"文字内容示例{chr(0x4e00 + k)}") for k, (x, y) in enumerate(
        [("abc", "1e99"), ("-99999999999999999999", "12"), ("9" * 5000, "-5"), ("", "")] * 8))
    doc = load_bytes(_docx(_document(boxes)), "坏坐标.docx")
    assert doc.blocks and "示" in doc.text  # boxes printed over each other: their text, no traceback


def test_too_many_boxes_are_refused_before_reading(monkeypatch):
    monkeypatch.setattr(docxboxes, "MAX_OBJECTS", 30)
    boxes = "".join(_box(str(k * 12700), str(k * 254000), f"第{k}行文字内容示例文字") for k in range(40))
    with pytest.raises(InputError) as e:
        load_bytes(_docx(_document(boxes)), "很多文本框.docx")
    assert "很多文本框.docx" in e.value.message and "文本框" in e.value.message and e.value.code == "too_large"


def test_a_scan_saved_as_docx_says_it_holds_only_pictures():
    pic = ('<w:drawing><wp:anchor><wp:extent cx="100" cy="100"/><a:graphic><a:graphicData>'
           '<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"/></a:graphicData>'
           '</a:graphic></wp:anchor></w:drawing>')
    with pytest.raises(InputError) as e:
        load_bytes(_docx(_document(pic)), "扫描件.docx")
    assert "只有图片" in e.value.message and "扫描件.docx" in e.value.message


def test_thousands_of_boxes_stacked_in_one_place_are_refused_quickly():
    import time
    boxes = "".join(_box("0", str(k % 3), f"文字{chr(0x4e00 + k % 500)}") for k in range(2500))
    t = time.monotonic()
    with pytest.raises(InputError) as e:
        load_bytes(_docx(_document(boxes)), "叠放.docx")
    assert "叠放.docx" in e.value.message and e.value.code == "too_large"
    assert time.monotonic() - t < 10
