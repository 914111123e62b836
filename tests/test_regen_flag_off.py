from conftest import REGEN


def test_regen_flag_is_off():
    """Golden files are rewritten only by hand (NIANBAO_REGEN=1), never in a normal run."""
    assert not REGEN, "NIANBAO_REGEN=1 is set: golden files are being rewritten, not checked"
