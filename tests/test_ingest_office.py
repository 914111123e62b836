""".doc / .wps through LibreOffice: the samples extract exactly; without LibreOffice a Chinese install hint."""

from __future__ import annotations

import os
import subprocess

import pytest

import nianbao
from conftest import BIN, DATA, SHARED, assert_score_py_100, load_json, mismatches
from nianbao.errors import InputError
from nianbao.ingest import load, sniff
from nianbao.ingest.office import ole_kind, soffice

DOC = DATA / "doc"
CASES = sorted(p for p in DOC.iterdir() if p.suffix in (".doc", ".wps", ".rtf", ".odt") and (DOC / "expected" / f"{p.name}.json").exists())
needs_soffice = pytest.mark.skipif(soffice() is None, reason="LibreOffice not installed (scripts/sysdeps.sh)")


@pytest.mark.slow
@needs_soffice
@pytest.mark.parametrize("path", CASES, ids=lambda p: p.name)
def test_doc_and_wps_match_expected_record(path):
    expected = load_json(DOC / "expected" / f"{path.name}.json")
    assert mismatches(expected, nianbao.parse(path).to_json_dict()) == []


def test_cases_cover_the_samples():
    assert {"r000dense.doc", "r000dense.wps", "r000dense.rtf", "r000dense.odt"} <= {p.name for p in CASES}


def test_rtf_and_odt_are_sniffed_by_bytes_not_name():
    """An .odt was refused as a zip file and an .rtf read as text (its control words), whatever the name."""
    for ext, kind in ((".rtf", "rtf"), (".odt", "odt")):
        data = (DOC / f"r000dense{ext}").read_bytes()
        assert sniff(data, f"r000dense{ext}") == kind and sniff(data, "report.txt") == kind


def test_wps_is_sniffed_by_bytes_not_name():
    data = (DOC / "r000dense.wps").read_bytes()
    assert sniff(data, "r000dense.wps") == "ole" and sniff(data, "report.txt") == "ole"
    assert ole_kind(data) == "word"


@pytest.mark.slow
@needs_soffice
def test_doc_keeps_grid_provenance():
    doc = load(DOC / "r000dense.doc")
    assert doc.kind == "doc"
    assert any(b.grid for b in doc.blocks)


def test_encrypted_doc_is_refused_before_conversion():
    with pytest.raises(InputError) as e:
        nianbao.parse(DOC / "encrypted.doc")
    assert "加密" in e.value.message and "encrypted.doc" in e.value.message


@pytest.mark.slow
@needs_soffice
def test_corrupt_doc_is_chinese_input_error():
    r = subprocess.run([str(BIN / "nianbao"), "parse", str(DOC / "corrupt.doc")], capture_output=True, text=True,
                       timeout=300, check=False)
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert "corrupt.doc" in r.stderr + r.stdout and "无法转换" in r.stderr + r.stdout


def test_without_libreoffice_says_what_to_install(tmp_path):
    env = {**os.environ, "PATH": str(tmp_path), "COLUMNS": "300"}
    r = subprocess.run([str(BIN / "nianbao"), "parse", str(DOC / "r000dense.wps")], capture_output=True, text=True,
                       timeout=60, env=env, check=False)
    assert r.returncode == 2 and "Traceback" not in r.stderr
    out = " ".join((r.stderr + r.stdout).split())
    assert "LibreOffice" in out and "libreoffice-writer-nogui" in out


@pytest.mark.slow
@needs_soffice
@pytest.mark.skipif(not (SHARED / "tools" / "score.py").exists(), reason="shared/ not beside the repo")
def test_score_py_on_doc_and_wps_is_100_percent():
    assert_score_py_100(DOC / "expected", DOC)
