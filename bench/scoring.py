"""Scoring tool outputs against hand-read records, the one loop every bench/score_*.py runs: nianbao parses
each file in this process, shared/tools/score.py compares it with its expected record (that comparison is
the one every figure uses), and each folder's line tallies fields right, fields, and WRONG non-null values
(a number or text that differs from the record; a null where a value is expected counts as missing).

    score_folders([(name, folder, expected), ...], show, every_file, "per file (right/fields!wrong)")
"""

from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
from collections.abc import Callable, Iterable
from pathlib import Path

import nianbao

SCORE_PY = Path(__file__).resolve().parent.parent.parent / "shared" / "tools" / "score.py"
Files = list[tuple[Path, int, int, int]]  # (file, fields right, fields, WRONG non-null values)


def load_score(path: Path = SCORE_PY):
    """shared/tools/score.py as a module."""
    spec = importlib.util.spec_from_file_location("score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def parse_here(f: Path) -> dict:
    """nianbao's record of ``f``, parsed in this process (a failed file scores as all missing)."""
    try:
        actual = nianbao.parse(f).to_json_dict()
    except Exception as e:  # noqa: BLE001 - a failed file scores as all missing
        actual = {"_error": str(e)[:200]}
    return json.loads(json.dumps(actual, ensure_ascii=False, default=str))


def parse_cli(nianbao_exe: Path) -> Callable[[Path], dict]:
    """The product path: ``nianbao parse --json FILE`` in its own process (a refused file scores as all
    missing)."""
    def parse(f: Path) -> dict:
        r = subprocess.run([str(nianbao_exe), "parse", "--json", str(f)], capture_output=True, text=True, timeout=900)
        try:
            return json.loads(r.stdout)
        except ValueError:
            return {"_error": (r.stderr or r.stdout)[-200:]}
    return parse


def score_folder(score, folder: Path, exp_dir: Path, show: bool = False,
                 parse: Callable[[Path], dict] = parse_here) -> Files:
    """Every file of ``folder`` that has an expected record in ``exp_dir`` (score.expected_for), parsed by
    ``parse`` and scored; ``show`` prints each WRONG value as it is found."""
    out = []
    for f in sorted(folder.iterdir()):
        exp = score.expected_for(exp_dir, f)
        if exp is None:
            continue
        actual = parse(f)
        n, wrong = score.compare(json.loads(exp.read_text()), actual)
        bad = [(p, w, g) for p, w, g in wrong if g is not None]
        out.append((f, n - len(wrong), n, len(bad)))
        if show:
            for p, w, g in bad:
                print(f"  WRONG {folder.name}/{f.name} {p}: expected {w!r}, got {g!r}")
    return out


def print_table(rows: list[tuple[str, Files, list[str]]], per_title: str, name_width: int = 20,
                right_width: int = 10) -> None:
    """A line per (tool, its files' scores, per-file notes), then the TOTAL over all files."""
    print(f"{'converter':<{name_width}} {'right':>{right_width}} {'pct':>7} {'WRONG':>6}  {per_title}")
    tr = tf = tw = 0
    for name, files, per in rows:
        r, n, w = (sum(f[i] for f in files) for i in (1, 2, 3))
        tr, tf, tw = tr + r, tf + n, tw + w
        print(f"{name:<{name_width}} {r:>5}/{n:<5} {100 * r / n if n else 0:6.1f}% {w:>6}  {' '.join(per)}")
    print(f"{'TOTAL':<{name_width}} {tr:>5}/{tf:<5} {100 * tr / tf if tf else 0:6.2f}% {tw:>6}")


def options(argv: list[str], out: Path, keep: Iterable[str] = ("expected",)) -> set[str] | None:
    """The scripts' shared options: ``--only NAME,NAME`` (returned; None for all) and ``--regen``, which
    removes the named folders of ``out`` (all but ``keep`` without ``--only``) so they are made again."""
    only = set(argv[argv.index("--only") + 1].split(",")) if "--only" in argv else None
    if "--regen" in argv and out.exists():
        for p in out.iterdir():
            if p.is_dir() and p.name not in keep and (only is None or p.name in only):
                shutil.rmtree(p)
    return only


# what a folder's line says of its files, after the totals
def every_file(files: Files) -> list[str]:
    """Each file's right/fields, with !WRONG when it has any (a folder of a few files)."""
    return [f"{r}/{n}" + (f"!{w}" if w else "") for _, r, n, w in files]


def short_files(files: Files) -> list[str]:
    """The files not all right, by stem (a folder of many files)."""
    return [f"{f.stem}:{r}/{n}" + (f"!{w}" if w else "") for f, r, n, w in files if r < n]


def file_count(files: Files) -> list[str]:
    """How many files, and how many of them not all right."""
    return [f"{len(files)} files, {sum(1 for f in files if f[1] < f[2])} short"]


def score_folders(folders: Iterable[tuple[str, Path, Path]], show: bool, per_file: Callable[[Files], list[str]],
                  per_title: str, name_width: int = 20, right_width: int = 10, score_py: Path = SCORE_PY) -> None:
    """Score each (name, folder, folder of its expected records) and print the table."""
    score = load_score(score_py)
    rows = []
    for name, folder, expected in folders:
        files = score_folder(score, folder, expected, show)
        rows.append((name, files, per_file(files)))
    print_table(rows, per_title, name_width, right_width)
