"""One page read as the monitor reads it (``monitor read URL``): its entries with their dates, its pager, and the
verdict a column would get from it; or, with ``article``, its title, date (and where the date came from) and
files; for an article page or a file, the personal data a run would find in it (masked). For the moment a verdict
looks wrong: the IT staff see what the reader saw, and can send the saved page.

The page is fetched as a run fetches it (the config's user agent, timeouts, robots.txt) or read from a saved file.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import urlsplit

from monitor.config import Config, CrawlConfig
from monitor.crawl import a_document, document_page, failure_status
from monitor.documents import served_kind
from monitor.errors import UsageError
from monitor.fetch import Fetcher, Response
from monitor.listpage import FORWARD_REASONS
from monitor.parse import Article, ListPage, parse_article, parse_column_page
from monitor.privacy import Exposure, scan_document, scan_text
from monitor.sections import section_of
from monitor.urls import college_domain, host_of, normalise_url, page_key, with_twins

VERDICTS = {  # a column page's verdict, as `monitor check` words a column's status
    "entries": "读出条目",
    "statement": "声明不适用（视为已公开）",
    "blank": "空白栏目",
    "soft404": "页面不存在（软 404）",
    "unknown": "无法判断",
    "unreachable": "无法访问",
}


@dataclass(frozen=True)
class PersonalData:
    """What the personal-data scan a run makes found in an article page's text or a document's."""

    document: str  # the kind of document (pdf, doc, xlsx…), "" for an article page
    unread: str  # why a document could not be checked (no text read from it, or none in it), as a run says; "" read
    exposures: tuple[Exposure, ...] = ()


@dataclass(frozen=True)
class PageReading:
    url: str
    final_url: str
    status: int | None  # the HTTP status; None for a saved file or no answer
    error: str  # why the page could not be fetched, in Chinese or the fetcher's words; "" when read
    column: ListPage | None = None
    article: Article | None = None
    body: bytes = b""  # the bytes read, as the server sent them (for --save)
    followed: tuple[str, ...] = ()  # where the page put its list, followed as a run follows it (a frame, a forward)
    personal: PersonalData | None = None  # an article's or a document's; None for a column's page


def read_url(
    url: str, config: Config | None = None, article: bool = False, transport=None, name: str = ""
) -> PageReading:
    """Fetch ``url`` as a run would (``config``'s crawl settings, else the defaults) and read it; ``name``: the
    column's name, else the configured column's at ``url``."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise UsageError(f"{url!r} is not an http(s) URL such as https://www.example.edu.cn/xxgk/tzgg.htm")
    return asyncio.run(_fetch_and_read(url, config, transport, name or _column_name(config, url), article))


def read_file(path: Path, url: str, config: Config | None = None, article: bool = False, name: str = "") -> PageReading:
    """Read a saved page (bytes as the server sent them) as if fetched from ``url``."""
    return _read(path.read_bytes(), url, url, None, None, name or _column_name(config, url), article)


_MOST_HOPS = 2


async def _fetch_and_read(url: str, config: Config | None, transport, name: str, article: bool) -> PageReading:
    """The page, fetched within its college's hosts (a redirect from xx.edu.cn to www.xx.edu.cn is followed), and
    read; a column's page that only shows or forwards to its list (a frame, a refresh) is read on, as a run does."""
    host = host_of(url)
    hosts = with_twins({host}) | (config.hosts if config else frozenset())
    crawl, contact = (config.crawl, config.site.contact) if config else (CrawlConfig(), "")
    domain = college_domain(host)
    async with Fetcher(crawl, hosts, contact, transport, frozenset({domain} if domain else ())) as fetcher:
        resp = await fetcher.get(url)
        if not resp.ok:  # (in the words a run's report uses: 请求超时, HTTP 404, the firewall and what to do…)
            return PageReading(url, resp.final_url, resp.status, failure_status(resp)[1])
        reading, followed = _read(resp.body, url, resp.final_url, resp.status, resp.headers, name, article), []
        while not article and _forwards(reading.column) and len(followed) < _MOST_HOPS:
            target = reading.column.next_pages[0]
            resp = await fetcher.get(target)
            if not resp.ok:
                break  # (the page's own verdict stands: unknown, with its reason)
            followed.append(target)
            page = parse_column_page(resp.body, resp.final_url, resp.headers, reading.column, name, section_of(url))
            reading = PageReading(url, resp.final_url, resp.status, "", page, body=resp.body)
        return replace(reading, followed=tuple(followed))


def _forwards(page: ListPage | None) -> bool:
    return page is not None and not page.entries and bool(page.next_pages) and page.reason.startswith(FORWARD_REASONS)


def _read(body: bytes, url: str, final: str, status, headers, name: str, article: bool) -> PageReading:
    answer = Response(url, final, status, dict(headers or {}), body)
    if a_document(answer):  # the address is a file (信息公开指南.pdf): a run counts it as the column's one entry
        return PageReading(url, final, status, "", document_page(answer, name), body=body, personal=_scanned(answer))
    if article:
        found = parse_article(body, final, headers)
        personal = PersonalData("", "", scan_text(found.text))
        return PageReading(url, final, status, "", article=found, body=body, personal=personal)
    page = parse_column_page(body, final, headers, column=name, section=section_of(url))
    return PageReading(url, final, status, "", page, body=body)


def _scanned(answer: Response) -> PersonalData:
    """A document read for personal data as a run reads an attachment (its kind by its address, its
    Content-Disposition name or its type, then by its bytes)."""
    named = served_kind(answer.final_url, answer.headers) or ""
    found, unread = scan_document(answer.body, named)
    return PersonalData(named, unread, found)


def _column_name(config: Config | None, url: str) -> str:
    """The configured column at ``url`` (its name helps tell its list from the boxes beside it), or ""."""
    columns, key = (config.columns if config else ()), page_key(normalise_url(url))
    exact = next((c.name for c in columns if c.url == url), "")  # (one of several columns of one page: #预算决算)
    return exact or next((c.name for c in columns if page_key(c.url) == key and not section_of(c.url)), "")


def verdict(reading: PageReading) -> str:
    """The column verdict of a column page's reading (a key of VERDICTS)."""
    page = reading.column
    if page is None:
        return "unreachable"
    if page.entries:
        return "entries"
    if page.statement:
        return "statement"
    if page.soft_404:
        return "soft404"
    return "blank" if page.blank else "unknown"


def to_dict(reading: PageReading) -> dict:
    """The JSON document of ``monitor read --format json`` (README: `monitor read URL --format json`)."""
    out = {"url": reading.url, "final_url": reading.final_url, "status": reading.status, "error": reading.error}
    out["followed"] = list(reading.followed)
    if reading.personal is not None:
        p = reading.personal
        out["personal_data"] = {
            "document": p.document or None,
            "read": not p.unread,
            "unread": p.unread,
            "exposures": [{"kind": e.kind, "count": e.count, "examples": list(e.examples)} for e in p.exposures],
        }
    if reading.article is not None:
        a = reading.article
        out["article"] = {
            "title": a.title,
            "published": a.published.isoformat() if a.published else None,
            "date_source": a.date_source,
            "attachments": [{"title": f.title, "url": f.url} for f in a.attachments],
            "soft_404": a.soft_404,
            "sign_in": a.sign_in,
            "encoding": a.encoding,
        }
        return out
    out["verdict"] = verdict(reading)
    page = reading.column
    if page is not None:
        out["column"] = {
            "title": page.title,
            "encoding": page.encoding,
            "entries": [
                {"title": e.title, "url": e.url, "date": e.date.isoformat() if e.date else None} for e in page.entries
            ],
            "next_pages": list(page.next_pages),
            "total": page.total,
            "page_count": page.page_count,
            "unfollowable": page.unfollowable,
            "reason": page.statement or page.reason,
        }
    return out


def to_text(reading: PageReading, limit: int = 20) -> str:
    """The reading for people, in Chinese: the page, what was read, the verdict."""
    where = f"{reading.final_url}" + (f"（HTTP {reading.status}）" if reading.status else "")
    lines = [f"页面：{reading.url}"] if reading.followed else []
    lines += [f"  列表所在：{u}（按一次运行的读法跟随）" for u in reading.followed]
    lines.append(f"{'读取' if reading.followed else '页面'}：{where}")
    if reading.error:
        return "\n".join([*lines, f"结论：{VERDICTS['unreachable']}：{reading.error}"])
    personal = _personal_lines(reading.personal)
    if reading.article is not None:
        return "\n".join([*lines, *_article_lines(reading.article), *personal])
    return "\n".join([*lines, *_column_lines(reading.column, verdict(reading), limit), *personal])


def _personal_lines(p: PersonalData | None) -> list[str]:
    if p is None:
        return []
    if p.unread:
        return [f"个人信息：文件（{p.document or '未知格式'}）无法读取，未检查：{p.unread}"]
    found = "；".join(f"{e.label} {e.count} 个（如 {'、'.join(e.examples)}）" for e in p.exposures)
    return [f"个人信息：{found or '未发现身份证号、成列的手机号或银行卡号'}"]


def _article_lines(a: Article) -> list[str]:
    date = f"{a.published}（来自 {a.date_source}）" if a.published else "未找到"
    lines = [f"标题：{a.title or '（无）'}", f"发布日期：{date}", f"附件：{len(a.attachments)} 个"]
    lines += [f"  {f.title}  {f.url}" for f in a.attachments]
    if a.soft_404 or a.sign_in:
        lines.append(
            "结论：" + ("页面显示“页面不存在”（软 404）" if a.soft_404 else "统一身份认证登录页，公众无法查看")
        )
    return lines


def _column_lines(page: ListPage, said: str, limit: int) -> list[str]:
    dated = [e.date for e in page.entries if e.date]
    newest = f"，最新 {max(dated)}" if dated else ""
    lines = [f"标题：{page.title or '（无）'}（编码 {page.encoding or '未知'}）"]
    lines.append(f"条目：{len(page.entries)} 条，其中有日期 {len(dated)} 条{newest}")
    lines += [f"  {str(e.date) if e.date else '（无日期）':<10}  {e.title}  {e.url}" for e in page.entries[:limit]]
    if len(page.entries) > limit:
        lines.append(f"  …… 另有 {len(page.entries) - limit} 条（--limit 可显示更多）")
    stated = [
        f"共 {page.total} 条" if page.total is not None else "",
        f"共 {page.page_count} 页" if page.page_count else "",
    ]
    pager = "，".join(s for s in stated if s)
    lines.append(f"翻页：{pager + '；' if pager else ''}找到后续页面 {len(page.next_pages)} 个")
    lines += [f"  {u}" for u in page.next_pages[:limit]]
    if page.unfollowable:
        lines.append(f"翻页无法跟随：{page.unfollowable}")
    why = page.statement or page.reason
    return [*lines, f"结论：{VERDICTS[said]}" + (f"：{why}" if why else "")]
