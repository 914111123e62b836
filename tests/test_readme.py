"""The README's Layout table names exactly the packages under src/nianbao."""

from __future__ import annotations

import re

from conftest import ROOT


def test_layout_table_matches_the_packages():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    layout = text[text.index("## Layout"):]
    layout = layout[:layout.index("\n## ")]
    rows = set(re.findall(r"^\| `([a-z_]+)` \|", layout, re.M))
    packages = {p.parent.name for p in (ROOT / "src" / "nianbao").glob("*/__init__.py")}
    assert rows == packages
