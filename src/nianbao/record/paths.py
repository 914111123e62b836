"""Dotted paths into a record's JSON form ("requests.granted.total"): reading one, and walking every cell."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

TABLES = ("active", "requests", "appeals")


def get(data: Mapping[str, Any], path: str) -> Any:
    """The value at ``path`` in a record's JSON form, or None where the path leads nowhere."""
    node: Any = data
    for part in path.split("."):
        if not isinstance(node, Mapping):
            return None
        node = node.get(part)
    return node


def leaves(data: Mapping[str, Any]) -> Iterator[tuple[str, Any]]:
    """(path, value) of every table cell (blank cells too: None says the document left it blank), in
    the record's order, then of every figure stated in the narrative."""
    for table in TABLES:
        part = data.get(table)
        if part is None:
            continue
        stack: list[tuple[str, Any]] = [(table, part)]
        while stack:
            path, node = stack.pop()
            if isinstance(node, Mapping):
                stack.extend((f"{path}.{k}", v) for k, v in reversed(list(node.items())))
            else:
                yield path, node
    for k, v in (data.get("narrative") or {}).items():
        yield f"narrative.{k}", v


def under(path: str, prefixes: tuple[str, ...]) -> bool:
    """``path`` is one of ``prefixes`` or lies under one ('requests.granted.total' under 'requests.granted')."""
    return any(path == p or path.startswith(p + ".") for p in prefixes)
