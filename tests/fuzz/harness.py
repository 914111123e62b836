"""Fuzzing harness (issue 10): mutated documents of every kind through parse → audit → store → render.

Each input is made deterministically from (seed, index): a seed document of some kind (the shared seeds,
research samples and corpus, plus LOCAL_SEEDS below) and a mutator for that kind (byte flips,
truncation, zip part corruption, XML attribute bombs, digit runs, PDF object corruption, image header
lies, zip bombs). Each input runs in a forked child of a process that has imported nianbao once, under
an address-space limit (resource.setrlimit) and a wall-time limit, and its outcome is classified:

    record     a record came out (and the audit, the store and the renderers took it)
    clean      a NianbaoError with a Chinese message naming the file
    unhandled  any other exception (the stage and the place are kept), or a message that does not
               name the file, or a record holding a number its (text) input does not contain
    timeout    over the time limit: 30 s of CPU (RLIMIT_CPU), or 120 s of wall time
    memory     MemoryError, or over 1 GB resident
    crash      the child died (a signal in a native library)

    python tests/fuzz/harness.py -n 10000 --jobs 2 --out fuzz-out      # make fuzz N=10000
    python tests/fuzz/harness.py -n 300 --quick                         # the run make test does

Inputs that end anything but record/clean are written to ``--out``/found/ to become regression
fixtures; a JSON line per input goes to ``--out``/results.jsonl.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import re
import resource
import select
import signal
import struct
import sys
import tempfile
import time
import traceback
import unicodedata
import zipfile
import zlib
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SHARED = ROOT.parent / "shared"
DATA = ROOT / "tests" / "data"
# The local seeds, one document of each kind, read where the other tests keep them (no copy that can drift);
# tests/data/fuzz/seeds holds only the two that no other test uses. In name order, as the runs were made.
LOCAL_SEEDS: dict[str, Path] = {
    "000.txt": DATA / "text" / "000_3da483fcafa05843.txt",
    "000.xlsx": DATA / "fuzz" / "seeds" / "000.xlsx",
    "r000.docx": DATA / "docx" / "r000.docx",
    "r000.html": DATA / "html" / "r000.html",
    "r000.pdf": DATA / "pdf" / "r000.pdf",
    "r000_p1.png": DATA / "fuzz" / "seeds" / "r000_p1.png",
    "r000dense.ofd": DATA / "ofd" / "r000dense.ofd",
}

TIME_LIMIT = 30.0  # CPU seconds of one input (RLIMIT_CPU): the machine is shared, so wall time is noisy
WALL_LIMIT = 120.0  # wall seconds after which a child is killed whatever its CPU time
RSS_LIMIT_MB = 1024
OUTCOMES = ("record", "clean", "unhandled", "timeout", "memory", "crash")


# ---- seeds ----------------------------------------------------------------------------------------
def _kind_of(p: Path) -> str | None:
    s = p.suffix.lower()
    return {".txt": "text", ".md": "text", ".html": "html", ".htm": "html", ".docx": "docx", ".xlsx": "xlsx",
            ".ofd": "ofd", ".pdf": "pdf", ".png": "image", ".jpg": "image", ".jpeg": "image",
            ".doc": "office", ".wps": "office"}.get(s)


def find_seeds(quick: bool = False) -> dict[str, list[Path]]:
    """Seed documents by kind, in a stable order. Scanned PDFs go to "scan" (OCR is slow: few inputs)."""
    roots = [SHARED / "seeds", SHARED / "research" / "samples", SHARED / "corpus"]
    out: dict[str, list[Path]] = defaultdict(list)
    for paths in [list(LOCAL_SEEDS.values())] + [sorted(r.rglob("*")) for r in roots if r.exists()]:
        for p in paths:
            if not p.is_file() or "expected" in p.parts or p.stat().st_size > 8 * 1024 * 1024:
                continue
            kind = _kind_of(p)
            if kind is None:
                continue
            if kind == "pdf" and "scan" in p.name:
                kind = "scan"
            out[kind].append(p)
    if quick:  # the short run: the small local seeds first, a few shared ones; no OCR, no LibreOffice
        out.pop("scan", None)
        out.pop("office", None)
        for k in out:
            out[k] = out[k][:4]
    return dict(out)


# ---- mutators --------------------------------------------------------------------------------------
Mutator = Callable[[random.Random, bytes], bytes]


def flip_bits(rng: random.Random, data: bytes) -> bytes:
    b = bytearray(data)
    for _ in range(rng.choice((1, 1, 2, 8, 64))):
        i = rng.randrange(len(b))
        b[i] ^= 1 << rng.randrange(8)
    return bytes(b)


def flip_byte(rng: random.Random, data: bytes) -> bytes:
    b = bytearray(data)
    b[rng.randrange(len(b))] = rng.randrange(256)
    return bytes(b)


def truncate(rng: random.Random, data: bytes) -> bytes:
    return data[: rng.randrange(1, max(2, len(data)))]


def splice(rng: random.Random, data: bytes) -> bytes:
    """Cut a chunk out, or repeat it many times."""
    i = rng.randrange(len(data))
    j = min(len(data), i + rng.randrange(1, 4096))
    if rng.random() < 0.5:
        return data[:i] + data[j:]
    return data[:j] + data[i:j] * rng.choice((2, 50, 2000)) + data[j:]


def insert_junk(rng: random.Random, data: bytes) -> bytes:
    i = rng.randrange(len(data))
    junk = rng.choice((bytes(rng.randrange(256) for _ in range(rng.randrange(1, 64))), b"\x00" * 1000,
                       b"\xff\xfe", b"\xef\xbb\xbf", b"%PDF-1.7", b"PK\x03\x04"))
    return data[:i] + junk + data[i:]


_NUMBER = re.compile(rb"(?<![\d.])\d{1,4}(?![\d.])")


def digit_run(rng: random.Random, data: bytes) -> bytes:
    """A number becomes a run of digits: 5 000 of them, 2^63 + 1, 9999, a negative or a fraction."""
    ms = list(_NUMBER.finditer(data[: 2 * 1024 * 1024]))
    if not ms:
        return data + b"9" * 5000
    out = data
    for m in rng.sample(ms, min(len(ms), rng.choice((1, 1, 3, 20)))):
        new = rng.choice((b"9" * 5000, b"9" * 400, str(2 ** 63 + 1).encode(), b"99999999999999999999", b"9999",
                          b"-" + m.group(0), m.group(0) + b".5", b"1e308", "１２３４５６７８９０１２３".encode(),
                          "一" + "万" * 50))
        if isinstance(new, str):
            new = new.encode()
        out = out.replace(m.group(0), new, 1)
    return out


def text_mutate(rng: random.Random, data: bytes) -> bytes:
    choice = rng.random()
    if choice < 0.3:
        return flip_byte(rng, data)  # one byte: must not reject the file
    if choice < 0.55:
        return digit_run(rng, data)
    if choice < 0.65:
        lines = data.split(b"\n")
        rng.shuffle(lines)
        return b"\n".join(lines)
    if choice < 0.75:
        return data.replace(b"\t", b"\t" * rng.choice((2, 100)), rng.choice((1, 50)))
    if choice < 0.85:
        return data.replace("年".encode(), "年<script>alert(1)</script>".encode(), 2)
    return rng.choice((truncate, splice, insert_junk))(rng, data)


def html_mutate(rng: random.Random, data: bytes) -> bytes:
    c = rng.random()
    if c < 0.3:
        attr = rng.choice((b"colspan", b"rowspan"))
        val = rng.choice((b"9" * 5000, b"1000000000", b"0", b"-5", b"abc", b"65535"))
        return data.replace(b"<td", b"<td " + attr + b'="' + val + b'"', rng.choice((1, 5, 500)))
    if c < 0.4:
        depth = rng.choice((300, 5000, 50000))
        i = data.find(b"<body")
        i = i if i >= 0 else 0
        return data[:i] + b"<div>" * depth + data[i:]
    if c < 0.5:
        return data.replace(b"charset=", b"charset=" + rng.choice((b"idna", b"punycode", b"utf-7", b"x-none", b"utf-16")), 1)
    if c < 0.7:
        return digit_run(rng, data)
    return text_mutate(rng, data)


def _rezip(data: bytes, edit: Callable[[zipfile.ZipInfo, bytes], bytes | None],
           extra: list[tuple[str, bytes]] = ()) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as z, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as w:
        for info in z.infolist():
            try:
                raw = z.read(info)
            except Exception:  # noqa: BLE001 - a seed we mutated before: keep it as is
                continue
            new = edit(info, raw)
            if new is not None:
                w.writestr(_stamped(info.filename), new)
        for name, raw in extra:
            w.writestr(_stamped(name), raw)
    return out.getvalue()


def _stamped(name: str) -> zipfile.ZipInfo:
    """A member with a fixed date: writestr(name) stamps the current time, and the same (seed, index)
    must give the same bytes on every run."""
    return zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))


def _xml_parts(data: bytes) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return [i.filename for i in z.infolist() if i.filename.endswith((".xml", ".rels"))]


_ATTR_BOMBS = {
    "docx": [(rb"<w:tcPr>", b'<w:tcPr><w:gridSpan w:val="%s"/>'), (rb"<w:trPr>", b'<w:trPr><w:gridBefore w:val="%s"/>'),
             (rb'<w:start w:val="\d+"', b'<w:start w:val="%s"'), (rb'<w:ilvl w:val="\d+"', b'<w:ilvl w:val="%s"'),
             (rb'<w:gridSpan w:val="\d+"', b'<w:gridSpan w:val="%s"')],
    "xlsx": [(rb'<mergeCell ref="[^"]+"', b'<mergeCell ref="A1:XFD%s"'), (rb'<c r="[A-Z]+\d+"', b'<c r="XFD%s"'),
             (rb'<dimension ref="[^"]+"', b'<dimension ref="A1:XFD%s"'), (rb"<v>\d+</v>", b"<v>%s</v>")],
    "ofd": [(rb'<ofd:Page ID="\d+"', b'<ofd:Page ID="%s"'), (rb'Boundary="[^"]+"', b'Boundary="0 0 %s 1"'),
            (rb'Size="[\d.]+"', b'Size="%s"'), (rb"<ofd:MaxUnitID>\d+", b"<ofd:MaxUnitID>%s")],
}


def zip_mutate(kind: str) -> Mutator:
    def mutate(rng: random.Random, data: bytes) -> bytes:
        try:
            parts = _xml_parts(data)
        except Exception:  # noqa: BLE001
            return flip_bits(rng, data)
        c = rng.random()
        if c < 0.12 or not parts:
            return rng.choice((flip_bits, truncate, splice))(rng, data)
        if c < 0.35:  # corrupt one XML part inside a valid zip
            target = rng.choice(parts)
            f = rng.choice((flip_byte, truncate, splice, insert_junk, digit_run))
            return _rezip(data, lambda i, raw: f(rng, raw) if i.filename == target and raw else raw)
        if c < 0.6:  # attribute bombs
            pat, repl = rng.choice(_ATTR_BOMBS.get(kind, _ATTR_BOMBS["docx"]))
            val = rng.choice((b"9" * 5000, b"1000000000", b"1048576", b"-1", b"x", b"1e400", b"0"))
            count = rng.choice((1, 1, 100))

            def edit(i: zipfile.ZipInfo, raw: bytes) -> bytes:
                if not i.filename.endswith(".xml"):
                    return raw
                return re.sub(pat, (repl % val).replace(b"\\", b"\\\\"), raw, count=count)
            return _rezip(data, edit)
        if c < 0.7:  # a part inflating to a lot (a bomb) or many members
            if rng.random() < 0.5:
                target = rng.choice(parts)
                return _rezip(data, lambda i, raw: raw + b" " * (rng.choice((70, 300)) * 1024 * 1024)
                              if i.filename == target else raw)
            return _rezip(data, lambda i, raw: raw, [(f"junk/{k}.xml", b"<a/>") for k in range(rng.choice((4000, 6000)))])
        if c < 0.8:  # drop a member
            target = rng.choice(parts)
            return _rezip(data, lambda i, raw: None if i.filename == target else raw)
        if c < 0.9:  # encryption flag or an unknown compression method in the headers
            b = bytearray(data)
            flag = rng.random() < 0.5
            for sig, off_flag, off_method in ((b"PK\x03\x04", 6, 8), (b"PK\x01\x02", 8, 10)):
                i = b.find(sig)
                while i >= 0:
                    if rng.random() < 0.5:
                        if flag:
                            b[i + off_flag] |= 1
                        else:
                            b[i + off_method] = rng.choice((1, 6, 9, 98, 99))
                    i = b.find(sig, i + 4)
            return bytes(b)
        return digit_run(rng, _rezip(data, lambda i, raw: raw))
    return mutate


def pdf_mutate(rng: random.Random, data: bytes) -> bytes:
    c = rng.random()
    if c < 0.25:
        return rng.choice((flip_bits, truncate, splice, insert_junk))(rng, data)
    if c < 0.4:
        return re.sub(rb"/Count \d+", b"/Count " + rng.choice((b"999999999", b"-1", b"0", b"5000")), data, count=1)
    if c < 0.55:
        size = rng.choice((b"14400", b"1e9", b"0", b"-600", b"99999999999"))
        return re.sub(rb"/MediaBox\s*\[[^\]]*\]", b"/MediaBox [0 0 " + size + b" " + size + b"]", data,
                      count=rng.choice((1, 0)))
    if c < 0.65:  # the cross-reference table gone: pdfium reconstructs or refuses
        return re.sub(rb"xref.*?trailer", b"trailer", data, count=1, flags=re.S)
    if c < 0.75:  # a deep page tree: every page object wrapped in 5 000 levels of /Kids
        return _deep_pdf(rng.choice((600, 5000)))
    if c < 0.85:  # an object stream's content corrupted
        i = data.find(b"stream")
        if i >= 0:
            j = i + 7 + rng.randrange(1, 200)
            return data[:j] + bytes(rng.randrange(256) for _ in range(64)) + data[j + 64:]
    return digit_run(rng, data)


def image_mutate(rng: random.Random, data: bytes) -> bytes:
    c = rng.random()
    if data.startswith(b"\x89PNG") and c < 0.4:  # IHDR lies about the size
        w, h = rng.choice(((1, 100000), (100000, 1), (60000, 60000), (0, 0), (2 ** 31 - 1, 1), (7000, 7000)))
        ihdr = struct.pack(">II", w, h) + data[24:29]
        crc = struct.pack(">I", zlib.crc32(b"IHDR" + ihdr) & 0xFFFFFFFF)
        return data[:16] + ihdr + crc + data[33:]
    if c < 0.55:
        return truncate(rng, data)
    if c < 0.7:
        return rng.choice((b"\xff\xd8\xff\xe0", b"GIF89a", b"II*\x00", b"BM", b"RIFF\x00\x00\x00\x00WEBP")) + data[8:]
    return rng.choice((flip_bits, splice, insert_junk))(rng, data)


def ole_mutate(rng: random.Random, data: bytes) -> bytes:
    """A .doc / .wps (OLE compound file): sector bytes flipped, truncated, spliced, or a lying header
    (sector shift, FAT count, directory start)."""
    c = rng.random()
    if c < 0.25 and len(data) >= 512:
        b = bytearray(data)
        off = rng.choice((0x1E, 0x2C, 0x30, 0x3C, 0x44, 0x48))  # sector shift, #FAT, dir start, mini FAT, DIFAT
        b[off:off + 4] = struct.pack("<I", rng.choice((0, 1, 0xFFFF, 0x7FFFFFFF, 0xFFFFFFFE, rng.randrange(1 << 32))))
        return bytes(b)
    if c < 0.4:
        return truncate(rng, data)
    return rng.choice((flip_bits, flip_byte, splice, insert_junk))(rng, data)


MUTATORS: dict[str, Mutator] = {
    "text": text_mutate, "html": html_mutate, "docx": zip_mutate("docx"), "xlsx": zip_mutate("xlsx"),
    "ofd": zip_mutate("ofd"), "pdf": pdf_mutate, "scan": pdf_mutate, "image": image_mutate,
    "office": ole_mutate,
}
# Share of inputs per kind (about the campaign that found the defects); scans and images are slow.
WEIGHTS = {"text": 30, "html": 14, "docx": 14, "xlsx": 10, "ofd": 9, "pdf": 14, "image": 2, "scan": 1}
SUFFIX = {"text": ".txt", "html": ".html", "docx": ".docx", "xlsx": ".xlsx", "ofd": ".ofd", "pdf": ".pdf",
          "scan": ".pdf", "image": ".png", "office": ".doc"}
# .doc and .wps go through a LibreOffice conversion of a few seconds each: 1 % of the inputs. They are
# drawn from a side generator, so adding them left every other input of a run exactly as it was.
OFFICE_SHARE = 0.01


def input_kind(seeds: dict[str, list[Path]], seed: int, index: int, rng: random.Random | None = None) -> str:
    """The kind of input ``index`` (without making it); ``rng`` is the input's own generator, if made."""
    rng = rng or random.Random(seed * 1_000_003 + index)
    kinds = [k for k in WEIGHTS if seeds.get(k)]
    kind = rng.choices(kinds, weights=[WEIGHTS[k] for k in kinds])[0]
    if seeds.get("office") and random.Random(f"office {seed} {index}").random() < OFFICE_SHARE:
        kind = "office"
    return kind


