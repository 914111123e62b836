"""Long screenshots (长截图): read as page-sized strips cut only between lines of text or on a table's ruling
lines; a browser's full-page screenshot of a report read with its numbers; refusals in Chinese."""

from __future__ import annotations

import json
import random

import pytest
from typer.testing import CliRunner

import nianbao
from conftest import DATA, load_json, mismatches
from nianbao.cli.main import app
from nianbao.errors import InputError

np = pytest.importorskip("numpy", reason="OCR extra not installed")
pytest.importorskip("cv2", reason="OCR extra not installed")
pytest.importorskip("rapidocr", reason="OCR extra not installed")

from nianbao.ingest import longimage  # noqa: E402

SHOT = DATA / "longimage" / "r000_longshot.png"  # r000.html in Chromium 1280 px wide, from 表二 down, grey


def _synthetic(seed: int) -> tuple[np.ndarray, list[tuple[int, int]], list[tuple[int, int]], list[tuple[int, int]]]:
    """A white image 600 px wide: paragraphs of lines of "text" (ink blobs with gaps inside, like 二), then a
    ruled table with no blank row from top to bottom, then more paragraphs. Returns the image, the rows of
    every line of text, the ruled table's (top, bottom) and its horizontal rules' rows."""
    rnd = random.Random(seed)
    w = 600
    img = np.full((9000, w), 255, np.uint8)
    lines: list[tuple[int, int]] = []
    rules: list[tuple[int, int]] = []
    y = 20

    def text_line(y: int, x0: int, x1: int) -> int:
        hgt = rnd.randint(12, 18)
        for x in range(x0, x1, 16):
            img[y:y + hgt, x:x + 12] = rnd.randint(0, 90)
            if rnd.random() < 0.3:  # a glyph with a gap across it (二, 三): one blank row inside the line
                img[y + hgt // 2, x:x + 12] = 255
        lines.append((y, y + hgt))
        return y + hgt

    for _ in range(rnd.randint(6, 12)):  # paragraphs: lines 5–8 px apart, paragraphs 20–30 px apart
        for _ in range(rnd.randint(2, 8)):
            y = text_line(y, 30, rnd.randint(200, 570)) + rnd.randint(5, 8)
        y += rnd.randint(15, 25)
    table_top = y
    xs = [20, 160, 300, 440, 580]
    for _ in range(rnd.randint(50, 80)):  # rows 34–60 px high: text in cells, rules around
        img[y:y + 2, 20:581] = 0
        rules.append((y, y + 2))
        hgt = rnd.randint(34, 60)
        for a, b in zip(xs, xs[1:]):
            text_line(y + rnd.randint(8, hgt - 26), a + 10, b - 20)
        y += hgt
    img[y:y + 2, 20:581] = 0
    rules.append((y, y + 2))
    y += 2
    for x in xs:
        img[table_top:y, x:x + 2] = 0
    table = (table_top, y)
    y += 30
    while y < 8900:
        y = text_line(y, 30, rnd.randint(200, 570)) + rnd.randint(5, 8)
        if rnd.random() < 0.2:
            y += 22
    return img[:y + 40], lines, [table], rules


@pytest.mark.parametrize("seed", range(6))
def test_a_tall_image_is_cut_only_between_lines_or_on_a_ruling_line(seed):
    img, lines, tables, rules = _synthetic(seed)
    h, w = img.shape
    cuts = longimage.strips(img)
    assert len(cuts) >= 6 and cuts[0][0] == 0 and cuts[-1][1] == h
    page = w * longimage.A4
    for (top, end), (start, _) in zip(cuts, cuts[1:]):
        assert start <= end and end - start <= 3  # touching, or overlapping by a ruling line both keep
        assert 0.5 * page <= end - top <= 2 * page
        for a, b in lines:  # no line of text is cut
            assert not (a < end < b) and not (a < start < b), (seed, end, start, a, b)
        t0, t1 = tables[0]
        if t0 < end < t1:  # inside the ruled table: on a rule, which both strips keep
            assert any(a == start and b == end for a, b in rules), (seed, start, end)


def test_an_image_of_page_proportions_is_not_long():
    assert not longimage.is_long(1654, 2339) and not longimage.is_long(1280, 2400)
    assert longimage.is_long(1280, 12000) and longimage.is_long(1080, 20000)


def test_a_long_screenshot_over_its_pixel_ceiling_is_refused_in_chinese(tmp_path):
    from test_ingest_ocr import _blank_png

    path = tmp_path / "长截图.png"
    path.write_bytes(_blank_png(1200, 70000))  # 84 M pixels in ~100 KB: over the long ceiling of 80 M
    with pytest.raises(InputError) as e:
        nianbao.parse(path)
    assert e.value.code == "too_large" and "长截图.png" in e.value.message and "长图" in e.value.message


def test_a_long_screenshot_of_more_pages_than_a_scan_may_have_is_refused_in_chinese(tmp_path):
    from test_ingest_ocr import _blank_png

    path = tmp_path / "长截图.png"
    path.write_bytes(_blank_png(400, 23_000))  # 41 pages of its width: over the 40 pages OCR reads of a scan
    with pytest.raises(InputError) as e:
        nianbao.parse(path)
    assert e.value.code == "too_many_pages" and "长截图.png" in e.value.message and "41 页" in e.value.message


@pytest.mark.slow
def test_a_long_screenshot_is_read_in_strips_with_its_numbers():
    r = CliRunner().invoke(app, ["parse", "--json", str(SHOT)], env={"COLUMNS": "120"})
    assert r.exit_code == 0, r.stderr
    record = json.loads(r.stdout)
    assert mismatches(load_json(SHOT.parent / "expected" / f"{SHOT.name}.json"), record) == []
    # progress a strip at a time, like a scan's pages
    assert f"OCR 识别：{SHOT} 第 1/2 段（长图第 1–" in r.stderr and "第 2/2 段（长图第" in r.stderr
