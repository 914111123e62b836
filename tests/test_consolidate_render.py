"""A region's consolidation rendered as a report: consolidate --json → render → parse gives the sums."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

import nianbao
from conftest import DATA, cli

SEEDS = sorted((DATA / "text").glob("00[01]_*.txt"))  # two 聊城市 departments, 2021


def nb(*args, cwd):
    return cli(*args, cwd=cwd)


def test_consolidation_renders_and_reads_back(tmp_path):
    db = tmp_path / "c.sqlite"
    assert nb("ingest", *SEEDS, "--db", db, cwd=tmp_path).returncode == 0
    r = nb("consolidate", "--region", "聊城市", "--year", "2021", "--db", db, "--json", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    summed = json.loads(r.stdout)
    (tmp_path / "sum.json").write_text(r.stdout, encoding="utf-8")
    out = tmp_path / "sum.html"
    r = nb("render", tmp_path / "sum.json", "--to", "html", "-o", out, cwd=tmp_path)
    assert r.returncode == 0, r.stdout + r.stderr
    back = nianbao.parse(out)
    want = summed["record"]
    assert back.requests["new_received"].total == 14 + 2 == want["requests"]["new_received"]["total"]
    for part in ("active", "requests", "appeals"):
        assert back.to_json_dict()[part] == want[part]


# ---- what a consolidation is, as the 政务公开办 meets it (issue 11: no 「聊城市（汇总）」, no empty sections) -----
OFFICE = "聊城市人民政府办公室"
PROSE = ("一、总体情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项")


def test_the_consolidating_office_is_named_from_the_region_unless_given():
    from nianbao.analyse.consolidate import office_name

    assert office_name("聊城市") == office_name("聊城市人民政府") == "聊城市人民政府办公室"
    assert office_name("东昌府区") == "东昌府区人民政府办公室" and office_name("阳谷县") == "阳谷县人民政府办公室"
    assert office_name("山东省") == "山东省人民政府办公厅" and office_name("北京市") == "北京市人民政府办公厅"
    assert office_name("广西壮族自治区") == "广西壮族自治区人民政府办公厅"
    assert office_name("阿城镇") == "阿城镇人民政府" and office_name("古楼街道") == "古楼街道办事处"
    assert office_name("聊城市教育局") == "聊城市教育局"  # a department consolidates its units under its own name


def _consolidated(tmp_path, *extra) -> dict:
    db = tmp_path / "c.sqlite"
    assert nb("ingest", *SEEDS, "--db", db, cwd=tmp_path).returncode == 0
    r = nb("consolidate", "--region", "聊城市", "--year", "2021", "--db", db, "--json", *extra, cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    (tmp_path / "sum.json").write_text(r.stdout, encoding="utf-8")
    return json.loads(r.stdout)


def test_the_record_says_it_is_a_consolidation(tmp_path):
    summed = _consolidated(tmp_path)
    rec = summed["record"]
    assert rec["consolidation"] == {"region": "聊城市", "office": OFFICE, "count": 2,
                                    "units": ["聊城市工业和信息化局", "聊城市统计局"],
                                    "via": {}, "covered": {}, "unsettled": {}}
    assert rec["meta"]["agency"] == OFFICE and rec["signature"]["agency"] == OFFICE and summed["office"] == OFFICE
    assert "（汇总）" not in json.dumps([rec["meta"]["agency"], rec["signature"]], ensure_ascii=False)
    # the office a user names signs it
    (tmp_path / "b").mkdir()
    again = _consolidated(tmp_path / "b", "--office", "聊城市政务公开办公室")
    assert again["record"]["consolidation"]["office"] == again["record"]["signature"]["agency"] == "聊城市政务公开办公室"


def test_consolidate_help_names_the_office_and_how_to_render(tmp_path):
    r = nb("consolidate", "--help", cwd=tmp_path)
    assert r.returncode == 0
    text = " ".join(r.stdout.split())
    assert "--office" in text and "汇总单位" in text and "nianbao render" in text and "由汇总单位填写" in text
    db = tmp_path / "c.sqlite"
    assert nb("ingest", *SEEDS, "--db", db, cwd=tmp_path).returncode == 0
    r = nb("consolidate", "--region", "聊城市", "--year", "2021", "--db", db, cwd=tmp_path)
    assert f"汇总单位：{OFFICE}" in r.stdout and "汇总的单位（2）" in r.stdout


def test_consolidation_docx_has_no_empty_section_and_is_signed_by_the_office(tmp_path):
    from docx import Document

    _consolidated(tmp_path)
    out = tmp_path / "汇总.docx"
    r = nb("render", tmp_path / "sum.json", "-o", out, cwd=tmp_path)  # no --force: the gate passes a consolidation
    assert r.returncode == 0, r.stdout + r.stderr
    doc = Document(out)
    paras = [p for p in doc.paragraphs if p.text.strip()]
    texts = [p.text for p in paras]
    assert [p.text for p in paras if p.style.name == "Report Title"] == ["聊城市", "2021年政府信息公开工作年度报告（汇总）"]
    assert f"{OFFICE}汇总" in texts
    assert any(t.startswith("汇总的单位（2个）：聊城市工业和信息化局、聊城市统计局") for t in texts)
    assert not any("（汇总）" in t for t in texts if not t.startswith("2021年"))  # never as an agency
    for head in PROSE:  # every prose section carries the marked placeholder, never an empty heading
        i = texts.index(head)
        nxt = paras[i + 1]
        assert nxt.text.startswith("（由汇总单位填写：") and nxt.style.name != "Heading 1"
        assert all(run.font.highlight_color is not None for run in nxt.runs)
    assert texts[-2:] == [OFFICE, "（由汇总单位填写：成文日期）"]
    assert not any(t.startswith("（由汇总单位补录：") for t in texts)  # every cell was summed
    assert doc.core_properties.author == OFFICE and doc.core_properties.title == "聊城市2021年政府信息公开工作年度报告（汇总）"


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                    reason="LibreOffice or poppler-utils not installed")
def test_consolidation_pdf_text_reads_as_a_consolidation(tmp_path):
    _consolidated(tmp_path)
    out = tmp_path / "汇总.pdf"
    r = nb("render", tmp_path / "sum.json", "-o", out, cwd=tmp_path)
    assert r.returncode == 0, r.stdout + r.stderr
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True).stdout
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    assert "聊城市（汇总）" not in text.replace(" ", "")
    sign = [i for i, ln in enumerate(lines) if ln == OFFICE]
    assert sign and lines[sign[-1] + 1].startswith("（由汇总单位填写：成文日期")  # signed by the office
    for head in PROSE:
        i = next(k for k, ln in enumerate(lines) if ln == head)
        assert lines[i + 1].startswith("（由汇总单位填写："), (head, lines[i + 1])


def test_consolidation_in_the_template_is_the_regions_signed_by_the_office(tmp_path):
    from openpyxl import load_workbook

    _consolidated(tmp_path)
    out = tmp_path / "汇总.xlsx"
    assert nb("render", tmp_path / "sum.json", "-o", out, cwd=tmp_path).returncode == 0
    wb = load_workbook(out)
    first, last = wb.worksheets[0], wb.worksheets[-1]
    assert first["A1"].value == "聊城市" and first["B1"].value == "2021年政府信息公开工作年度报告（汇总）"
    assert OFFICE in [c.value for row in last.iter_rows() for c in row]