def make_input(seeds: dict[str, list[Path]], seed: int, index: int, cache: dict[Path, bytes]) -> tuple[str, str, bytes]:
    """(kind, name, bytes) of input ``index`` of run ``seed``: always the same bytes."""
    rng = random.Random(seed * 1_000_003 + index)
    kind = input_kind(seeds, seed, index, rng)
    src = rng.choice(seeds[kind])
    if src not in cache:
        cache[src] = src.read_bytes()
    data = MUTATORS[kind](rng, cache[src]) or b" "
    return kind, f"fuzz{index:05d}_{src.stem[:24]}{SUFFIX[kind]}", data


# ---- the invariant for text: no number the input does not contain -------------------------------------
def _haystack(data: bytes) -> str:
    text = data.decode("utf-8", "replace") + "\n" + data.decode("gb18030", "replace")
    return re.sub(r"[\s,，]", "", unicodedata.normalize("NFKC", text))


def invented_numbers(record, data: bytes) -> list[str]:
    """Numbers in the record's tables and narrative that the input does not contain (as digits, or for
    the narrative, in the phrase it was read from); cells the parser repaired (O → 0) are left out."""
    from nianbao.extract.numerals import to_int

    hay = _haystack(data)
    repaired = {n.path for n in record.notes if n.kind == "repaired"}
    tables = {k: getattr(record, k) for k in ("active", "requests", "appeals")}
    bad = []

    def walk(node, path):
        if hasattr(node, "model_dump"):
            node = node.model_dump()
        if isinstance(node, dict):
            for k, v in node.items():
                walk(v, f"{path}.{k}")
        elif isinstance(node, (int, float)) and not isinstance(node, bool):
            if path in repaired or any(path.startswith(r + ".") or r == path.rsplit(".", 1)[0] for r in repaired):
                return
            s = str(int(node)) if float(node).is_integer() else repr(node)
            if s.lstrip("-") not in hay:
                bad.append(f"{path}={node}")

    for k, v in tables.items():
        if v is not None:
            walk(v, k)
    for key, val in record.narrative.items():
        if isinstance(val, bool) or not isinstance(val, (int, float)):
            continue
        prov = record.provenance.get(f"narrative.{key}")
        phrase = prov.text if prov else ""
        ok = (str(int(val)) in re.sub(r"[\s,，]", "", unicodedata.normalize("NFKC", phrase))
              or any(to_int(m) == val for m in re.findall(r"[〇零○一二两三四五六七八九十百千万]+", phrase))
              or (val == 0 and re.search(r"未|没有|无|不", phrase))
              or (isinstance(val, float) and repr(val).rstrip("0").rstrip(".") in hay))
        if not ok:
            bad.append(f"narrative.{key}={val}")
    return bad


