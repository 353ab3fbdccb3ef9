"""The SQLite store: schema (by migrations), and every query the rest of the package needs.

Nobody else writes SQL. Timestamps are ISO-8601 with offset; dates are ISO dates. The database is
opened in WAL mode with a busy timeout, so that ``monitor check`` can read while the daemon writes.
Each column's crawl result is written in one transaction as it completes, and a run is closed at the
end: a crash leaves a run marked ``running``, which the next run marks ``aborted``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path

import sqlite_utils
from sqlite_utils import Migrations

from monitor.errors import StoreError
from monitor.records import (
    FILE_DATE,
    ColumnCheck,
    ColumnState,
    Delivery,
    Finding,
    ItemStatus,
    Link,
    Run,
    RunStatus,
    StoredEntry,
)

__all__ = ["ColumnCheck", "Delivery", "Finding", "Link", "Run", "Store", "StoredEntry", "open_store"]

migrations = Migrations("xxgk-monitor")


_INITIAL_SCHEMA = (
    """
        CREATE TABLE runs (
            id INTEGER PRIMARY KEY,
            site TEXT NOT NULL,
            started_at TEXT NOT NULL,
            finished_at TEXT,
            status TEXT NOT NULL,          -- running | ok | partial | failed | aborted
            pages INTEGER DEFAULT 0,
            errors INTEGER DEFAULT 0,
            bytes INTEGER DEFAULT 0,
            detail TEXT DEFAULT ''
        )""",
    """
        CREATE TABLE pages (
            url TEXT PRIMARY KEY,
            final_url TEXT,
            status INTEGER,
            etag TEXT,
            last_modified TEXT,
            hash TEXT,
            parsed TEXT,                   -- the parse of a list page, reused when unchanged
            fetched_at TEXT,
            run_id INTEGER
        )""",
    """
        CREATE TABLE column_checks (
            run_id INTEGER NOT NULL REFERENCES runs(id),
            url TEXT NOT NULL,
            name TEXT NOT NULL,
            status TEXT NOT NULL,          -- ok | blank | statement | script | soft404 | http_error | unreachable | robots | out_of_scope | blocked | skipped
            http_status INTEGER,
            error TEXT DEFAULT '',
            reason TEXT DEFAULT '',
            pages INTEGER DEFAULT 0,
            entries INTEGER DEFAULT 0,
            undated INTEGER DEFAULT 0,
            latest TEXT,
            total INTEGER,
            complete INTEGER DEFAULT 1,
            PRIMARY KEY (run_id, url)
        )""",
    """
        CREATE TABLE entries (
            column_url TEXT NOT NULL,
            url TEXT NOT NULL,
            title TEXT NOT NULL,
            date TEXT,
            date_source TEXT DEFAULT '',   -- list | article | file | ''
            first_seen TEXT NOT NULL,
            last_seen TEXT NOT NULL,
            last_run INTEGER NOT NULL,
            PRIMARY KEY (column_url, url)
        )""",
    "CREATE INDEX entries_run ON entries(last_run)",
    "CREATE INDEX entries_url ON entries(url)",
    """
        CREATE TABLE links (
            url TEXT PRIMARY KEY,
            kind TEXT NOT NULL,            -- page | attachment
            referer TEXT,
            status INTEGER,
            ok INTEGER NOT NULL,
            error TEXT DEFAULT '',
            soft_404 INTEGER DEFAULT 0,
            content_type TEXT,
            size INTEGER,
            date TEXT,
            date_source TEXT DEFAULT '',
            title TEXT,
            checked_at TEXT NOT NULL,
            run_id INTEGER
        )""",
    "CREATE INDEX links_referer ON links(referer)",
    """
        CREATE TABLE findings (
            id INTEGER PRIMARY KEY,
            site TEXT NOT NULL,
            kind TEXT NOT NULL,
            item INTEGER,                  -- NULL for site-wide findings
            url TEXT NOT NULL DEFAULT '',
            severity TEXT NOT NULL,
            detail TEXT NOT NULL,
            department TEXT DEFAULT '',
            first_seen TEXT NOT NULL,
            last_seen TEXT NOT NULL,
            resolved_at TEXT,
            first_run INTEGER,
            last_run INTEGER
        )""",
    """CREATE UNIQUE INDEX findings_open ON findings(site, kind, ifnull(item, 0), url)
                  WHERE resolved_at IS NULL""",
    """
        CREATE TABLE item_statuses (
            run_id INTEGER NOT NULL REFERENCES runs(id),
            item INTEGER NOT NULL,
            status TEXT NOT NULL,
            latest TEXT,
            reason TEXT DEFAULT '',
            PRIMARY KEY (run_id, item)
        )""",
)


@migrations()
def m001_initial(db: sqlite_utils.Database) -> None:
    for statement in _INITIAL_SCHEMA:
        db.execute(statement)


@migrations()
def m002_deliveries(db: sqlite_utils.Database) -> None:
    db.execute("""
        CREATE TABLE deliveries (
            id INTEGER PRIMARY KEY,
            site TEXT NOT NULL,
            week TEXT NOT NULL,            -- ISO week, e.g. 2026-W48
            recipient TEXT NOT NULL,       -- office | dept:<name>
            addresses TEXT NOT NULL,       -- JSON list
            subject TEXT NOT NULL,
            status TEXT NOT NULL,          -- pending | sent
            attempts INTEGER NOT NULL DEFAULT 0,
            last_error TEXT DEFAULT '',
            created_at TEXT NOT NULL,
            sent_at TEXT,
            message_id TEXT,
            UNIQUE (site, week, recipient)
        )""")


@migrations()
def m003_link_privacy(db: sqlite_utils.Database) -> None:
    db.execute("ALTER TABLE links ADD COLUMN privacy TEXT DEFAULT ''")  # JSON of masked exposures


@migrations()
def m004_entries_by_column_and_run(db: sqlite_utils.Database) -> None:
    # a column's entries seen in one run: without it SQLite scans every entry of the run for each column
    db.execute("CREATE INDEX entries_column_run ON entries(column_url, last_run)")


@migrations()
def m005_column_facts(db: sqlite_utils.Database) -> None:
    # the crawler records what a list showed (status 'read' + facts); the judge decides what that means
    db.execute("ALTER TABLE column_checks ADD COLUMN facts TEXT DEFAULT ''")


@migrations()
def m006_notifications(db: sqlite_utils.Database) -> None:
    # chat messages: once per (kind, key, channel); the channel is a hash, never the URL (it holds a robot's key)
    db.execute("""
        CREATE TABLE notifications (
            id INTEGER PRIMARY KEY,
            site TEXT NOT NULL,
            kind TEXT NOT NULL,            -- digest | urgent | resolved
            key TEXT NOT NULL,             -- the week (digest) or the finding / deadline
            channel TEXT NOT NULL,         -- sha256 of the channel URL, first 16 hex digits
            label TEXT NOT NULL,           -- the channel's service (wecombot://…), for people
            status TEXT NOT NULL,          -- sent | pending
            attempts INTEGER DEFAULT 0,
            last_error TEXT DEFAULT '',
            created_at TEXT NOT NULL,
            sent_at TEXT,
            UNIQUE (site, kind, key, channel)
        )""")


@migrations()
def m007_link_failures(db: sqlite_utils.Database) -> None:
    # a link failing for the server's or the network's sake (5xx, timeout) is broken once it fails twice in a row
    db.execute("ALTER TABLE links ADD COLUMN failures INTEGER DEFAULT 0")


@migrations()
def m008_link_unread(db: sqlite_utils.Database) -> None:
    db.execute("ALTER TABLE links ADD COLUMN unread TEXT DEFAULT ''")  # a document not checked for personal data


def _row(cls, row: dict):
    return cls(**{k: row[k] for k in cls.__dataclass_fields__})


CACHE_KB = 64  # SQLite's page cache per connection, in KiB (SQLite's default is 2,000)


class Store:
    """The database of one config. Open with :func:`open_store`."""

    def __init__(self, path: Path):
        self.path = Path(path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(str(self.path), timeout=60, check_same_thread=False)
            _refuse_foreign(conn, self.path)  # before anything is written to it
            self.db = sqlite_utils.Database(conn)
            self.db.execute("PRAGMA busy_timeout = 60000")
            self.db.enable_wal()
            self.db.execute("PRAGMA synchronous = NORMAL")
            self.db.execute("PRAGMA foreign_keys = ON")
            # a small page cache: the OS caches the file anyway, and a province run holds a store per college
            self.db.execute(f"PRAGMA cache_size = -{CACHE_KB}")
            migrations.apply(self.db)
            # can this process write here? (a read-only file, folder or file system answers only on a write)
            self.db.execute("BEGIN IMMEDIATE")
            self.db.execute("ROLLBACK")
        except (sqlite3.Error, OSError) as exc:
            raise StoreError(
                f"cannot use the database {self.path}: {exc} (check storage.path in the config and that this "
                "user may write there)"
            ) from None

    def close(self) -> None:
        self.db.close()

    @contextlib.contextmanager
    def _atomic(self) -> Iterator[None]:
        """A write transaction that takes the write lock at its start (BEGIN IMMEDIATE, waiting up to busy_timeout).
        In WAL mode a deferred transaction that reads first fails at once on its first write, whatever the timeout,
        when another process committed in between (SQLITE_BUSY_SNAPSHOT): a crawl beside readers that write their
        verdicts stopped with "database is locked". Nested: a savepoint, as sqlite-utils' atomic()."""
        if self.db.conn.in_transaction:
            with self.db.atomic():
                yield
            return
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.db.conn.rollback()
            raise
        try:
            self.db.execute("COMMIT")
        except BaseException:
            self.db.conn.rollback()
            raise

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # --- runs -------------------------------------------------------------------------------

    def start_run(self, site: str, now: dt.datetime) -> int:
        with self._atomic():
            self.db.execute(
                "UPDATE runs SET status = ?, finished_at = ? WHERE site = ? AND status = ?",
                [RunStatus.ABORTED, now.isoformat(), site, RunStatus.RUNNING],
            )
            cur = self.db.execute(
                "INSERT INTO runs (site, started_at, status) VALUES (?, ?, ?)",
                [site, now.isoformat(), RunStatus.RUNNING],
            )
        return cur.lastrowid

    def finish_run(
        self, run_id: int, status: str, now: dt.datetime, pages: int, errors: int, nbytes: int, detail: str = ""
    ) -> None:
        with self._atomic():
            self.db.execute(
                "UPDATE runs SET status = ?, finished_at = ?, pages = ?, errors = ?, bytes = ?, detail = ? WHERE id = ?",
                [status, now.isoformat(), pages, errors, nbytes, detail, run_id],
            )

    def run(self, run_id: int) -> Run | None:
        rows = list(self.db.query("SELECT * FROM runs WHERE id = ?", [run_id]))
        return _row(Run, rows[0]) if rows else None

    def last_run(self, site: str, finished: bool = True) -> Run | None:
        where = f"AND status NOT IN ('{RunStatus.RUNNING}', '{RunStatus.ABORTED}')" if finished else ""
        rows = list(self.db.query(f"SELECT * FROM runs WHERE site = ? {where} ORDER BY id DESC LIMIT 1", [site]))
        return _row(Run, rows[0]) if rows else None

    def runs(self, site: str, limit: int = 20) -> list[Run]:
        return [
            _row(Run, r)
            for r in self.db.query("SELECT * FROM runs WHERE site = ? ORDER BY id DESC LIMIT ?", [site, limit])
        ]

    # --- pages (incremental crawling) ---------------------------------------------------------

    def page(self, url: str) -> dict | None:
        rows = list(self.db.query("SELECT * FROM pages WHERE url = ?", [url]))
        return rows[0] if rows else None

    # The upserts below are written in SQL on purpose: sqlite-utils' upsert/insert_all commit through
    # ``with conn:``, which would end the one transaction a column is saved in (crash safety, docs/reliability.md).

    def save_page(
        self,
        url: str,
        final_url: str,
        status: int | None,
        etag: str | None,
        last_modified: str | None,
        body_hash: str | None,
        parsed: dict | None,
        now: dt.datetime,
        run_id: int,
    ) -> None:
        self.db.execute(
            """INSERT INTO pages (url, final_url, status, etag, last_modified, hash, parsed, fetched_at, run_id)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
               ON CONFLICT(url) DO UPDATE SET final_url = excluded.final_url, status = excluded.status,
                 etag = excluded.etag, last_modified = excluded.last_modified, hash = excluded.hash,
                 parsed = excluded.parsed, fetched_at = excluded.fetched_at, run_id = excluded.run_id""",
            [
                url,
                final_url,
                status,
                etag,
                last_modified,
                body_hash,
                json.dumps(parsed, ensure_ascii=False) if parsed is not None else None,
                now.isoformat(),
                run_id,
            ],
        )

    # --- columns and entries -----------------------------------------------------------------

    def save_column(
        self,
        run_id: int,
        check: ColumnCheck,
        entries: Iterable[tuple[str, str, str | None, str]],
        now: dt.datetime,
        pages: Iterable[tuple] = (),
    ) -> None:
        """One column's crawl result, in one transaction: its check row, its entries, its pages."""
        stamp = now.isoformat()
        with self._atomic():
            for page in pages:
                self.save_page(*page)
            self.db.execute(
                """INSERT OR REPLACE INTO column_checks (run_id, url, name, status, http_status, error, reason, pages,
                   entries, undated, latest, total, complete, facts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                [
                    run_id,
                    check.url,
                    check.name,
                    check.status,
                    check.http_status,
                    check.error,
                    check.reason,
                    check.pages,
                    check.entries,
                    check.undated,
                    check.latest,
                    check.total,
                    int(check.complete),
                    check.facts,
                ],
            )
            self.db.conn.executemany(
                """INSERT INTO entries (column_url, url, title, date, date_source, first_seen, last_seen, last_run)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                   ON CONFLICT(column_url, url) DO UPDATE SET title = excluded.title,
                     date = coalesce(excluded.date, entries.date),
                     date_source = CASE WHEN excluded.date IS NULL THEN entries.date_source ELSE excluded.date_source END,
                     last_seen = excluded.last_seen, last_run = excluded.last_run""",
                [(check.url, url, title, date, source, stamp, stamp, run_id) for url, title, date, source in entries],
            )

    def column_checks(self, run_id: int) -> dict[str, ColumnCheck]:
        out = {}
        for r in self.db.query("SELECT * FROM column_checks WHERE run_id = ?", [run_id]):
            r = dict(r, complete=bool(r["complete"]))
            out[r["url"]] = _row(ColumnCheck, r)
        return out

    def entries(self, column_url: str, run_id: int | None = None) -> list[StoredEntry]:
        if run_id is None:
            rows = self.db.query("SELECT * FROM entries WHERE column_url = ? ORDER BY date DESC", [column_url])
        else:
            rows = self.db.query(
                "SELECT * FROM entries WHERE column_url = ? AND last_run = ? ORDER BY date DESC", [column_url, run_id]
            )
        return [_row(StoredEntry, r) for r in rows]

    def fill_entry_dates(self, dates: dict[str, tuple[str, str]]) -> None:
        """Dates found for entries their list left undated: on their article pages (source ``article``), or a
        file's day on its server (``file``: its Last-Modified)."""
        with self._atomic():
            self.db.conn.executemany(
                "UPDATE entries SET date = ?, date_source = ? WHERE url = ? AND date IS NULL",
                [(date, FILE_DATE if source == FILE_DATE else "article", url) for url, (date, source) in dates.items()],
            )

    def fill_entry_titles(self, titles: dict[str, str]) -> None:
        """The whole titles of entries their list shows cut short, from their article pages."""
        with self._atomic():
            self.db.conn.executemany("UPDATE entries SET title = ? WHERE url = ?", [(t, u) for u, t in titles.items()])

    # --- links ------------------------------------------------------------------------------

    def _links_where(self, column: str, values: Iterable[str], problems_only: bool, extra: str = "") -> list[Link]:
        """Link records whose ``column`` is one of ``values`` (queried 500 at a time); with ``problems_only``
        just the broken ones and those exposing personal data (what evaluation needs: at 100k entries,
        loading every fine link is most of its memory)."""
        where = extra + (" AND (ok = 0 OR privacy != '' OR unread != '')" if problems_only else "")
        values = list(values)
        out: list[Link] = []
        for i in range(0, len(values), 500):
            chunk = values[i : i + 500]
            marks = ",".join("?" * len(chunk))
            for r in self.db.query(f"SELECT * FROM links WHERE {column} IN ({marks}){where}", chunk):
                out.append(_row(Link, dict(r, ok=bool(r["ok"]), soft_404=bool(r["soft_404"]))))
        return out

    def links(self, urls: Iterable[str], problems_only: bool = False) -> dict[str, Link]:
        """Link checks by URL."""
        return {link.url: link for link in self._links_where("url", urls, problems_only)}

    def read_pages(self, urls: Iterable[str]) -> set[str]:
        """Those of ``urls`` whose page was fetched and read (this run or an earlier one; not one only recorded, as
        an address out of the crawler's scope is, with no status)."""
        return {link.url for link in self._links_where("url", urls, False, " AND ok = 1 AND status IS NOT NULL")}

    def attachments_of(self, pages: Iterable[str], problems_only: bool = False) -> list[Link]:
        """The attachments found on these pages."""
        return self._links_where("referer", pages, problems_only, " AND kind = 'attachment'")

    def save_links(self, links: Iterable[Link], run_id: int) -> None:
        columns = [f for f in Link.__dataclass_fields__]
        marks = ", ".join("?" * (len(columns) + 1))
        with self._atomic():
            self.db.conn.executemany(
                f"INSERT OR REPLACE INTO links ({', '.join(columns)}, run_id) VALUES ({marks})",
                [(*(getattr(lk, c) for c in columns), run_id) for lk in links],
            )

    # --- findings and statuses -----------------------------------------------------------------

    def open_findings(self, site: str) -> list[Finding]:
        return [
            _row(Finding, r)
            for r in self.db.query("SELECT * FROM findings WHERE site = ? AND resolved_at IS NULL ORDER BY id", [site])
        ]

    def findings(self, site: str) -> list[Finding]:
        return [_row(Finding, r) for r in self.db.query("SELECT * FROM findings WHERE site = ? ORDER BY id", [site])]

    def record_findings(self, site: str, run_id: int, drafts: Iterable, now: dt.datetime, resolvable: callable) -> None:
        """Open new findings, mark those seen again, resolve the open ones ``resolvable(finding)`` allows.

        Identity is (site, kind, item, url). A finding that comes back after being resolved starts a new life.
        """
        stamp = now.isoformat()
        seen: set[tuple] = set()
        with self._atomic():
            open_now = {(f.kind, f.item, f.url): f for f in self.open_findings(site)}
            for d in drafts:
                key = (d.kind, d.item, d.url)
                if key in seen:
                    continue  # the same finding twice (an article listed in two columns of one item): one finding
                seen.add(key)
                if key in open_now:
                    self.db.execute(
                        "UPDATE findings SET last_seen = ?, last_run = ?, severity = ?, detail = ?, department = ? "
                        "WHERE id = ?",
                        [stamp, run_id, d.severity, d.detail, d.department, open_now[key].id],
                    )
                else:
                    self.db.execute(
                        """INSERT INTO findings (site, kind, item, url, severity, detail, department, first_seen,
                           last_seen, first_run, last_run) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                        [site, d.kind, d.item, d.url, d.severity, d.detail, d.department, stamp, stamp, run_id, run_id],
                    )
            for key, f in open_now.items():
                if key not in seen and resolvable(f):
                    self.db.execute("UPDATE findings SET resolved_at = ? WHERE id = ?", [stamp, f.id])

    def save_item_statuses(self, run_id: int, statuses: Iterable[tuple[int, str, str | None, str]]) -> None:
        with self._atomic():
            self.db.conn.executemany(
                "INSERT OR REPLACE INTO item_statuses (run_id, item, status, latest, reason) VALUES (?, ?, ?, ?, ?)",
                [(run_id, *s) for s in statuses],
            )

    def item_statuses(self, run_id: int) -> dict[int, dict]:
        return {r["item"]: r for r in self.db.query("SELECT * FROM item_statuses WHERE run_id = ?", [run_id])}

    def entries_between(self, column_url: str, start: str, end: str) -> list[StoredEntry]:
        """A column's stored entries published in [start, end], whichever run saw them."""
        return [
            _row(StoredEntry, r)
            for r in self.db.query(
                "SELECT * FROM entries WHERE column_url = ? AND date BETWEEN ? AND ? ORDER BY date",
                [column_url, start, end],
            )
        ]

    def last_column_check(self, url: str) -> ColumnCheck | None:
        rows = list(self.db.query("SELECT * FROM column_checks WHERE url = ? ORDER BY run_id DESC LIMIT 1", [url]))
        return _row(ColumnCheck, dict(rows[0], complete=bool(rows[0]["complete"]))) if rows else None

    def column_crawls(self, url: str) -> list[tuple[str, bool]]:
        """(run end, list read completely) of every finished run that read this column's list, oldest first."""
        read = (ColumnState.READ, ColumnState.OK, ColumnState.BLANK, ColumnState.STATEMENT)
        marks = ", ".join("?" * len(read))
        rows = self.db.execute(
            f"""SELECT r.finished_at, c.complete FROM column_checks c JOIN runs r ON r.id = c.run_id
                WHERE c.url = ? AND c.status IN ({marks}) AND r.finished_at IS NOT NULL ORDER BY r.started_at""",
            [url, *read],
        ).fetchall()
        return [(started, bool(complete)) for started, complete in rows]

    def column_entries(self, url: str) -> list[dict]:
        """Every entry ever listed in a column, with when it was first seen."""
        return [
            dict(r)
            for r in self.db.query("SELECT url, title, date, first_seen FROM entries WHERE column_url = ?", [url])
        ]

    def entries_dated(self, start: str, end: str) -> list[StoredEntry]:
        """Entries whose publication date lies in [start, end] (ISO dates)."""
        return [
            _row(StoredEntry, r)
            for r in self.db.query("SELECT * FROM entries WHERE date BETWEEN ? AND ? ORDER BY date", [start, end])
        ]

    # --- deliveries (mail: exactly once, never lost) -----------------------------------------

    def delivery(self, site: str, week: str, recipient: str) -> Delivery | None:
        rows = list(
            self.db.query(
                "SELECT * FROM deliveries WHERE site = ? AND week = ? AND recipient = ?", [site, week, recipient]
            )
        )
        return _row(Delivery, rows[0]) if rows else None

    def notification_sent(self, site: str, kind: str, key: str, channel: str) -> bool:
        rows = self.db.execute(
            "SELECT status FROM notifications WHERE site = ? AND kind = ? AND key = ? AND channel = ?",
            [site, kind, key, channel],
        ).fetchall()
        return bool(rows) and rows[0][0] == "sent"

    def record_notification(
        self, site: str, kind: str, key: str, channel: str, label: str, ok: bool, error: str, now: dt.datetime
    ) -> None:
        stamp = now.isoformat()
        with self._atomic():
            self.db.execute(
                """INSERT INTO notifications (site, kind, key, channel, label, status, attempts, last_error,
                   created_at, sent_at) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, ?)
                   ON CONFLICT(site, kind, key, channel) DO UPDATE SET status = excluded.status,
                     attempts = notifications.attempts + 1, last_error = excluded.last_error,
                     sent_at = excluded.sent_at""",
                [site, kind, key, channel, label, "sent" if ok else "pending", error, stamp, stamp if ok else None],
            )

    def notifications(self, site: str, status: str | None = None) -> list[dict]:
        where, args = ("AND status = ?", [site, status]) if status else ("", [site])
        return [dict(r) for r in self.db.query(f"SELECT * FROM notifications WHERE site = ? {where} ORDER BY id", args)]

    def deliveries(self, site: str, status: str | None = None) -> list[Delivery]:
        where, args = "site = ?", [site]
        if status:
            where += " AND status = ?"
            args.append(status)
        return [_row(Delivery, r) for r in self.db.query(f"SELECT * FROM deliveries WHERE {where} ORDER BY id", args)]

    def record_delivery(
        self,
        site: str,
        week: str,
        recipient: str,
        addresses: list[str],
        subject: str,
        sent: bool,
        error: str,
        now: dt.datetime,
        message_id: str | None,
    ) -> None:
        stamp = now.isoformat()
        with self._atomic():
            self.db.execute(
                """INSERT INTO deliveries (site, week, recipient, addresses, subject, status, attempts, last_error,
                   created_at, sent_at, message_id) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)
                   ON CONFLICT(site, week, recipient) DO UPDATE SET addresses = excluded.addresses,
                     subject = excluded.subject, status = excluded.status, attempts = deliveries.attempts + 1,
                     last_error = excluded.last_error, sent_at = excluded.sent_at,
                     message_id = coalesce(excluded.message_id, deliveries.message_id)""",
                [
                    site,
                    week,
                    recipient,
                    json.dumps(addresses, ensure_ascii=False),
                    subject,
                    "sent" if sent else "pending",
                    error,
                    stamp,
                    stamp if sent else None,
                    message_id,
                ],
            )

    def status_history(self, site: str, limit: int = 30) -> list[dict]:
        """Per evaluated run, oldest first: counts of ok, failing and unknown items."""
        return list(reversed([dict(r) for r in self.db.query(_history_sql(), [site, limit])]))


def _refuse_foreign(conn: sqlite3.Connection, path: Path) -> None:
    """An existing SQLite file that is not this monitor's is never written to."""
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if not tables:
        return  # new (or empty): ours from now on
    if "_sqlite_migrations" in tables:
        sets = {r[0] for r in conn.execute("SELECT DISTINCT migration_set FROM _sqlite_migrations")}
        if migrations.name in sets:
            return
        if tables == {"_sqlite_migrations"} and not sets:
            return  # a first run killed before its first migration committed: nothing in it yet
    conn.close()
    raise StoreError(
        f"{path} is a database of another program (tables: {', '.join(sorted(tables)[:5])}): "
        "point storage.path at a new file"
    )


def open_store(path: Path) -> Store:
    return Store(path)


def _history_sql() -> str:
    return f"""
        SELECT r.id, r.started_at, r.status,
               sum(s.status = '{ItemStatus.OK}') AS ok,
               sum(s.status IN ({", ".join(f"'{f}'" for f in ItemStatus.failing())})) AS failing,
               sum(s.status = '{ItemStatus.UNKNOWN}') AS unknown
        FROM runs r JOIN item_statuses s ON s.run_id = r.id
        WHERE r.site = ? GROUP BY r.id ORDER BY r.id DESC LIMIT ?"""
