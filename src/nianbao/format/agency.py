"""Agency names: the one spelling a name is stored and compared under, and the region a name places it in."""

from __future__ import annotations

import re

# One administrative division: "山东省", "聊城市", "东昌府区", "内蒙古自治区".
_DIVISION = re.compile(r"[^省市县区旗盟]{1,8}?(?:自治区|自治州|自治县|省|市|盟|地区|县|旗|区)")


def norm_name(name: str | None) -> str | None:
    """An agency name without whitespace ("聊城市 教育局" → "聊城市教育局"); None and "" stay as they are."""
    return re.sub(r"\s+", "", name) if name else name


def region_chain(agency: str | None) -> list[str]:
    """The regions an agency's name places it in, widest first: "聊城市东昌府区教育和体育局" →
    ["聊城市", "聊城市东昌府区"]; a government belongs to the region above the one it governs:
    "聊城市东昌府区人民政府" → ["聊城市"]."""
    if not agency:
        return []
    name = re.sub(r"\s+", "", agency)
    chain, pos = [], 0
    while (m := _DIVISION.match(name, pos)) is not None:
        pos = m.end()
        chain.append(name[:pos])
    if chain and name[pos:] == "人民政府":
        chain.pop()
    return chain


def region_of(agency: str | None) -> str | None:
    """The region an agency belongs to, from its name (the unit list can say better):
    "聊城市东昌府区教育和体育局" → "聊城市东昌府区"; a government belongs to the region above it:
    "聊城市东昌府区人民政府" → "聊城市"."""
    chain = region_chain(agency)
    return chain[-1] if chain else None