# ---- one input, in the child -------------------------------------------------------------------------
def run_one(kind: str, name: str, data: bytes, db: str | None) -> dict:
    """Parse, audit, store and render one input; the outcome as a dict. Runs in the forked child."""
    import nianbao
    from nianbao import NianbaoError

    out: dict = {"outcome": "record", "stage": None, "error": None}
    stage = "parse"
    try:
        try:
            record = nianbao.parse_bytes(data, name)
        except NianbaoError as e:
            out.update(outcome="clean", code=e.code, error=e.message[:300])
            if name not in e.message:
                out.update(outcome="unhandled", stage="message", error=f"message does not name the file: {e.message[:200]}")
            return out
        stage = "audit"
        findings = nianbao.check(record)
        if kind == "text":
            stage = "invariant"
            bad = invented_numbers(record, data)
            if bad:
                out.update(outcome="unhandled", stage=stage, error="numbers not in the input: " + ", ".join(bad[:5]))
                return out
        stage = "store"
        if db:
            import hashlib

            store = nianbao.open_store(db)
            with store:
                store.save(sha256=hashlib.sha256(data).hexdigest(), name=name, size=len(data), kind=kind,
                           status="成功", errors=[], record=record.to_json_dict(),
                           findings=[f.model_dump(mode="json") for f in findings])
        stage = "render"
        for fmt in ("md", "html"):
            nianbao.render(record, fmt, force=True)
    except MemoryError:
        out.update(outcome="memory", stage=stage, error="MemoryError")
    except RecursionError as e:
        out.update(outcome="unhandled", stage=stage, error=f"RecursionError: {str(e)[:100]}")
    except Exception as e:  # noqa: BLE001 - this is what the harness looks for
        tb = traceback.extract_tb(e.__traceback__)
        where = next((f"{Path(f.filename).name}:{f.lineno}" for f in reversed(tb) if "nianbao" in f.filename),
                     f"{Path(tb[-1].filename).name}:{tb[-1].lineno}" if tb else "?")
        out.update(outcome="unhandled", stage=stage, error=f"{type(e).__name__}: {str(e)[:160]} @ {where}")
    return out


