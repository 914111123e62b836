"""The one table that maps rule codes to rules. Codes are stable: never renumber or reuse one."""

from __future__ import annotations

from importlib import import_module

from .base import Rule

# code → "module:Class" under nianbao.audit.rules
CODES: dict[str, str] = {
    "T3-01": "t3_01_identity_broken:IdentityBroken",
    "L-01": "l_01_label_variant:LabelVariant",
}

_loaded: dict[str, type[Rule]] = {}


def rule_class(code: str) -> type[Rule]:
    if code not in _loaded:
        module, cls = CODES[code].split(":")
        _loaded[code] = getattr(import_module(f"nianbao.audit.rules.{module}"), cls)
    return _loaded[code]


def all_rules() -> list[type[Rule]]:
    return [rule_class(c) for c in CODES]
