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


def _score_module(root: Path):
    spec = importlib.util.spec_from_file_location("score", root.parent.parent / "tools" / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def main(argv: list[str]) -> int:
    root = Path(argv[0]) if argv and not argv[0].startswith("--") else DEFAULT
    only = None
    if "--only" in argv:
        only = set(argv[argv.index("--only") + 1].split(","))
    show = "--wrong" in argv
    score = _score_module(root)
    exp_dir = root / "expected"
    rows = []
    all_fields = all_right = all_wrong = 0
    for folder in sorted(p for p in root.iterdir() if p.is_dir() and p.name != "expected"):
        if only and folder.name not in only:
            continue
        fields = right = wrong_nonnull = 0
        per = []
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
            fields += n
            right += n - len(wrong)
            wrong_nonnull += len(bad)
            per.append(f"{n - len(wrong)}/{n}" + (f"!{len(bad)}" if bad else ""))
            if show:
                for p, w, g in bad:
                    print(f"  WRONG {folder.name}/{f.name} {p}: expected {w!r}, got {g!r}")
        all_fields += fields
        all_right += right
        all_wrong += wrong_nonnull
        rows.append((folder.name, right, fields, wrong_nonnull, per))
    print(f"{'converter':<20} {'right':>10} {'pct':>7} {'WRONG':>6}  per file (right/fields!wrong)")
    for name, r, n, w, per in rows:
        print(f"{name:<20} {r:>5}/{n:<5} {100 * r / n if n else 0:6.1f}% {w:>6}  {' '.join(per)}")
    pct = 100 * all_right / all_fields if all_fields else 0
    print(f"{'TOTAL':<20} {all_right:>5}/{all_fields:<5} {pct:6.2f}% {all_wrong:>6}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
