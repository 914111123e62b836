"""Batch ingest of hostile archives (issue 10, and issue 11 point 14): every member gets a status, good members
are stored, a poisoned document fails alone, no member name is used as a path, names are decoded right."""

from __future__ import annotations

import io
import shutil
import struct
import subprocess
import time
import zipfile
from collections import Counter

import pytest
from harness import LOCAL_SEEDS as SEEDS

import nianbao

TEXT = SEEDS["000.txt"].read_bytes()


def _patch_member(data: bytes, member: str, *, flag: int = 0, method: int | None = None) -> bytes:
    """Set general-purpose flag bits or the compression method of ``member`` in both of its headers."""
    b = bytearray(data)
    name = member.encode()
    for sig, off_flag, off_method, off_len, off_name in ((b"PK\x03\x04", 6, 8, 26, 30), (b"PK\x01\x02", 8, 10, 28, 46)):
        i = b.find(sig)
        while i >= 0:
            n = struct.unpack("<H", b[i + off_len:i + off_len + 2])[0]
            if bytes(b[i + off_name:i + off_name + n]) == name:
                b[i + off_flag] |= flag
                if method is not None:
                    b[i + off_method:i + off_method + 2] = struct.pack("<H", method)
            i = b.find(sig, i + 4)
    return bytes(b)


def _poisoned_text() -> bytes:
    line = next(x for x in TEXT.split(b"\n") if x.startswith("一、本年新收".encode()))
    return TEXT.replace(line, line.replace(b"14", str(2 ** 63 + 1).encode(), 1))


def _hostile_zip(path):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("good/000.txt", TEXT)
        z.writestr("good/r000.html", SEEDS["r000.html"].read_bytes())
        z.writestr("good/r000.docx", SEEDS["r000.docx"].read_bytes())
        z.writestr("bad/encrypted.txt", TEXT + b"\n")
        z.writestr("bad/method.txt", TEXT + b"\n\n")
        z.writestr("../evil.txt", TEXT + b"\n\n\n")
        z.writestr("/abs/evil.txt", TEXT + b"\n\n\n\n")
        z.writestr("bad/bomb.txt", b"0" * (80 * 1024 * 1024))
        z.writestr("bad/overflow.txt", _poisoned_text())
        z.writestr("bad/noise.txt", bytes(range(1, 256)) * 40)
    data = _patch_member(buf.getvalue(), "bad/encrypted.txt", flag=1)
    data = _patch_member(data, "bad/method.txt", method=99)
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("workers", [1, 2])
def test_hostile_zip_every_member_has_a_status(tmp_path, workers):
    archive = _hostile_zip(tmp_path / "收件箱.zip")
    with nianbao.open_store(tmp_path / "s.sqlite") as store:
        result = nianbao.ingest_batch([archive], store, workers=workers)
        by = {o.name.split(".zip:", 1)[1]: o for o in result.outcomes}
        assert set(by) == {"good/000.txt", "good/r000.html", "good/r000.docx", "bad/encrypted.txt", "bad/method.txt",
                           "../evil.txt", "/abs/evil.txt", "bad/bomb.txt", "bad/overflow.txt", "bad/noise.txt"}, by
        for good in ("good/000.txt", "good/r000.html", "good/r000.docx"):
            assert by[good].status.value in ("成功", "部分成功"), (good, by[good].errors)
        for bad, why in (("bad/encrypted.txt", "加密"), ("bad/method.txt", "压缩方式"), ("../evil.txt", "路径"),
                         ("/abs/evil.txt", "路径"), ("bad/bomb.txt", "MB"), ("bad/noise.txt", "")):
            assert by[bad].status.value == "失败", (bad, by[bad])
            assert why in by[bad].errors[0] and "收件箱.zip" in by[bad].errors[0], by[bad].errors
        # the value over 2^63 is unreadable (null, L-04), not a crash of the store
        assert by["bad/overflow.txt"].status.value in ("成功", "部分成功"), by["bad/overflow.txt"].errors
        docs = Counter(d["status"] for d in store.documents())
        assert docs["成功"] + docs["部分成功"] == 4, docs
    assert not (tmp_path / "evil.txt").exists() and not (tmp_path.parent / "evil.txt").exists()