def _address_space() -> int:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmSize:"):
                return int(line.split()[1]) * 1024
    return 0


def _preload() -> None:
    """Import what the readers use once, in the parent, so each forked child starts warm."""
    import openpyxl  # noqa: F401
    import PIL.Image  # noqa: F401

    import nianbao
    import nianbao.audit.codes
    import nianbao.extract.pipeline
    import nianbao.ingest.docx
    import nianbao.ingest.html
    import nianbao.ingest.ocr
    import nianbao.ingest.ofd
    import nianbao.ingest.pdf
    import nianbao.ingest.xlsx
    import nianbao.render
    import nianbao.store

    for code in nianbao.audit.codes.available():
        nianbao.audit.codes.rule_class(code)


class Child:
    def __init__(self, pid: int, fd: int, meta: dict):
        self.pid, self.fd, self.meta = pid, fd, meta
        self.start = time.monotonic()
        self.buf = b""


def spawn(kind: str, name: str, data: bytes, db: str | None, mem_extra: int, meta: dict) -> Child:
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child
        try:
            os.close(r)
            limit = _address_space() + mem_extra
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
            resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
            resource.setrlimit(resource.RLIMIT_CPU, (int(TIME_LIMIT) + 1, int(TIME_LIMIT) + 3))
            signal.signal(signal.SIGALRM, signal.SIG_DFL)
            signal.alarm(int(WALL_LIMIT) + 5)
            res = run_one(kind, name, data, db)
        except BaseException as e:  # noqa: BLE001
            res = {"outcome": "memory" if isinstance(e, MemoryError) else "unhandled", "stage": "child",
                   "error": f"{type(e).__name__}: {str(e)[:160]}"}
        try:
            os.write(w, json.dumps(res, ensure_ascii=False).encode())
        finally:
            os._exit(0)
    os.close(w)
    return Child(pid, r, meta)


