"""Phone photos of printed pages (ingest/photo.py): the page found, rectified and evenly lit before OCR; scans
and screenshots untouched. The photo is bench/photosynth.py's (moderate: keystone, a 4° turn at most, a
shadowed side, a grained desk, blur, JPEG q70) of r000dense's 表三 page."""

from __future__ import annotations

import pytest

import nianbao
from conftest import DATA, load_json, mismatches
from nianbao.errors import InputError

pytest.importorskip("rapidocr", reason="OCR extra not installed")

PHOTO = DATA / "photo"
SCAN = DATA / "scan"


def _gray(path, frame=0):
    from nianbao.ingest.ocr import decode_image

    return decode_image(path.read_bytes(), path.name, frame=frame)


def test_the_page_is_found_in_the_photo():
    from nianbao.ingest.photo import find_page

    gray = _gray(PHOTO / "r000dense_photo_p3.jpg")
    corners, _, _ = find_page(gray)
    assert corners is not None
    h, w = gray.shape
    # the page (TL, TR, BR, BL) stands inside the frame with the desk around it, keystoned
    assert all(0 < x < w and 0 < y < h for x, y in corners)
    assert corners[0][0] < corners[1][0] and corners[3][0] < corners[2][0]
    assert corners[0][1] < corners[3][1] and corners[1][1] < corners[2][1]


@pytest.mark.parametrize("name", ["r000dense_tilt_p3.png", "r001_scan_p2-3.tif"])
def test_scans_are_not_photos(name):
    """A scan's page fills the frame: the image comes back as it is (the same array), not rectified."""
    from nianbao.ingest.photo import prepare

    for frame in (0, 1) if name.endswith(".tif") else (0,):
        gray = _gray(SCAN / name, frame)
        out, is_photo = prepare(gray)
        assert not is_photo and out is gray


def test_scanned_pdf_pages_are_not_photos():
    import pypdfium2 as pdfium

    from nianbao.ingest.ocr import as_page, render_scale
    from nianbao.ingest.photo import find_page

    for name in ("r000dense_scan_p3.pdf", "r000dense_scanbad_p3.pdf", "r001_scan_p2-3.pdf", "r000dense_tilt_p3.pdf"):
        pdf = pdfium.PdfDocument(SCAN / name)
        for page in pdf:
            scale = render_scale(page.get_width(), page.get_height())
            gray = page.render(scale=scale, grayscale=True).to_numpy()
            gray = gray[:, :, 0] if gray.ndim == 3 else gray
            assert find_page(gray)[0] is None, name
            out, same = as_page(gray, scale, name)
            assert out is gray and same == scale


@pytest.mark.slow
def test_photo_reads_its_table_and_no_wrong_number():
    """The rectified read gives 表三 as the hand-read record has it (its 190 - 15 fields; 表四's small
    cells stay null: their sums do not confirm them); above all, no number differs."""
    path = PHOTO / "r000dense_photo_p3.jpg"
    expected = load_json(PHOTO / "expected" / f"{path.name}.json")
    record = nianbao.parse(path).to_json_dict()
    bad = mismatches(expected, record)
    assert [b for b in bad if b[2] is not None] == []  # never a wrong value
    assert [b for b in bad if b[0].startswith("requests.")] == []


@pytest.mark.slow
def test_unreadable_photo_says_so(tmp_path):
    """A photo of a blank page: the page is found and rectified, nothing is read: a Chinese message that
    names the file and says it is a photo."""
    import cv2
    import numpy as np

    img = np.full((1200, 900), 90, np.uint8)
    cv2.fillConvexPoly(img, np.int32([[150, 120], [760, 160], [730, 1080], [170, 1050]]), 235)
    path = tmp_path / "空白照片.jpg"
    cv2.imwrite(str(path), img)
    with pytest.raises(InputError) as e:
        nianbao.read_document(path)
    assert "空白照片.jpg" in str(e.value) and "照片" in str(e.value).split("：", 1)[1]


