"""Audit: Record → findings. Knows no file formats."""

from .base import Context, Finding, Rule, Severity
from .codes import CODES, all_rules, rule_class
from .runner import audit

__all__ = ["CODES", "Context", "Finding", "Rule", "Severity", "all_rules", "audit", "rule_class"]
