"""Errors that bad input raises: each carries a stable code and a Chinese message naming the file."""

from __future__ import annotations


class NianbaoError(Exception):
    """Base: an input problem a person can act on (never an internal defect)."""

    code = "error"

    def __init__(self, message: str, code: str | None = None):
        super().__init__(message)
        self.message = message
        if code:
            self.code = code


class InputError(NianbaoError):
    """The file cannot be read as a report: empty, binary, corrupt, unsupported, encrypted…"""

    code = "input"


class MissingDependency(NianbaoError):
    """An optional part (OCR, LibreOffice) is needed and not installed."""

    code = "missing_dependency"


class ConflictError(NianbaoError):
    """Someone else changed the same thing first (a review, a filing): nothing was written."""

    code = "conflict"

