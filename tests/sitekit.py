"""Serve a fixture site from a directory over real HTTP (pytest-httpserver), with a request log.

Files live under the site directory at their URL path; a query string becomes ``@query`` in the file
name (``/news.asp?classid=5`` -> ``news.asp@classid=5``). Article-like paths that have no file are
answered with a generated article page (so that list fixtures need not ship every article), unless
listed in ``missing``. Responses carry an ETag and honour ``If-None-Match`` with 304.
"""

from __future__ import annotations

import hashlib
import re
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx
from werkzeug import Request, Response

ARTICLE_RE = re.compile(
    r"/info/\d+/\d+\.htm$|/c\d+a\d+/page\.htm$|/t\d{8}_\d+\.html$|/\d{4}/\d{4}/\d+\.html$|/show\.asp$"
)
LAST_MODIFIED = "Mon, 02 Nov 2026 08:00:00 GMT"


@dataclass
class Logged:
    method: str
    path: str  # with the query string
    status: int
    size: int
    headers: dict


@dataclass
class FixtureSite:
    root: Path
    missing: set[str] = field(default_factory=set)
    overrides: dict[str, tuple[int, bytes, dict]] = field(default_factory=dict)
    log: list[Logged] = field(default_factory=list)
    latency: float = 0.0  # seconds per response: a slow server, so that a crawl can be interrupted mid-way

    def file_for(self, path: str, query: str) -> Path:
        name = path.lstrip("/") or "index.htm"
        if query:
            name += "@" + query
        return self.root / name

    def handle(self, request: Request) -> Response:
        query = request.query_string.decode()
        full = request.path + (f"?{query}" if query else "")
        if self.latency:
            time.sleep(self.latency)
        response = self._respond(request, full, query)
        size = len(response.get_data()) if request.method != "HEAD" else 0
        self.log.append(Logged(request.method, full, response.status_code, size, dict(request.headers)))
        return response

    def _respond(self, request: Request, full: str, query: str) -> Response:
        if full in self.overrides:
            status, body, headers = self.overrides[full]
            return Response(body, status=status, headers=headers)
        if full in self.missing or request.path in self.missing:
            return Response(b"<html><body><h1>404 Not Found</h1></body></html>", status=404, content_type="text/html")
        target = self.file_for(request.path, query)
        if target.is_dir():
            target = target / "index.htm"
        if target.is_file():
            body = target.read_bytes()
        elif ARTICLE_RE.search(request.path):
            title = f"文章 {full}"
            body = (
                f"<html><head><meta charset='utf-8'><title>{title}</title></head><body><h1>{title}</h1>"
                f"<div class='content'><p>正文内容。</p></div></body></html>"
            ).encode()
            target = Path("x.htm")
        else:
            return Response(b"<html><body><h1>404 Not Found</h1></body></html>", status=404, content_type="text/html")
        etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
        if request.headers.get("If-None-Match") == etag:
            return Response(status=304, headers={"ETag": etag})
        return Response(
            body,
            status=200,
            headers={"ETag": etag, "Last-Modified": LAST_MODIFIED, "Content-Type": _content_type(target, body)},
        )

    def requests(self, method: str | None = None) -> list[Logged]:
        return [r for r in self.log if method is None or r.method == method]


def _content_type(path: Path, body: bytes) -> str:
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        return "application/pdf"
    if suffix == ".txt" or path.name == "robots.txt":
        return "text/plain"
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        return "text/html"  # as old GBK servers do: no charset in the header, the <meta> decides
    return "text/html; charset=utf-8"


def own_and_latest(own: int, latest: int) -> tuple[str, str]:
    """List rows for a column's own ``own`` entries, dated in March, and a sidebar's ``latest`` entries of the site,
    dated in September: a stale column beside a fresh 最新动态 that must not stand for it."""
    rows = "".join(
        f"<li><a href='/info/1012/{900 + i}.htm'>关于2026年第{i}项工作安排的通知</a><span>2026-03-1{i}</span></li>"
        for i in range(own)
    )
    news = "".join(
        f"<li><a href='/info/1001/{500 + i}.htm'>学校召开2026年第{i}次工作会议部署任务</a><span>2026-09-1{i}</span></li>"
        for i in range(latest)
    )
    return rows, news


class HostMap(httpx.AsyncBaseTransport):
    """Real HTTP to local servers for host names that do not resolve here (www./xxgk.ahu.edu.cn): the request goes
    to the mapped loopback port, its Host header unchanged."""

    def __init__(self, ports: dict[str, int]):
        self.ports, self.inner = ports, httpx.AsyncHTTPTransport()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        request.url = request.url.copy_with(host="127.0.0.1", port=self.ports[request.url.host])
        return await self.inner.handle_async_request(request)

    async def aclose(self) -> None:
        await self.inner.aclose()
