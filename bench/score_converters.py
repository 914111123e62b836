"""Score every converter folder of shared/corpus/converters in one process and print a table.

    .venv/bin/python bench/score_converters.py [CONVERTERS_DIR] [--only NAME,NAME] [--wrong]

Per converter: fields right / fields, and the number of WRONG NON-NULL values (a number or text that
differs from the hand-read record; a null where a value is expected is counted apart as missing).
The last line is the total over all outputs together. Uses shared/tools/score.py's comparison.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import nianbao

HERE = Path(__file__).resolve().parent
DEFAULT = HERE.parent.parent / "shared" / "corpus" / "converters"


def load_score(path: Path):
    """shared/tools/score.py as a module (its comparison is the one every figure uses)."""
    spec = importlib.util.spec_from_file_location("score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def score_folder(score, folder: Path, exp_dir: Path, show: bool = False) -> list[tuple[Path, int, int, int]]:
    """(file, fields right, fields, WRONG non-null values) for every file of ``folder`` that has an expected
    record in ``exp_dir`` (score.expected_for), parsed by nianbao in this process; ``show`` prints each
    WRONG value as it is found."""
    out = []
    for f in sorted(folder.iterdir()):
        exp = score.expected_for(exp_dir, f)
        if exp is None:
            continue
        try:
            actual = nianbao.parse(f).to_json_dict()
        except Exception as e:  # noqa: BLE001 - a failed file scores as all missing
            actual = {"_error": str(e)[:200]}
        actual = json.loads(json.dumps(actual, ensure_ascii=False, default=str))
        n, wrong = score.compare(json.loads(exp.read_text()), actual)
        bad = [(p, w, g) for p, w, g in wrong if g is not None]
        out.append((f, n - len(wrong), n, len(bad)))
        if show:
            for p, w, g in bad:
                print(f"  WRONG {folder.name}/{f.name} {p}: expected {w!r}, got {g!r}")
    return out


def print_table(rows: list[tuple[str, list[tuple[Path, int, int, int]], list[str]]], per_title: str,
                name_width: int = 20, right_width: int = 10) -> None:
    """A line per (converter, its files' scores, per-file notes), then the TOTAL over all files."""
    print(f"{'converter':<{name_width}} {'right':>{right_width}} {'pct':>7} {'WRONG':>6}  {per_title}")
    tr = tf = tw = 0
    for name, files, per in rows:
        r, n, w = (sum(f[i] for f in files) for i in (1, 2, 3))
        tr, tf, tw = tr + r, tf + n, tw + w
        print(f"{name:<{name_width}} {r:>5}/{n:<5} {100 * r / n if n else 0:6.1f}% {w:>6}  {' '.join(per)}")
    print(f"{'TOTAL':<{name_width}} {tr:>5}/{tf:<5} {100 * tr / tf if tf else 0:6.2f}% {tw:>6}")


def main(argv: list[str]) -> int:
    root = Path(argv[0]) if argv and not argv[0].startswith("--") else DEFAULT
    only = None
    if "--only" in argv:
        only = set(argv[argv.index("--only") + 1].split(","))
    score = load_score(root.parent.parent / "tools" / "score.py")
    rows = []
    for folder in sorted(p for p in root.iterdir() if p.is_dir() and p.name != "expected"):
        if only and folder.name not in only:
            continue
        files = score_folder(score, folder, root / "expected", "--wrong" in argv)
        rows.append((folder.name, files, [f"{r}/{n}" + (f"!{w}" if w else "") for _, r, n, w in files]))
    print_table(rows, "per file (right/fields!wrong)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
