"""Times as the workbench shows and exports them: China time (北京时间, Asia/Shanghai), whatever zone the
server runs in. The store writes UTC; SQLite gives it back without its offset (read as UTC), PostgreSQL in
the session's zone."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone, tzinfo

from markupsafe import Markup, escape

import nianbao


def _china() -> tzinfo:
    try:
        from zoneinfo import ZoneInfo

        return ZoneInfo("Asia/Shanghai")  # the tzdata package brings it where the system has no zone files
    except (ImportError, LookupError, OSError):  # ZoneInfoNotFoundError is a LookupError
        return timezone(timedelta(hours=8), "北京时间")  # no summer time since 1991: the same for every date shown


CHINA = _china()
LABEL = "北京时间"


def china(dt: datetime) -> datetime:
    """``dt`` in China time; a time without an offset is the store's UTC."""
    return (dt if dt.tzinfo is not None else dt.replace(tzinfo=UTC)).astimezone(CHINA)


def shown(dt: datetime | None, fmt: str = "%Y-%m-%d %H:%M") -> Markup:
    """A time for a page: ``<time>`` with the exact instant (+08:00) and 北京时间 on hover."""
    if dt is None:
        return Markup("")
    at = china(dt)
    return Markup('<time datetime="{}" title="{}">{}</time>').format(
        at.isoformat(timespec="seconds"), LABEL, escape(at.strftime(fmt)))


def iso(dt: datetime | None) -> str | None:
    """A time for JSON: ISO 8601 in China time with its offset ("2026-12-02T12:30:05+08:00")."""
    return None if dt is None else china(dt).isoformat(timespec="seconds")


def today() -> date:
    """Today's date in China (a server on UTC is still on yesterday until 08:00 北京时间): the ledger's, which
    its deadlines are judged on."""
    return nianbao.ledger_today()
