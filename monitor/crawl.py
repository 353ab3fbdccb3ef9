"""The crawl of one site: its columns with their pagination, then every entry and attachment link.

Crawling records what it saw and never decides compliance. Each column is written to the store in one
transaction as soon as it is done; link checks are written in batches; the run row is closed last.
Incremental: list pages are fetched conditionally and an unchanged page reuses its stored parse;
links checked within ``recheck_days`` (and dated) are not fetched again.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import functools
import hashlib
import json
import logging
import re
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import unquote, urlsplit

import httpx

from monitor.config import ColumnConfig, Config
from monitor.dates import file_date
from monitor.documents import document_kind, filename_of, served_kind
from monitor.fetch import Fetcher, Response
from monitor.htmlpage import SIGN_IN_REASON, decode_html
from monitor.parse import (
    SELF_SHOWN,
    Entry,
    ListPage,
    completed_title,
    is_attachment_url,
    parse_article,
    parse_column_page,
)
from monitor.privacy import scan_document, scan_text
from monitor.records import FILE_DATE, ColumnCheck, ColumnState, Link, RunStatus
from monitor.sections import section_of
from monitor.store import Store
from monitor.urls import as_browser_sends, host_of, is_script_row, normalise_url, page_key

log = logging.getLogger(__name__)


# the modules a list page's parse depends on (monitor.parse and what it imports: tests/test_architecture.py checks)
READERS = (
    "dates",
    "htmlpage",
    "listpage",
    "pagedates",
    "pagerscripts",
    "parse",
    "sanitize",
    "scriptdata",
    "scriptsource",
    "sections",
    "urls",
)


@functools.cache
def _reader_version(column: str = "") -> str:
    """A fingerprint of the page readers' code and of the column's configured name (which tells its list from a
    sidebar's). A list page's stored parse is reused while the page is unchanged, but only a parse made by this code
    for this name: after an upgrade, every page is read again with the better reader (a column once misread as blank
    does not stay blank until its page changes), and after a column is renamed in the config."""
    digest = hashlib.sha1()
    for name in READERS:
        digest.update(Path(__file__).with_name(f"{name}.py").read_bytes())
    digest.update(column.encode())
    return digest.hexdigest()[:16]


def _reusable(stored: dict | None, column: str = "") -> dict | None:
    """The stored row of a page whose parse this code made for this column name, or None."""
    if stored is None or not stored["parsed"]:
        return None
    return stored if json.loads(stored["parsed"]).get("reader") == _reader_version(column) else None


Progress = Callable[..., None]
LINK_BATCH = 200


@dataclass(frozen=True)
class CrawlOutcome:
    run_id: int
    status: RunStatus


def _unread_pages(first: ListPage, read: int, entries: int, total: int | None) -> str:
    """Why a column's list is known to be incomplete although every page it links was read, or "". ``total``: the
    entry count the pages state (the first's pager, or the data a script asked for). A stated count is trusted to
    within a tenth (an entry listed twice, a pinned one, is read once)."""
    if first.unfollowable:
        return first.unfollowable
    if first.page_count and read < first.page_count:
        return f"分页显示共 {first.page_count} 页，只读到 {read} 页"
    if total and entries < 0.9 * total:
        return f"列表显示共 {total} 条，只读到 {entries} 条"
    return ""


_HOME_PATHS = frozenset(
    (
        "",
        "/",
        "/index.htm",
        "/index.html",
        "/index.shtml",
        "/index.jsp",
        "/index.php",
        "/index.asp",
        "/index.aspx",
        "/default.htm",
        "/default.html",
        "/default.asp",
        "/default.aspx",
        "/main.htm",
        "/main.html",
    )
)


def _sent_home(resp: Response) -> bool:
    """A deeper address redirected to the site's home page: many CMSs answer a deleted column or article so."""
    if resp.final_url == resp.url:
        return False
    asked, landed = urlsplit(resp.url), urlsplit(resp.final_url)
    if host_of(resp.url) != host_of(resp.final_url):
        return False  # www.x.edu.cn/xxgk/ moved to xxgk.x.edu.cn/: the disclosure site's own home is the column
    return landed.path.lower() in _HOME_PATHS and not landed.query and asked.path.lower() not in _HOME_PATHS


def _binary(body: bytes) -> bool:
    """A body that is no web page: NUL bytes in its first kilobyte (PDF, image, archive served as HTML)."""
    return b"\0" in body[:1024]


_PAGE_TYPES = ("html", "text", "xml", "json", "javascript")  # content types of a page, not a file
_MARKUP_RE = re.compile(rb"^\s*(?:\xef\xbb\xbf)?\s*<")  # (a page served as application/octet-stream all the same)


def a_document(resp: Response) -> bool:
    """Whether a column's address answers with a file, not a page: 信息公开指南.pdf, 收费标准.xlsx, a download.jsp
    by its content type; where the type is missing, by its address or its bytes."""
    if _MARKUP_RE.match(resp.body[:256]):
        return False
    ctype = resp.headers.get("content-type", "").lower()
    if ctype:
        return not any(t in ctype for t in _PAGE_TYPES)
    return is_attachment_url(resp.final_url) or _binary(resp.body)


DOCUMENT_COLUMN = "栏目地址本身是一个文件（{}），按一条信息计"


def document_page(resp: Response, name: str) -> ListPage:
    """A column whose address is its one document: that file is its entry (dated by the file when it is checked)."""
    file = filename_of(resp.headers.get("content-disposition", "")) or unquote(urlsplit(resp.final_url).path)
    file = file.rsplit("/", 1)[-1] or resp.final_url
    return ListPage((Entry(name or file, resp.final_url, None),), reason=DOCUMENT_COLUMN.format(file), title=name)


def failure_status(resp: Response) -> tuple[str, str]:
    if resp.error_kind == "robots":
        return "robots", "robots.txt 禁止抓取该页面"
    if resp.error_kind == "out_of_scope":
        return "out_of_scope", f"跳转到配置范围以外的地址：{resp.final_url}"
    if resp.error_kind == "blocked":
        return "blocked", f"网站的反爬虫验证拦下了监测的请求：{resp.error}；请将监测服务器的 IP 加入其白名单"
    if resp.status is not None and resp.status >= 400:
        return "http_error", f"HTTP {resp.status}"
    if resp.error_kind == "timeout":
        return "unreachable", "请求超时"
    if resp.error_kind == "sent_home":
        return "soft404", resp.error
    if resp.error_kind == "empty":
        return (
            "unreachable",
            f"服务器返回了空白应答（HTTP {resp.status}，没有任何内容），多为服务器故障，下次运行会重试",
        )
    if resp.error_kind == "too_large":
        return "http_error", "页面过大，超过 max_body_mb 上限"
    if resp.error_kind == "robots_failed":
        return "unreachable", "robots.txt 返回服务器错误，按 RFC 9309 视为全部禁止抓取"
    if resp.error_kind == "redirects":
        return "http_error", "重定向次数过多（循环重定向）"
    if resp.error_kind == "bad_redirect":
        return "http_error", "重定向到无效的地址"
    if resp.error_kind == "not_html":
        return "http_error", "返回的不是网页（二进制内容）"
    if resp.error_kind == "tls":
        return "unreachable", f"无法连接（tls）：HTTPS 证书校验失败（{resp.error}）。{TLS_HINT}"
    return "unreachable", f"无法连接（{resp.error_kind or 'error'}）"


# what to do: college servers often send an incomplete certificate chain, which browsers complete and programs do not
TLS_HINT = "学校服务器常缺少中间证书（浏览器能自动补全）；确认后可在 [crawl] 中设置 verify_tls = false"


@dataclass
class _ColumnWalk:
    """The state of reading one column's pages: what is queued, seen, read and found."""

    start: str
    name: str = ""  # the column's name as configured: the page's own title may give only the site's
    section: str = ""  # the part of its page the column is (its address's fragment: cwxx.htm#预算决算), or ""
    queue: deque = field(default_factory=deque)
    seen: set = field(default_factory=set)
    entries: dict[str, Entry] = field(default_factory=dict)
    page_rows: list[tuple] = field(default_factory=list)
    first: ListPage | None = None
    check: ColumnCheck | None = None
    pages: int = 0  # requested
    read: int = 0  # parsed as list pages
    complete: bool = True
    total: int | None = None  # the entry count a page states: the first's pager, or the data its script asked for
    cut: str = ""  # why pages it links were left unread (the run's limits)

    @property
    def reader(self) -> str:
        """What a stored parse of its page was made for: its name, and its section (two columns of one page)."""
        return f"{self.name}#{self.section}" if self.section else self.name

    def __post_init__(self) -> None:
        self.queue.append(self.start)
        self.seen.add(page_key(self.start))

    def add(self, lp: ListPage, in_scope) -> None:
        if self.first is None:
            self.first = lp
        self.read += 1
        self.total = self.total if self.total is not None else lp.total
        new = [e for e in lp.entries if e.url not in self.entries]
        for entry in new:
            self.entries[entry.url] = entry
        if lp.entries and not new and self.read > 1:
            return  # a page of entries already read: the pager goes round (page N+1 answered with the last page)
        for nxt in lp.next_pages:
            key = page_key(nxt)
            if key not in self.seen and in_scope(nxt):
                self.seen.add(key)
                self.queue.append(nxt)


def _facts(first: ListPage) -> str:
    """What the first list page showed, for the judge to read (monitor.evaluate.list_state)."""
    flags = {"soft404": first.soft_404, "script": first.script_loaded, "statement": bool(first.statement)}
    return ",".join(name for name, on in flags.items() if on) or ("blank" if first.blank else "")


def _column_check(column: ColumnConfig, walk: _ColumnWalk) -> ColumnCheck:
    first, entries = walk.first, walk.entries
    short = (_unread_pages(first, walk.read, len(entries), walk.total) or walk.cut) if entries else ""
    return ColumnCheck(
        column.url,
        column.name,
        ColumnState.READ,
        200,
        "",
        first.reason if not entries or first.reason.startswith(SELF_SHOWN) else short,
        walk.pages,
        len(entries),
        total=walk.total,
        complete=walk.complete and not short,
        facts=_facts(first),
    )


@dataclass
class _Crawl:
    config: Config
    store: Store
    fetcher: Fetcher
    run_id: int
    clock: Callable[[], dt.datetime]
    progress: Progress | None
    budget: int
    stop: threading.Event | None = None
    deadline: float = float("inf")  # time.monotonic() after which no new page is started
    pages: int = 0
    list_errors: int = 0
    down_hosts: dict[str, str] = field(default_factory=dict)
    site_encoding: str = ""  # the home page's (GBK…): how a browser sends the columns' Chinese queries
    entries: dict[str, tuple[str, str, bool]] = field(default_factory=dict)  # url -> (title, column url, dated)
    limited: bool = False
    timed_out: bool = False
    unstarted: int = 0  # columns not begun: a page of the budget, and twice a page's time, kept for each one's first
    started: float = field(default_factory=time.monotonic)

    def emit(self, event: str, **info) -> None:
        if self.progress:
            self.progress(event, **info)

    @property
    def stopping(self) -> bool:
        return self.stop is not None and self.stop.is_set()

    def take_page(self) -> bool:
        if self.stopping:
            return False
        if time.monotonic() > self.deadline:
            self.timed_out = True
            return False
        if self.pages >= self.budget:
            self.limited = True
            return False
        self.pages += 1
        return True

    def take_further_page(self) -> bool:
        """A column's next page past its first, unless the pages left, or the time left (at the run's pace so far,
        twice over), are those kept for the first pages of columns not begun."""
        if self.pages + self.unstarted >= self.budget:
            self.limited = True
            return False
        if self.unstarted and self.pages and self.deadline != float("inf"):
            now = time.monotonic()
            if now + 2 * self.unstarted * (now - self.started) / self.pages > self.deadline:
                self.timed_out = True
                return False
        return self.take_page()

    async def probe(self) -> bool:
        """GET the home page; a host that does not answer at all is down for this run."""
        url = self.config.site.base_url
        self.take_page()
        resp = await self.fetcher.get(url)
        self.emit("page", url=url)
        if not resp.answered and resp.error_kind not in ("robots", "out_of_scope"):
            self.down_hosts[host_of(normalise_url(url))] = failure_status(resp)[1]
            return False
        if resp.ok and resp.body:  # the site's encoding: a configured address's Chinese query is sent in it
            self.site_encoding = decode_html(resp.body, resp.headers)[1]
        return resp.error_kind != "robots"  # a banned home page is no answer: the columns must show one

    async def column(self, column: ColumnConfig) -> None:
        """Read one column's list, page after page, and store what was seen."""
        self.unstarted = max(0, self.unstarted - 1)
        host = host_of(normalise_url(column.url))
        if host in self.down_hosts:
            self._down_column(column, self.down_hosts[host])
            return
        walk = _ColumnWalk(  # (list.asp?class=通知)
            as_browser_sends(normalise_url(column.url), self.site_encoding), column.name, section_of(column.url)
        )
        while walk.queue:
            if walk.pages >= self.config.crawl.max_pages_per_column:
                walk.complete, walk.cut = False, f"达到 max_pages_per_column 上限，列表只读了 {walk.pages} 页"
                break
            if not (self.take_further_page() if walk.pages else self.take_page()):
                walk.complete = False
                walk.cut = f"达到本次运行的抓取上限（max_pages 或 max_run_seconds），列表只读了 {walk.pages} 页"
                break
            url = walk.queue.popleft()
            lp, resp = await self._list_page(url, walk)
            if lp is None and not self._page_failed(column, url, resp, walk):
                break
            if lp is not None:
                walk.add(lp, self.fetcher.in_scope)
        if walk.check is None and walk.first is None:
            if self.stopping:
                return  # stopped before this column began: nothing to record
            walk.check = ColumnCheck(
                column.url, column.name, "skipped", reason="达到 max_pages 上限，本次未抓取", complete=False
            )
        check = walk.check or _column_check(column, walk)
        rows = [
            (e.url, e.title, e.date.isoformat() if e.date else None, "list" if e.date else "")
            for e in walk.entries.values()
        ]
        self.store.save_column(self.run_id, check, rows, self.clock(), walk.page_rows)
        for e in walk.entries.values():
            self.entries.setdefault(e.url, (e.title, column.url, e.date is not None))
        self.emit("column", name=column.name, status=check.status, entries=len(walk.entries), pages=walk.pages)

    def _down_column(self, column: ColumnConfig, why: str) -> None:
        check = ColumnCheck(
            column.url, column.name, "unreachable", error=why, reason=f"站点无法访问：{why}", complete=False
        )
        self.store.save_column(self.run_id, check, [], self.clock())
        self.list_errors += 1

    async def _list_page(self, url: str, walk: _ColumnWalk) -> tuple[ListPage | None, Response]:
        """Fetch one list page (conditionally) and parse it, or reuse the stored parse when it did not change."""
        stored = _reusable(self.store.page(url), walk.reader)  # no conditional request for a page to be read again
        resp = await self.fetcher.get(url, stored and stored["etag"], stored and stored["last_modified"])
        walk.pages += 1
        self.emit("page", url=url)
        if resp.not_modified and stored:
            return ListPage.from_dict(json.loads(stored["parsed"])), resp
        document = resp.ok and a_document(resp)
        if resp.ok and _binary(resp.body) and not document:
            return None, replace(resp, body=b"", error="binary body", error_kind="not_html")
        if resp.ok and _sent_home(resp) and walk.first is None:
            why = f"栏目地址跳转到了网站首页 {resp.final_url}（栏目可能已被删除或改址）"
            return None, replace(resp, body=b"", error=why, error_kind="sent_home")
        if resp.ok and not resp.body.strip() and not resp.truncated:
            # no column page is empty (even a blank one shows the site around it): the server failed to answer
            return None, replace(resp, body=b"", error="empty body", error_kind="empty")
        if not resp.ok:
            return None, resp
        digest = hashlib.sha1(resp.body).hexdigest()
        if stored and stored["hash"] == digest:
            lp = ListPage.from_dict(json.loads(stored["parsed"]))
        elif document:
            lp = document_page(resp, walk.name)
        else:
            lp = parse_column_page(
                resp.body, resp.final_url, resp.headers, walk.first, walk.name, walk.section
            )  # (its script may ask)
        headers = resp.headers
        row = (url, resp.final_url, resp.status, headers.get("etag"), headers.get("last-modified"), digest)
        walk.page_rows.append(
            (*row, {**lp.to_dict(), "reader": _reader_version(walk.reader)}, self.clock(), self.run_id)
        )
        return lp, resp

    def _page_failed(self, column: ColumnConfig, url: str, resp: Response, walk: _ColumnWalk) -> bool:
        """Record a list page that could not be read; False when it was the first (the column cannot be read)."""
        status, reason = failure_status(resp)
        if walk.first is None:
            if status in ("unreachable", "blocked"):
                self.list_errors += 1
            walk.check = ColumnCheck(
                column.url, column.name, status, resp.status, resp.error, reason, walk.pages, complete=False
            )
            return False
        log.warning("column %s: page %s failed: %s", column.name, url, resp.error or resp.status)
        if status in ("unreachable", "blocked") or (resp.status or 0) >= 500:
            self.list_errors += 1
        walk.complete = False
        return True

    def _fresh(self, link: Link | None, needs_date: bool, now: dt.datetime) -> bool:
        if link is None or not link.ok:
            return False  # never checked, or broken: check again so that a fix shows
        if needs_date and not link.date and link.kind == "page" and link.status is not None:
            return False
        age = now - dt.datetime.fromisoformat(link.checked_at)
        return age < dt.timedelta(days=self.config.crawl.recheck_days)

    async def links(self) -> None:
        now = self.clock()
        known = self.store.links(self.entries)
        todo = [
            (url, title, not dated)
            for url, (title, _col, dated) in _newest_first(self.entries)
            if not self._fresh(known.get(url), not dated, now)
        ]
        attachments_known = {a.url: a for a in self.store.attachments_of(self.entries)}
        results: list[Link] = []
        dates: dict[str, tuple[str, str]] = {}
        titles = {u: lk.title for u, lk in known.items()}  # (a checked page's link carries its article's title)
        queue: asyncio.Queue = asyncio.Queue()
        for job in todo:
            queue.put_nowait(job)

        async def flush() -> None:
            if results:
                self.store.save_links(list(results), self.run_id)
                results.clear()

        async def worker() -> None:
            while not self.stopping:
                try:
                    url, title, _needs = queue.get_nowait()
                except asyncio.QueueEmpty:
                    return
                for checked in await self.check_link(url, title, None, attachments_known):
                    link = _counted(checked, known.get(checked.url) or attachments_known.get(checked.url))
                    results.append(link)
                    if link.date:
                        dates[link.url] = (link.date, link.date_source)
                    titles[link.url] = link.title
                if len(results) >= LINK_BATCH:
                    await flush()

        workers = max(1, self.config.crawl.concurrency * 2)
        await asyncio.gather(*(worker() for _ in range(workers)))
        await flush()
        if dates:
            self.store.fill_entry_dates(dates)
        # entries with no date that were checked earlier carry their article date in links
        stale_dates = {u: (lk.date, lk.date_source) for u, lk in known.items() if lk.date and not self.entries[u][2]}
        if stale_dates:
            self.store.fill_entry_dates(stale_dates)
        self._complete_titles(titles)

    def _complete_titles(self, titles: dict[str, str]) -> None:
        """Entries whose list shows their title cut short (关于公布2026年专业技术…) take the whole from their article's
        page, checked now or before: a checklist item is told from the whole title."""
        whole = {
            u: full
            for u, t in titles.items()
            if u in self.entries and (full := completed_title(self.entries[u][0], t or ""))
        }
        if whole:
            self.store.fill_entry_titles(whole)

    async def check_link(self, url: str, title: str, referer: str | None, attachments_known: dict) -> list[Link]:
        if is_script_row(url):  # a row its page's script opens, to an address not read: recorded, not fetched
            return [_link(url, "page", referer, None, True, SCRIPT_ROW_NOTE, title, self.clock())]
        if not self.fetcher.in_scope(url):
            return [
                _link(
                    url,
                    "attachment" if is_attachment_url(url) else "page",
                    referer,
                    None,
                    True,
                    "未检查：不在配置的站点范围内",
                    title,
                    self.clock(),
                )
            ]
        if is_attachment_url(url):
            link = await self.check_attachment(url, referer, title)
            return [link] if link else []
        if not self.take_page():
            return []
        resp = await self.fetcher.get(url)
        self.emit("page", url=url)
        ctype = resp.headers.get("content-type", "")
        if resp.ok and ctype and "html" not in ctype.lower() and "text" not in ctype.lower():
            link = _from_response(resp, url, "attachment", referer, title, self.clock())
            return [await self._scanned(link, resp)]
        link = _from_response(resp, url, "page", referer, title, self.clock())
        if not resp.ok:
            return [link]
        if _sent_home(resp):  # the article is gone: its address now lands on the home page
            why = f"链接跳转到了网站首页 {resp.final_url}（页面可能已被删除）"
            return [replace(link, ok=False, soft_404=True, error=why, title=title)]
        article = parse_article(resp.body, resp.final_url, resp.headers)
        if article.sign_in:  # the public cannot read it either
            return [replace(link, ok=False, soft_404=True, error=SIGN_IN_REASON, title=title)]
        privacy = _exposures(scan_text(article.text, self.clock().date())) if self.config.privacy.enabled else ""
        link = replace(
            link,
            ok=not article.soft_404,
            soft_404=article.soft_404,
            error="页面显示“页面不存在”（软 404）" if article.soft_404 else "",
            date=article.published.isoformat() if article.published else None,
            date_source=article.date_source,
            title=completed_title(title, article.title) or title or article.title,  # (a list's cut title: the whole)
            privacy=privacy,
        )
        out = [link]
        now = self.clock()
        for att in article.attachments:
            if self._fresh(attachments_known.get(att.url), False, now) or not self.fetcher.in_scope(att.url):
                continue
            checked = await self.check_attachment(att.url, url, att.title)
            if checked:
                out.append(checked)
        return out

    async def check_attachment(self, url: str, referer: str | None, title: str) -> Link | None:
        """HEAD (ranged GET fallback) an attachment; a text-bearing one is downloaded and scanned for personal data: known
        by its address (.pdf), its link's text (名单.xlsx), or what a download page answers (its type, its file name)."""
        if not self.take_page():
            return None
        scan = self.config.privacy.enabled and self.config.privacy.scan_attachments
        if not (scan and document_kind(url, name=title)):
            resp = await self.fetcher.check(url)
            self.emit("page", url=url)
            if not (scan and resp.ok and served_kind(resp.url, resp.headers)):
                return _from_response(resp, url, "attachment", referer, title, self.clock())
            # a download page (DownLoad.aspx?id=12, 博达's download.jsp) answering with a document: read it
        resp = await self.fetcher.get(url)
        self.emit("page", url=url)
        return await self._scanned(_from_response(resp, url, "attachment", referer, title, self.clock()), resp)

    async def _scanned(self, link: Link, resp: Response) -> Link:
        """``link`` with the personal data its document shows, or why the document could not be checked."""
        if not (self.config.privacy.enabled and (resp.ok or resp.truncated)):  # (a body cut short is no "ok")
            return link
        # by the response, else by the link's text (获奖名单.wps over DownLoad.aspx?id=7)
        kind = served_kind(resp.url, resp.headers) or document_kind("", name=link.title)
        if kind is None:
            return link
        if resp.truncated:
            return replace(link, unread=UNREAD_CUT.format(self.config.crawl.max_body_bytes / 1048576))
        found, unread = await asyncio.to_thread(scan_document, resp.body, kind, self.clock().date())
        return replace(link, unread=unread) if unread else replace(link, privacy=_exposures(found))


UNREAD_CUT = "文件超过 max_body_mb（{:.3g} MB），未完整下载"  # (privacy.UNREAD_* say why a file could not be read)


def _exposures(found) -> str:
    """Masked exposures as stored JSON ('' when there are none): the full numbers never reach the store."""
    if not found:
        return ""
    return json.dumps(
        [{"kind": e.kind, "count": e.count, "examples": list(e.examples)} for e in found], ensure_ascii=False
    )


def _counted(link: Link, before: Link | None) -> Link:
    """``link`` with its failed checks in a row counted, this one included (a record from before the count was
    kept, failed, counts as one)."""
    if link.ok:
        return link
    failed_before = (before.failures or 1) if before is not None and not before.ok else 0
    return replace(link, failures=failed_before + 1)


SCRIPT_ROW_NOTE = "未检查：条目由页面脚本打开，未能读出其地址"


def _newest_first(entries: dict[str, tuple[str, str, bool]]) -> list[tuple[str, tuple[str, str, bool]]]:
    """The entries in the order their pages are checked: every column's first-listed (newest) entry, then every
    column's second, and so on, an undated one before a dated one of the same place. A run that reaches
    ``max_pages`` or its deadline has then read the newest pages of every column, and an undated column's date
    where it stands (not one column's whole archive and nothing of the next)."""
    places: dict[str, int] = {}
    ranked = []
    for url, (title, column, dated) in entries.items():
        place = places[column] = places.get(column, -1) + 1
        ranked.append((place, dated, url, (title, column, dated)))
    ranked.sort(key=lambda r: r[:2])  # (stable: columns in the order they were read)
    return [(url, entry) for _, _, url, entry in ranked]


def _link(url, kind, referer, status, ok, error, title, now, **extra) -> Link:
    return Link(
        url=url,
        kind=kind,
        referer=referer,
        status=status,
        ok=ok,
        error=error,
        soft_404=False,
        content_type=extra.get("content_type"),
        size=extra.get("size"),
        date=None,
        date_source="",
        title=title,
        checked_at=now.isoformat(),
    )


def _from_response(resp: Response, url: str, kind: str, referer: str | None, title: str, now: dt.datetime) -> Link:
    if (resp.error_kind in ("robots", "out_of_scope") and resp.status is None) or resp.error_kind == "blocked":
        return _link(url, kind, referer, resp.status, True, f"未检查：{failure_status(resp)[1]}", title, now)
    ok = resp.status is not None and 200 <= resp.status < 300 and resp.error_kind not in ("timeout", "connect")
    error = "" if ok else failure_status(resp)[1]
    if resp.error_kind == "out_of_scope":
        ok, error = True, f"未检查：{failure_status(resp)[1]}"
    size = resp.headers.get("content-length")
    crange = resp.headers.get("content-range", "")
    if "/" in crange and crange.rsplit("/", 1)[1].isdigit():
        size = crange.rsplit("/", 1)[1]
    link = _link(
        url,
        kind,
        referer,
        resp.status,
        ok,
        error,
        title,
        now,
        content_type=resp.headers.get("content-type"),
        size=int(size) if size and str(size).isdigit() else None,
    )
    # a file's day on its server dates an entry its list leaves undated (a column of uploaded PDFs)
    headers = resp.headers
    served = file_date(headers.get("last-modified"), now, headers.get("date")) if ok and kind == "attachment" else None
    return replace(link, date=served.isoformat(), date_source=FILE_DATE) if served else link


def _run_outcome(crawl: _Crawl, answered: bool, failures: int, checks: dict) -> tuple[RunStatus, str]:
    """The closed run's status and the sentence that explains it."""
    if crawl.stopping:  # stopped on request (SIGTERM): what was crawled is stored, nothing is judged
        return RunStatus.ABORTED, "服务停止，本次抓取中断"
    if not answered:
        if checks and all(c.status == ColumnState.ROBOTS for c in checks.values()):
            return RunStatus.FAILED, "robots.txt 禁止抓取本站首页和所有栏目，本次未能检查"
        return RunStatus.FAILED, next(iter(crawl.down_hosts.values()), "站点无法访问")
    detail = "达到 max_pages 上限，部分页面未抓取" if crawl.limited else ""
    if crawl.timed_out:
        detail = "达到 max_run_seconds 运行时间上限，部分页面未抓取"
    in_part = any(not c.complete and c.status == ColumnState.READ and c.entries for c in checks.values())
    if crawl.list_errors or crawl.timed_out or failures or in_part:
        return RunStatus.PARTIAL, detail  # some request failed or some list was read in part: judged on less
    return RunStatus.OK, detail


async def _columns(crawl: _Crawl, config: Config) -> None:
    """Read every configured column, ``concurrency`` at a time."""
    queue: asyncio.Queue = asyncio.Queue()
    for column in config.columns:
        queue.put_nowait(column)
    crawl.unstarted = len(config.columns)

    async def worker() -> None:
        while not crawl.stopping:
            try:
                column = queue.get_nowait()
            except asyncio.QueueEmpty:
                return
            await crawl.column(column)

    await asyncio.gather(*(worker() for _ in range(max(1, min(config.crawl.concurrency, len(config.columns))))))


async def crawl_site(
    config: Config,
    store: Store,
    clock: Callable[[], dt.datetime],
    progress: Progress | None = None,
    transport: httpx.AsyncBaseTransport | None = None,
    stop: threading.Event | None = None,
) -> CrawlOutcome:
    """Crawl every configured column of the site once; returns the closed run.

    Setting ``stop`` ends the crawl within one request timeout: no new page is started, the run is
    closed as ``aborted`` and the columns finished so far stay stored.
    """
    run_id = store.start_run(config.site.name, clock())
    deadline = time.monotonic() + config.crawl.max_run_seconds
    async with Fetcher(config.crawl, config.hosts, config.site.contact, transport, config.domains) as fetcher:
        crawl = _Crawl(config, store, fetcher, run_id, clock, progress, config.crawl.max_pages, stop, deadline)
        crawl.emit("start", columns=len(config.columns))
        home_ok = await crawl.probe()
        await _columns(crawl, config)
        checks = store.column_checks(run_id)
        unanswered = (ColumnState.UNREACHABLE, ColumnState.ROBOTS, ColumnState.OUT_OF_SCOPE, ColumnState.SKIPPED)
        answered = home_ok or any(c.status not in unanswered for c in checks.values())
        if answered and config.crawl.check_links and not crawl.stopping:
            crawl.emit("links", total=len(crawl.entries))
            await crawl.links()
        stats = fetcher.stats
    status, detail = _run_outcome(crawl, answered, stats.failures, checks)
    store.finish_run(run_id, status, clock(), crawl.pages, stats.errors, stats.bytes, detail)
    crawl.emit("done", status=status)
    log.info("run %d: %s, %d pages, %d errors, %d bytes", run_id, status, crawl.pages, stats.errors, stats.bytes)
    return CrawlOutcome(run_id, status)


def crawl(
    config: Config,
    store: Store,
    clock: Callable[[], dt.datetime],
    progress: Progress | None = None,
    transport: httpx.AsyncBaseTransport | None = None,
    stop: threading.Event | None = None,
) -> CrawlOutcome:
    return asyncio.run(crawl_site(config, store, clock, progress, transport, stop))