def campaign(n: int, seed: int = 1, jobs: int = 2, out: Path | None = None, quick: bool = False,
             start: int = 0, store: bool = True, progress: bool = False, deadline: float | None = None,
             kinds: set[str] | None = None) -> dict:
    """Run inputs ``start`` … ``start + n - 1`` (only those of ``kinds`` if given); returns the summary
    (counts by kind and outcome)."""
    global TIME_LIMIT
    seeds = find_seeds(quick)
    _preload()
    tmp = tempfile.TemporaryDirectory(prefix="nianbao-fuzz-")
    db = None
    if store:
        import nianbao

        db = str(Path(tmp.name) / "fuzz.sqlite")
        nianbao.open_store(db).close()
    # warm up in the parent (lazy imports, compiled templates and statements): each child then starts warm
    for kind, paths in seeds.items():
        if kind not in ("scan", "image", "office") and paths:
            run_one(kind, f"warm{SUFFIX[kind]}", paths[0].read_bytes(), db if kind == "text" else None)
    if out:
        (out / "found").mkdir(parents=True, exist_ok=True)
        results_f = open(out / "results.jsonl", "w", encoding="utf-8")
    else:
        results_f = None
    cache: dict[Path, bytes] = {}
    results: list[dict] = []
    running: dict[int, Child] = {}
    todo = iter(range(start, start + n))
    t0 = time.monotonic()
    exhausted = False

    def finish(ch: Child, res: dict | None, status: int, usage) -> None:
        secs = time.monotonic() - ch.start
        rss = usage.ru_maxrss / 1024 if usage else 0
        cpu = usage.ru_utime + usage.ru_stime if usage else 0.0
        if res is None:
            sig = os.WTERMSIG(status) if os.WIFSIGNALED(status) else None
            if ch.meta.get("killed") or sig in (signal.SIGXCPU, signal.SIGALRM) or cpu > TIME_LIMIT:
                res = {"outcome": "timeout", "stage": None, "error": f"over {TIME_LIMIT:.0f} s CPU or {WALL_LIMIT:.0f} s wall"}
            else:
                res = {"outcome": "crash", "stage": None, "error": f"child died (signal {sig}, status {status})"}
        if rss > RSS_LIMIT_MB and res["outcome"] in ("record", "clean"):
            res = {**res, "outcome": "memory", "error": f"{rss:.0f} MB resident; {res.get('error')}"}
        if cpu > TIME_LIMIT and res["outcome"] in ("record", "clean"):
            res = {**res, "outcome": "timeout"}
        row = {**ch.meta, **res, "secs": round(secs, 2), "cpu": round(cpu, 2), "rss_mb": round(rss)}
        row.pop("data", None)
        row.pop("killed", None)
        results.append(row)
        if results_f:
            results_f.write(json.dumps(row, ensure_ascii=False) + "\n")
            results_f.flush()
        if out and row["outcome"] not in ("record", "clean"):
            (out / "found" / row["name"]).write_bytes(ch.meta["data"])
        if progress and len(results) % 50 == 0:
            c = Counter(r["outcome"] for r in results)
            print(f"{len(results)}/{n} {time.monotonic() - t0:.0f}s " + " ".join(f"{k}={c[k]}" for k in OUTCOMES if c[k]),
                  file=sys.stderr, flush=True)

    try:
        while True:
            while not exhausted and len(running) < jobs:
                if deadline is not None and time.monotonic() > deadline:
                    exhausted = True
                    break
                i = next(todo, None)
                if i is None:
                    exhausted = True
                    break
                if kinds and input_kind(seeds, seed, i) not in kinds:
                    continue
                kind, name, data = make_input(seeds, seed, i, cache)
                meta = {"index": i, "kind": kind, "name": name, "size": len(data), "data": data}
                ch = spawn(kind, name, data, db, 3 * 1024 * 1024 * 1024, meta)  # OCR's arena needs room
                running[ch.fd] = ch
            if not running:
                break
            ready, _, _ = select.select(list(running), [], [], 0.5)
            for fd in ready:
                ch = running[fd]
                chunk = os.read(fd, 1 << 16)
                if chunk:
                    ch.buf += chunk
                    continue
                os.close(fd)
                del running[fd]
                _, status, usage = os.wait4(ch.pid, 0)
                try:
                    res = json.loads(ch.buf) if ch.buf else None
                except json.JSONDecodeError:
                    res = None
                finish(ch, res, status, usage)
            now = time.monotonic()
            for fd, ch in list(running.items()):
                if now - ch.start > WALL_LIMIT and not ch.meta.get("killed"):
                    ch.meta["killed"] = True
                    try:
                        os.kill(ch.pid, signal.SIGKILL)
                    except ProcessLookupError:
                        pass
    finally:
        for ch in running.values():
            try:
                os.kill(ch.pid, signal.SIGKILL)
                os.waitpid(ch.pid, 0)
            except (ProcessLookupError, ChildProcessError):
                pass
        if results_f:
            results_f.close()
        tmp.cleanup()
    return summarize(results, time.monotonic() - t0)


