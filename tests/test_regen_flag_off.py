import pytest

from conftest import DATA, GOLDEN, REGEN, golden


def test_regen_flag_is_off():
    """Golden files are rewritten only by hand (NIANBAO_REGEN=1), never in a normal run."""
    assert not REGEN, "NIANBAO_REGEN=1 is set: golden files are being rewritten, not checked"


def test_golden_files_have_one_folder_name(tmp_path):
    """golden() writes only into folders named golden/, and no older name is left under tests/data."""
    with pytest.raises(AssertionError, match="golden/"):
        golden(tmp_path / "groundtruth" / "x.json", {})
    assert not (tmp_path / "groundtruth").exists()
    assert {p.parent.name for p in DATA.rglob("*.record.json")} <= {GOLDEN}
    assert not list(DATA.rglob("groundtruth"))