# ---- a photo pasted into a Word file (a clerk's phone photo of the printed page, saved as .docx) ------------

class _Read(BaseException):  # not an Exception: the reader turns those into InputError
    """OCR reached: the arrays it was given are what is tested."""


def _photo_docx(tmp_path):
    import docx
    from docx.shared import Inches

    d = docx.Document()
    d.add_picture(str(PHOTO / "r000dense_photo_p3.jpg"), width=Inches(6.3))
    path = tmp_path / "照片.docx"
    d.save(str(path))
    return path


def _to_ocr(monkeypatch, path):
    """The arrays a Word file's page pictures are decoded to, and those OCR is given (with their scale)."""
    from nianbao.ingest import load_bytes, ocr

    decoded, given = [], []
    decode = ocr.decode_image

    def keep(*a, **k):
        decoded.append(decode(*a, **k))
        return decoded[-1]

    def stop(gray, number, scale, *a, **k):
        given.append((gray, scale))
        raise _Read

    monkeypatch.setattr(ocr, "decode_image", keep)
    monkeypatch.setattr(ocr, "ocr_image", stop)
    with pytest.raises(_Read):
        load_bytes(path.read_bytes(), path.name)
    return decoded, given


def test_a_photo_pasted_into_a_word_file_is_straightened(monkeypatch, tmp_path):
    from nianbao.ingest.photo import PAGE_SIDE

    decoded, given = _to_ocr(monkeypatch, _photo_docx(tmp_path))
    (gray, scale), = given
    assert max(gray.shape) == PAGE_SIDE and scale == PAGE_SIDE / 842  # rectified to A4 at 200 dpi, as a photo file
    assert gray.shape != decoded[0].shape


def test_a_scan_pasted_into_a_word_file_is_read_as_it_was(monkeypatch):
    """A scan's page fills its picture: the decoded array goes on as it is (resampled to its shown size)."""
    from nianbao.ingest import pictures

    resampled = []
    at = pictures.at_resolution

    def keep(gray, w, h):
        resampled.append((gray, at(gray, w, h)))
        return resampled[-1][1]

    monkeypatch.setattr(pictures, "at_resolution", keep)
    decoded, given = _to_ocr(monkeypatch, DATA / "docxscan" / "r000dense_scanbad_p3.docx")
    (into, out), = resampled
    assert into is decoded[0] and given[0][0] is out[0] and given[0][1] == out[1]


@pytest.mark.slow
def test_a_photo_in_a_word_file_reads_as_the_photo_does(tmp_path):
    """Straightened, the photo pasted into Word reads its 表三 whole (unstraightened: not one cell); no number
    differs from the hand-read record."""
    expected = load_json(PHOTO / "expected" / "r000dense_photo_p3.jpg.json")
    record = nianbao.parse(_photo_docx(tmp_path)).to_json_dict()
    bad = mismatches(expected, record)
    assert [b for b in bad if b[2] is not None] == []
    assert [b for b in bad if b[0].startswith("requests.")] == []


@pytest.mark.slow
def test_debug_draws_a_photo_straightened_with_its_boxes_on_it():
    """The debug view draws the page OCR read, the straightened photo (A4's 842 pt on its long side), so each
    box sits on its cell; drawn as the photo was taken, the boxes fell beside the keystoned table."""
    import re

    path = PHOTO / "r000dense_photo_p3.jpg"
    page = nianbao.debug_html(path)
    w, h = map(float, re.search(r'<figure class="page" style="aspect-ratio:([\d.]+)/([\d.]+)', page).groups())
    assert abs(max(w, h) - 842) < 0.01
    from nianbao.debug.view import marks

    doc = nianbao.read_document(path)
    box = next(m.box for m in marks(doc, nianbao.build_record(doc), [])[0] if m.key == "requests.granted.total")
    left, top = map(float, re.search(r'id="v-requests-granted-total" style="left:([\d.]+)%;top:([\d.]+)%', page).groups())
    assert abs(left - box[0] / w * 100) < 0.01 and abs(top - box[1] / h * 100) < 0.01