def summarize(results: list[dict], seconds: float) -> dict:
    by_kind: dict[str, Counter] = defaultdict(Counter)
    for r in results:
        by_kind[r["kind"]][r["outcome"]] += 1
    bad = [r for r in results if r["outcome"] not in ("record", "clean")]
    classes = Counter(f"{r['kind']} {r['outcome']} {r.get('stage')}: {re.sub(r'[0-9]+', 'N', str(r.get('error')))[:140]}"
                      for r in bad)
    return {"inputs": len(results), "seconds": round(seconds, 1),
            "outcomes": dict(Counter(r["outcome"] for r in results)),
            "by_kind": {k: dict(v) for k, v in sorted(by_kind.items())},
            "max_secs": max((r["secs"] for r in results), default=0),
            "max_cpu": max((r["cpu"] for r in results), default=0),
            "max_rss_mb": max((r["rss_mb"] for r in results), default=0),
            "bad": bad, "classes": classes.most_common()}


def table(summary: dict) -> str:
    lines = ["| kind | inputs | " + " | ".join(OUTCOMES) + " |", "|---|---|" + "---|" * len(OUTCOMES)]
    total: Counter = Counter()
    for kind, c in summary["by_kind"].items():
        total.update(c)
        lines.append(f"| {kind} | {sum(c.values())} | " + " | ".join(str(c.get(o, 0)) for o in OUTCOMES) + " |")
    lines.append(f"| **all** | **{sum(total.values())}** | " + " | ".join(f"**{total.get(o, 0)}**" for o in OUTCOMES) + " |")
    return "\n".join(lines)