def test_a_group_that_fails_to_store_fails_alone(tmp_path, monkeypatch):
    """A document the store refuses (here: a value a 64-bit column cannot hold, forced past extraction)
    fails alone; the documents of its commit group are stored."""
    from nianbao import record as rec_mod

    folder = tmp_path / "in"
    folder.mkdir()
    names = ["聊城市统计局", "聊城市教育局", "聊城市水利局", "聊城市民政局", "聊城市财政局"]
    for i, agency in enumerate(names):
        (folder / f"r{i}.txt").write_bytes(TEXT.replace("聊城市统计局".encode(), agency.encode()))
    original = rec_mod.Record.to_json_dict

    def poisoned(self, *a, **k):
        d = original(self, *a, **k)
        if self.meta.agency == "聊城市水利局":
            d["requests"]["new_received"]["natural_person"] = 2 ** 64
        return d

    monkeypatch.setattr(rec_mod.Record, "to_json_dict", poisoned)
    with nianbao.open_store(tmp_path / "s.sqlite") as store:
        result = nianbao.ingest_batch([folder], store, workers=1)
        c = Counter(o.status.value for o in result.outcomes)
        assert c["失败"] == 1 and c["成功"] + c["部分成功"] == 4, [(o.name, o.status, o.errors) for o in result.outcomes]
        failed = next(o for o in result.outcomes if o.status.value == "失败")
        assert failed.name.endswith("r2.txt") and "r2.txt" in failed.errors[0]
        docs = Counter(d["status"] for d in store.documents())
        assert docs["成功"] + docs["部分成功"] == 4 and docs["失败"] == 1, docs


def test_zip_made_by_linux_zip_keeps_utf8_names(tmp_path):
    """Issue 11 point 14: Info-ZIP on Linux writes UTF-8 names without the UTF-8 flag."""
    if shutil.which("zip") is None:
        pytest.skip("zip is not installed")
    src = tmp_path / "src"
    src.mkdir()
    name = "聊城市水利局2023年报.txt"
    (src / name).write_bytes(TEXT)
    subprocess.run(["zip", "-q", "-X", str(tmp_path / "linux.zip"), name], cwd=src, check=True)
    with zipfile.ZipFile(tmp_path / "linux.zip") as z:
        assert not z.infolist()[0].flag_bits & 0x800  # the case: no UTF-8 flag
    with nianbao.open_store(tmp_path / "s.sqlite") as store:
        result = nianbao.ingest_batch([tmp_path / "linux.zip"], store, workers=1)
        assert [o.name for o in result.outcomes] == [f"{tmp_path / 'linux.zip'}:{name}"]
        assert any(d["name"].endswith(name) for d in store.documents())


def test_gbk_names_from_windows_still_read(tmp_path):
    name = "某某区教育局年报.txt"
    raw = name.encode("gbk")  # as Chinese Windows writes it: GBK bytes, no UTF-8 flag
    placeholder = b"x" * len(raw)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr(placeholder.decode(), TEXT)
    (tmp_path / "win.zip").write_bytes(buf.getvalue().replace(placeholder, raw))
    with nianbao.open_store(tmp_path / "s.sqlite") as store:
        result = nianbao.ingest_batch([tmp_path / "win.zip"], store, workers=1)
        assert result.outcomes[0].name.endswith(":" + name)


@pytest.mark.slow
def test_zip_of_4000_members_is_linear(tmp_path):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for i in range(4000):
            z.writestr(f"m/{i:04d}.txt", f"第{i}号 不是年报".encode())
    (tmp_path / "many.zip").write_bytes(buf.getvalue())
    t = time.monotonic()
    with nianbao.open_store(tmp_path / "s.sqlite") as store:
        result = nianbao.ingest_batch([tmp_path / "many.zip"], store, workers=2)
    assert len(result.outcomes) == 4000
    assert time.monotonic() - t < 120
