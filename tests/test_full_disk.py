"""A full disk, for real: a tmpfs of a few hundred kilobytes mounted for the test (issue 10: "writing to a
full disk gives a traceback"). Rendering, opening a store and a batch ingest each say 「磁盘空间不足」 in
Chinese, leave what was there whole, and pick up where they stopped once there is room again."""

from __future__ import annotations

import shutil
import subprocess
import uuid
from pathlib import Path

import pytest

import nianbao
from conftest import DATA, cli
from nianbao import InputError

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEED = DATA / "text" / "000_3da483fcafa05843.txt"


@pytest.fixture
def disk(tmp_path):
    """A mounted tmpfs of 200 KB, and a function that resizes it (``grow("20m")``)."""
    where = tmp_path / "disk"
    where.mkdir()
    if shutil.which("mount") is None:
        pytest.skip("mount is not available")
    r = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=200k", f"nianbao-full-{uuid.uuid4().hex[:6]}", str(where)],
                       capture_output=True, text=True)
    if r.returncode:
        pytest.skip(f"cannot mount a small tmpfs here (needs root): {r.stderr.strip()}")

    def grow(size: str) -> None:
        subprocess.run(["mount", "-o", f"remount,size={size}", str(where)], check=True)

    try:
        yield where, grow
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)


def fill(folder: Path, leave_kb: int = 8) -> None:
    """Take the disk's space but ``leave_kb``."""
    total, used, free = shutil.disk_usage(folder)
    (folder / "filler").write_bytes(b"\0" * max(0, free - leave_kb * 1024))


def test_render_to_a_full_disk_says_so_and_keeps_the_old_file(disk):
    folder, _ = disk
    out = folder / "年报.docx"
    out.write_bytes(b"old")
    fill(folder)
    r = cli("render", SEED, "--to", "docx", "--force", "-o", out)
    code, stdout, stderr = r.returncode, r.stdout, r.stderr
    assert code == 2
    assert "磁盘空间不足" in stdout + stderr and str(out) in stdout + stderr
    assert "Traceback" not in stdout + stderr
    assert out.read_bytes() == b"old"
    assert sorted(p.name for p in folder.iterdir()) == ["filler", "年报.docx"]  # no temporary file left


def test_a_store_on_a_full_disk_is_refused_whole_and_opens_once_there_is_room(disk):
    """Python's sqlite3 committed each CREATE TABLE on its own: a migration cut short left half a schema,
    and every later open said 「table documents already exists」."""
    folder, grow = disk
    fill(folder, leave_kb=24)
    db = folder / "s.sqlite"
    with pytest.raises(InputError) as e:
        nianbao.open_store(db)
    assert "磁盘空间不足" in str(e.value) or "磁盘可能已满" in str(e.value), str(e.value)
    (folder / "filler").unlink()
    grow("20m")
    with nianbao.open_store(db) as store:
        assert store.reports() == [] or len(store.reports()) == 0


def test_a_batch_on_a_full_disk_marks_each_unsaved_file_and_a_rerun_saves_them(disk, tmp_path):
    folder, grow = disk
    grow("600k")
    db = folder / "s.sqlite"
    nianbao.open_store(db).close()
    fill(folder, leave_kb=64)
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for p in (SHARED / "seeds").glob("*.txt"):
        shutil.copy(p, seeds / p.name)
    r = cli("ingest", seeds, "--db", db, "--workers", "1")
    code, stdout, stderr = r.returncode, r.stdout, r.stderr
    assert "Traceback" not in stdout + stderr
    assert code == 1
    assert "磁盘空间不足" in stdout.replace("\n", "").replace("│", "").replace(" ", "")
    (folder / "filler").unlink()
    grow("40m")
    r = cli("ingest", seeds, "--db", db, "--workers", "1")
    code, stdout, stderr = r.returncode, r.stdout, r.stderr
    assert code == 0, stdout + stderr
    with nianbao.open_store(db) as store:
        assert len(store.documents()) == 5
