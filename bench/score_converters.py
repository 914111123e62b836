"""Score every converter folder of shared/corpus/converters in one process and print a table.

    .venv/bin/python bench/score_converters.py [CONVERTERS_DIR] [--only NAME,NAME] [--wrong]

Per converter: fields right / fields, and the number of WRONG NON-NULL values (a number or text that
differs from the hand-read record; a null where a value is expected is counted apart as missing).
The last line is the total over all outputs together. Uses shared/tools/score.py's comparison.
"""

from __future__ import annotations

import sys
from pathlib import Path

from scoring import every_file, score_folders

HERE = Path(__file__).resolve().parent
DEFAULT = HERE.parent.parent / "shared" / "corpus" / "converters"


def main(argv: list[str]) -> int:
    root = Path(argv[0]) if argv and not argv[0].startswith("--") else DEFAULT
    only = None
    if "--only" in argv:
        only = set(argv[argv.index("--only") + 1].split(","))
    folders = [(p.name, p, root / "expected") for p in sorted(root.iterdir())
               if p.is_dir() and p.name != "expected" and not (only and p.name not in only)]
    score_folders(folders, "--wrong" in argv, every_file, "per file (right/fields!wrong)",
                  score_py=root.parent.parent / "tools" / "score.py")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
