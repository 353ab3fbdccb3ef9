"""The Base layer: the status vocabulary and the records every other layer passes around. No logic, no I/O.

Every module (and the SQL in store.py) names statuses through these enums; their values are the strings stored
in the database and printed in ``--format json``, so a ``StrEnum`` member and its string compare equal.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class RunStatus(StrEnum):
    RUNNING = "running"
    OK = "ok"
    PARTIAL = "partial"  # judged, but some request failed or some list was read in part
    FAILED = "failed"  # the site could not be reached: nothing judged
    ABORTED = "aborted"  # stopped (SIGTERM, a crash): nothing judged

    @classmethod
    def unjudged(cls) -> tuple[RunStatus, ...]:
        """Runs that judge nothing and resolve nothing."""
        return (cls.FAILED, cls.ABORTED)


class ColumnState(StrEnum):
    """A column's list as the judge reads it (``read`` is the crawler's: the list was read; the judge decides
    from its facts whether it is ok, blank, a statement, script-loaded or a soft 404)."""

    READ = "read"
    OK = "ok"
    BLANK = "blank"
    STATEMENT = "statement"  # a valid "does not apply" statement (本校无校办企业…)
    SCRIPT = "script"  # filled by a script that cannot be followed
    SOFT404 = "soft404"
    HTTP_ERROR = "http_error"
    UNREACHABLE = "unreachable"
    ROBOTS = "robots"
    OUT_OF_SCOPE = "out_of_scope"
    BLOCKED = "blocked"  # a firewall's browser test (瑞数 412, 加速乐 521…) answered instead of the page
    SKIPPED = "skipped"

    @classmethod
    def unseen(cls) -> tuple[ColumnState, ...]:
        """States that make the column's items unknown (never blank, stale or missing)."""
        return (cls.UNREACHABLE, cls.ROBOTS, cls.OUT_OF_SCOPE, cls.BLOCKED, cls.SCRIPT, cls.SKIPPED)


class ItemStatus(StrEnum):
    OK = "ok"
    MISSING = "missing"
    BLANK = "blank"
    STALE = "stale"
    OVERDUE = "overdue"
    BROKEN = "broken"
    NOT_APPLICABLE = "not_applicable"
    UNKNOWN = "unknown"

    @classmethod
    def failing(cls) -> tuple[ItemStatus, ...]:
        return (cls.MISSING, cls.BLANK, cls.STALE, cls.OVERDUE, cls.BROKEN)


class FindingKind(StrEnum):
    MISSING = "missing"
    BLANK = "blank"
    STALE = "stale"
    OVERDUE = "overdue"
    BROKEN = "broken"
    UNREACHABLE = "unreachable"
    PRIVACY = "privacy"
    ANNUAL_REPORT = "annual_report"  # a problem of the published annual report (monitor annual check)


@dataclass(frozen=True)
class Delivery:
    id: int
    site: str
    week: str
    recipient: str
    addresses: str
    subject: str
    status: str
    attempts: int
    last_error: str
    created_at: str
    sent_at: str | None
    message_id: str | None


@dataclass(frozen=True)
class Run:
    id: int
    site: str
    started_at: str
    finished_at: str | None
    status: str
    pages: int
    errors: int
    bytes: int
    detail: str = ""


@dataclass(frozen=True)
class ColumnCheck:
    url: str
    name: str
    status: str
    http_status: int | None = None
    error: str = ""
    reason: str = ""
    pages: int = 0
    entries: int = 0
    undated: int = 0
    latest: str | None = None
    total: int | None = None
    complete: bool = True
    facts: str = ""  # what the first list page showed, for the judge: soft404, script, statement, blank


FILE_DATE = "file"  # the date source of an entry dated by its file's Last-Modified (an undated list of PDFs)


@dataclass(frozen=True)
class StoredEntry:
    column_url: str
    url: str
    title: str
    date: str | None
    date_source: str


@dataclass(frozen=True)
class Link:
    url: str
    kind: str
    referer: str | None
    status: int | None
    ok: bool
    error: str
    soft_404: bool
    content_type: str | None
    size: int | None
    date: str | None
    date_source: str
    title: str | None
    checked_at: str
    privacy: str = ""  # JSON list of {kind, count, examples}: masked numbers only
    unread: str = ""  # why a document was not checked for personal data (no text in it, unreadable, cut short)
    failures: int = 0  # checks failed in a row, this one included (0: it answered)


@dataclass(frozen=True)
class Finding:
    id: int
    site: str
    kind: str
    item: int | None
    url: str
    severity: str
    detail: str
    department: str
    first_seen: str
    last_seen: str
    resolved_at: str | None
