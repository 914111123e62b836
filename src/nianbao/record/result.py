"""What reading one document gave: a status, the record (if any) and structured errors."""

from __future__ import annotations

from enum import Enum
from typing import Any

from pydantic import BaseModel, Field

from .model import Record


class Status(str, Enum):
    ok = "成功"
    partial = "部分成功"
    failed = "失败"
    skipped = "跳过"


class DocError(BaseModel):
    code: str  # stable machine code, e.g. "empty", "binary", "not_a_report", "scan_needs_ocr"
    message: str  # Chinese, names the file and the problem


class ParseResult(BaseModel):
    file: str
    status: Status
    record: Record | None = None
    errors: list[DocError] = Field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return self.model_dump(mode="json")
