"""Extract: Document → Record (sections, tables, figures in the text, metadata)."""

from .pipeline import build_record

__all__ = ["build_record"]
