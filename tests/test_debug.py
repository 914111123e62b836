"""nianbao debug: page images with every extracted cell boxed and keyed, findings on their cells."""

from __future__ import annotations

import re
import subprocess

import pytest

import nianbao
from conftest import BIN, DATA


@pytest.fixture(scope="module")
def dense_html():
    return nianbao.debug_html(DATA / "pdf" / "r000dense.pdf")


def test_pdf_pages_are_inline_images_with_a_box_per_extracted_value(dense_html):
    record = nianbao.parse(DATA / "pdf" / "r000dense.pdf")
    assert dense_html.count('src="data:image/png;base64,') == 4
    for key in ("requests.granted.total", "requests.new_received.natural_person", "appeals.review.upheld",
                "active.punishment"):
        anchor = "v-" + key.replace(".", "-")
        m = re.search(rf'<a class="mark[^"]*" id="{anchor}" style="left:([\d.]+)%;top:([\d.]+)%', dense_html)
        assert m, key
        prov = record.provenance[key]
        assert abs(float(m.group(1)) - prov.bbox[0] / 612 * 100) < 0.01
    boxes = len(re.findall(r'<a class="mark', dense_html))
    assert boxes >= len([k for k in record.provenance if not k.startswith(("narrative.", "meta."))])
    assert "已定位数值：206/206" in dense_html


def test_findings_marked_on_their_cells_and_listed_in_chinese(dense_html):
    # r000dense keeps seed 000's narrative (14 件) beside a dense 表三 (4126): X-01 fires on the total cell
    m = re.search(r'<a class="mark f-warning" id="v-requests-new_received-total"[^>]*>(.*?)</a>', dense_html)
    assert m and "X-01" in m.group(1)
    assert "审核发现" in dense_html and "正文所述收到申请 14 件" in dense_html
    assert 'href="#v-requests-new_received-total"' in dense_html


def test_text_source_is_drawn_as_blocks_with_marked_values():
    seed = sorted((DATA / "text").glob("*.txt"))[0]
    page = nianbao.debug_html(seed)
    assert "data:image/png" not in page
    assert '<div class="text">' in page and "<table" in page
    assert re.search(r'<mark id="v-narrative-requests_received"', page)


@pytest.mark.slow
def test_scan_image_page(tmp_path):
    page = nianbao.debug_html(DATA / "scan" / "r000dense_tilt_p3.png")
    assert page.count('src="data:image/png;base64,') == 1
    assert 'id="v-requests-granted-total"' in page


def test_cli_writes_the_page_and_refuses_bad_input(tmp_path):
    out = tmp_path / "out.html"
    run = subprocess.run([str(BIN / "nianbao"), "debug", str(DATA / "pdf" / "r000.pdf"), "-o", str(out)],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert out.read_text(encoding="utf-8").startswith("<!doctype html>")
    bad = subprocess.run([str(BIN / "nianbao"), "debug", str(DATA / "pdf" / "corrupt.pdf"), "-o", str(out)],
                         capture_output=True, text=True, timeout=120)
    assert bad.returncode == 2 and "已损坏" in bad.stderr and "Traceback" not in bad.stderr