# ---- a batch of bombs and found inputs plus three good seeds ----------------------------------------
def bombs() -> dict[str, bytes]:
    """Hostile files of every kind, made fresh (a few kilobytes each on disk)."""
    good_docx = LOCAL_SEEDS["r000.docx"].read_bytes()
    out: dict[str, bytes] = {}
    big = io.BytesIO()
    with zipfile.ZipFile(big, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", b"<" + b" " * (200 * 1024 * 1024) + b"/>")
    out["bomb_part.docx"] = big.getvalue()
    out["bomb_members.docx"] = _rezip(good_docx, lambda i, raw: raw, [(f"junk/{k}.xml", b"<a/>") for k in range(6000)])
    xlsx = LOCAL_SEEDS["000.xlsx"].read_bytes()
    out["bomb_merge.xlsx"] = _rezip(xlsx, lambda i, raw: re.sub(rb'<mergeCell ref="[^"]+"', b'<mergeCell ref="A1:XFD1048576"', raw)
                                   if i.filename.startswith("xl/worksheets/") else raw)
    png = io.BytesIO()
    from PIL import Image

    Image.new("L", (64, 64), 255).save(png, "PNG")
    p = png.getvalue()
    ihdr = struct.pack(">II", 1, 100000) + p[24:29]
    out["thin.png"] = p[:16] + ihdr + struct.pack(">I", zlib.crc32(b"IHDR" + ihdr) & 0xFFFFFFFF) + p[33:]
    out["deep.pdf"] = _deep_pdf(5000)
    many = io.BytesIO()
    with zipfile.ZipFile(many, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("a.txt", b"x")
        z.writestr("../escape.txt", LOCAL_SEEDS["000.txt"].read_bytes())
        z.writestr("bomb.txt", b"0" * (100 * 1024 * 1024))
    out["hostile.zip"] = many.getvalue()
    return out


def _deep_pdf(n: int) -> bytes:
    objs = [f"{k} 0 obj << /Type /Pages /Kids [{f'{k + 1} 0 R' if k < n else ''}] /Count 1 >> endobj\n".encode()
            for k in range(1, n + 1)]
    return b"%PDF-1.4\n" + b"".join(objs) + b"trailer << /Root << /Type /Catalog /Pages 1 0 R >> >>\n%%EOF"


def batch_check(found: Path | None, workers: int = 2) -> dict:
    """Ingest the bombs, the inputs in ``found`` and three good seeds in one batch: the seeds must be stored
    and every other file has a status (失败 with its reason, unless it now reads as a report)."""
    import shutil

    import nianbao

    with tempfile.TemporaryDirectory(prefix="nianbao-fuzz-batch-") as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        for name, data in bombs().items():
            (folder / name).write_bytes(data)
        if found and found.exists():
            for f in sorted(found.iterdir()):
                shutil.copy(f, folder / f.name)
        seeds = ["000.txt", "r000.html", "r000.docx"]
        for s in seeds:
            shutil.copy(LOCAL_SEEDS[s], folder / f"good_{s}")
        store = nianbao.open_store(Path(tmp) / "b.sqlite")
        with store:
            result = nianbao.ingest_batch([folder], store, workers=workers)
        outcomes = [(Path(o.name.split(".zip:")[0]).name + (":" + o.name.split(".zip:")[1] if ".zip:" in o.name else ""),
                     o.status.value, (o.errors or [""])[0][:120]) for o in result.outcomes]
    good = [o for o in outcomes if o[0].startswith("good_")]
    others = [o for o in outcomes if not o[0].startswith("good_")]
    return {"files": len(outcomes), "seeds_stored": sum(o[1] in ("成功", "部分成功") for o in good),
            "others": dict(Counter(o[1] for o in others)), "outcomes": outcomes}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", type=int, default=300)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--start", type=int, default=0)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--out", type=Path, default=None)
    ap.add_argument("--quick", action="store_true", help="the small seed set of the short run")
    ap.add_argument("--no-store", action="store_true")
    ap.add_argument("--minutes", type=float, default=None, help="stop starting inputs after this long")
    ap.add_argument("--kinds", default=None, help="run only the inputs of these kinds (comma-separated), e.g. office,scan")
    ap.add_argument("--batch-check", action="store_true",
                    help="only ingest the bombs, --out/found and three good seeds in one batch and show each status")
    a = ap.parse_args(argv)
    if a.batch_check:
        r = batch_check(a.out / "found" if a.out else None, a.jobs)
        for name, status, why in r["outcomes"]:
            print(f"{status}\t{name}\t{why}")
        print(f"\n{r['files']} files: {r['seeds_stored']} of 3 good seeds stored; others {r['others']}")
        return 0 if r["seeds_stored"] == 3 else 1
    deadline = time.monotonic() + a.minutes * 60 if a.minutes else None
    kinds = set(a.kinds.split(",")) if a.kinds else None
    s = campaign(a.n, a.seed, a.jobs, a.out, a.quick, a.start, not a.no_store, progress=True, deadline=deadline,
                 kinds=kinds)
    print(table(s))
    print(f"\n{s['inputs']} inputs in {s['seconds']} s; slowest {s['max_secs']} s wall, {s['max_cpu']} s CPU; "
          f"peak {s['max_rss_mb']} MB resident")
    for cls, k in s["classes"][:40]:
        print(f"{k:5d}  {cls}")
    if a.out:
        (a.out / "summary.json").write_text(json.dumps({k: v for k, v in s.items() if k != "bad"}, ensure_ascii=False,
                                                       indent=1), encoding="utf-8")
    return 0 if not s["bad"] else 1


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    raise SystemExit(main())
