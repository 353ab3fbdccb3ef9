"""HTTP for the crawler: one httpx.AsyncClient per run, polite and bounded.

- scope: only the configured hosts are requested; redirects are followed by hand, one hop at a time,
  and a hop out of scope (another host, a non-http scheme) is recorded, never followed;
- politeness: a global concurrency limit, a delay between request starts to one host, robots.txt
  honoured (unless switched off), a User-Agent naming the tool, its version and the site's contact;
- robustness: timeouts, retries with exponential backoff on timeouts, connection errors, 429 and
  5xx, ``Retry-After`` honoured (capped), bodies streamed and cut at a size cap;
- economy: conditional requests (ETag / Last-Modified) and HEAD (ranged GET fallback) for attachments.

A failed request is a :class:`Response` with ``error`` set, never an exception.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import ssl
import time
import zlib
from dataclasses import dataclass, field

import httpx
from protego import Protego

from monitor import __version__
from monitor.antibot import challenge
from monitor.config import CrawlConfig
from monitor.dates import http_date
from monitor.urls import host_of, in_scope, join_url, normalise_url

log = logging.getLogger(__name__)

MAX_REDIRECTS = 10
RETRY_STATUSES = {429, 500, 502, 503, 504}
MAX_CRAWL_DELAY = 10.0  # seconds: the longest robots.txt Crawl-delay honoured
JITTER = 0.01  # seconds added to a host's delay, so that the server never sees two requests closer than it


@dataclass(frozen=True)
class Response:
    url: str
    final_url: str
    status: int | None = None  # None: no HTTP answer at all
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    error: str = ""  # human-readable, empty on success
    # timeout | connect | tls | protocol | too_large | redirects | out_of_scope | robots | blocked…
    error_kind: str = ""
    truncated: bool = False

    @property
    def ok(self) -> bool:
        return self.status is not None and 200 <= self.status < 300 and not self.error

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def answered(self) -> bool:
        """The server answered with HTTP (whatever the status)."""
        return self.status is not None


def user_agent(crawl: CrawlConfig, contact: str = "") -> str:
    if crawl.user_agent:
        return crawl.user_agent
    tail = f"; contact: {contact}" if contact else ""
    return f"xxgk-monitor/{__version__} (information-disclosure checker{tail})"


_DISALLOW_ALL = Protego.parse("User-agent: *\nDisallow: /\n")


def _server_failed(response: Response) -> bool:
    """The server or the network failed the request (5xx, 429, timeout, refused…), as opposed to answering it."""
    return (response.status or 0) >= 500 or response.status == 429 or response.status is None


@dataclass
class FetchStats:
    requests: int = 0
    bytes: int = 0
    errors: int = 0
    not_modified: int = 0
    failures: int = 0  # requests the server or network failed (5xx, 429, timeouts, refused): the run is partial


@functools.cache
def _tls_context(verify: bool) -> ssl.SSLContext:
    """One TLS context per process, shared by every fetcher: each costs ~1 MB and ~10 ms to build, and a
    province run holds a fetcher per college."""
    context = httpx.create_ssl_context() if verify else httpx.create_ssl_context(verify=False)
    # older government and college servers lack RFC 5746 secure renegotiation: OpenSSL 3 refuses them
    # (UNSAFE_LEGACY_RENEGOTIATION_DISABLED) where browsers connect; a monitor that only reads public pages may
    context.options |= getattr(ssl, "OP_LEGACY_SERVER_CONNECT", 0x4)
    if not verify:
        context.set_ciphers("DEFAULT:@SECLEVEL=1")  # and, when told to accept such servers, their short DH keys
    return context


class Fetcher:
    """Polite HTTP for one run. Use as ``async with Fetcher(...) as f: await f.get(url)``."""

    def __init__(
        self,
        crawl: CrawlConfig,
        hosts: frozenset[str] | set[str],
        contact: str = "",
        transport: httpx.AsyncBaseTransport | None = None,
        domains: frozenset[str] = frozenset(),
    ):
        self.crawl = crawl
        self.hosts = frozenset(h.lower() for h in hosts)
        self.domains = tuple(domains)  # and every host under these (the college's zsb.…, www.…)
        self.agent = user_agent(crawl, contact)
        self.stats = FetchStats()
        self._transport = transport
        self._client: httpx.AsyncClient | None = None
        self._slots = asyncio.Semaphore(crawl.concurrency)
        self._host_locks: dict[str, asyncio.Lock] = {}
        self._last_start: dict[str, float] = {}
        self._robots: dict[str, Protego | None] = {}
        self._robots_failed: dict[str, Response] = {}  # hosts whose robots.txt failed: why
        self._robots_locks: dict[str, asyncio.Lock] = {}

    async def __aenter__(self) -> Fetcher:
        timeout = httpx.Timeout(self.crawl.timeout, connect=min(self.crawl.timeout, 10.0))
        limits = httpx.Limits(max_connections=self.crawl.concurrency, max_keepalive_connections=self.crawl.concurrency)
        self._client = httpx.AsyncClient(
            headers={"User-Agent": self.agent, "Accept-Language": "zh-CN,zh;q=0.9", "Accept-Encoding": "gzip, deflate"},
            timeout=timeout,
            limits=limits,
            follow_redirects=False,
            transport=self._transport,
            trust_env=False,
            verify=_tls_context(self.crawl.verify_tls),
        )
        return self

    async def __aexit__(self, *exc) -> None:
        if self._client is not None:
            await self._client.aclose()

    def in_scope(self, url: str) -> bool:
        return in_scope(url, self.hosts, self.domains)

    def _delay(self, host: str) -> float:
        """Seconds between request starts to ``host``: the config's, or robots.txt's Crawl-delay when longer
        (capped at MAX_CRAWL_DELAY so that a hostile robots.txt cannot stall a run)."""
        rules = self._robots.get(host)
        asked = rules.crawl_delay(self.agent) if rules is not None else None
        return max(self.crawl.delay, min(float(asked or 0.0), MAX_CRAWL_DELAY))

    async def _polite_wait(self, host: str) -> None:
        """Wait until ``delay`` has passed since the last request to ``host`` actually started. The lock is held
        while sleeping: requests to a host start one after another, each at least ``delay`` after the one before,
        however late a busy process wakes a sleeper (a reserved time slot would not guarantee that)."""
        delay = self._delay(host)
        if delay <= 0:
            return
        delay += JITTER  # the network and a busy server can bring two requests closer than they were sent
        lock = self._host_locks.setdefault(host, asyncio.Lock())
        async with lock:
            wait = self._last_start.get(host, -delay) + delay - time.monotonic()
            while wait > 0:
                await asyncio.sleep(wait)
                wait = self._last_start[host] + delay - time.monotonic()
            self._last_start[host] = time.monotonic()

    def _on_wire(self, host: str):
        """A trace hook (httpcore) that moves the host's last start to the moment the request's bytes are written:
        a process too busy to send at once cannot make two requests arrive closer than ``delay``."""

        async def trace(event: str, _info: dict) -> None:
            if event == "http11.send_request_headers.complete":
                self._last_start[host] = time.monotonic()

        return trace

    async def _allowed(self, url: str) -> bool:
        if not self.crawl.robots:
            return True
        host = host_of(url)
        lock = self._robots_locks.setdefault(host, asyncio.Lock())
        async with lock:
            if host not in self._robots:
                self._robots[host] = await self._load_robots(url)
        rules = self._robots[host]
        return rules is None or rules.can_fetch(url, self.agent)

    async def _load_robots(self, url: str) -> Protego | None:
        """The host's robots.txt as RFC 9309 reads it (protego: ``*`` and ``$`` patterns, longest match wins).

        A 4xx means no rules (everything allowed); a 5xx or a network failure means the server is unreachable,
        and the standard says to assume complete disallow (§2.3.1.4): the run then reports the site as down.
        """
        robots_url = url.split("/", 3)
        robots_url = "/".join(robots_url[:3]) + "/robots.txt"
        response = await self._request("GET", robots_url, {}, check_robots=False, retries=0)
        if response.ok:
            return Protego.parse(response.body.decode("utf-8", errors="replace"))
        if _server_failed(response):
            log.warning("robots.txt of %s failed (%s): assuming complete disallow (RFC 9309)", url, response.error)
            self._robots_failed[host_of(url)] = response
            return _DISALLOW_ALL
        return None  # 4xx: no robots.txt, everything is allowed

    async def get(self, url: str, etag: str | None = None, last_modified: str | None = None) -> Response:
        """GET a page, following in-scope redirects; conditional when validators are given."""
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        return await self._request("GET", url, headers)

    async def check(self, url: str) -> Response:
        """Is a link alive? HEAD, falling back to a ranged GET where HEAD is refused. Bodies are not kept."""
        response = await self._request("HEAD", url, {}, count_errors=False)
        refused = response.status in (400, 403, 404, 405, 412, 501, 521) or (
            response.status is None and response.error_kind not in ("out_of_scope", "robots")
        )
        if refused:
            return await self._request("GET", url, {"Range": "bytes=0-1023"}, max_body=1024)
        if response.error or (response.status or 0) >= 400:
            self.stats.errors += 1
        if _server_failed(response):
            self.stats.failures += 1
        return response

    async def _request(
        self,
        method: str,
        url: str,
        headers: dict[str, str],
        check_robots: bool = True,
        retries: int | None = None,
        max_body: int | None = None,
        count_errors: bool = True,
    ) -> Response:
        assert self._client is not None, "use Fetcher as an async context manager"
        original = url = normalise_url(url)
        retries = self.crawl.retries if retries is None else retries
        started = time.monotonic()
        for _hop in range(MAX_REDIRECTS + 1):
            if not self.in_scope(url):
                return self._fail(original, url, "out_of_scope", f"outside the configured hosts: {url}")
            if check_robots and not await self._allowed(url):
                failed = self._robots_failed.get(host_of(url))
                if failed is not None:  # not a rule: the server failed robots.txt, and that failure is the answer
                    self.stats.failures += 1
                    if failed.status is None:  # the host cannot be reached at all (connect, TLS, DNS…)
                        return self._fail(original, url, failed.error_kind, failed.error)
                    message = f"robots.txt answered HTTP {failed.status}: RFC 9309 says to assume complete disallow"
                    return self._fail(original, url, "robots_failed", message)
                return self._fail(original, url, "robots", f"disallowed by robots.txt: {url}")
            response = await self._with_retries(
                method, url, headers, retries, max_body, original, started, count_errors
            )
            if response.status in (301, 302, 303, 307, 308) and "location" in response.headers:
                target = join_url(url, response.headers["location"])
                if target is None:
                    return self._fail(
                        original, url, "redirects", f"redirect to an invalid URL: {response.headers['location']!r}"
                    )
                if not self.in_scope(target):
                    return Response(
                        original,
                        target,
                        response.status,
                        response.headers,
                        b"",
                        f"redirected outside the configured hosts: {target}",
                        "out_of_scope",
                    )
                if response.status == 303:  # See Other: a HEAD follows as GET
                    method = "GET"
                url = target
                continue
            return response
        return self._fail(original, url, "redirects", f"more than {MAX_REDIRECTS} redirects")

    def _fail(self, original: str, url: str, kind: str, message: str) -> Response:
        if kind not in ("out_of_scope", "robots"):
            self.stats.errors += 1
        return Response(original, url, None, {}, b"", message, kind)

    async def _with_retries(
        self, method, url, headers, retries, max_body, original, started, count_errors=True
    ) -> Response:
        attempt = 0
        while True:
            response = await self._once(method, url, headers, max_body, original, started)
            retryable = response.status in RETRY_STATUSES or response.error_kind in ("timeout", "connect", "protocol")
            if not retryable or attempt >= retries:
                if count_errors and (response.error or (response.status or 0) >= 400):
                    self.stats.errors += 1
                if count_errors and _server_failed(response):
                    self.stats.failures += 1
                return response
            attempt += 1
            wait = min(2.0 ** (attempt - 1), 30.0)
            retry_after = _retry_after(response.headers.get("retry-after"))
            if retry_after is not None:
                wait = min(retry_after, self.crawl.retry_after_max)
            log.info(
                "retry %d/%d in %.1fs: %s %s (%s)",
                attempt,
                retries,
                wait,
                method,
                url,
                response.status or response.error_kind,
            )
            await asyncio.sleep(wait)

    async def _once(self, method, url, headers, max_body, original, started) -> Response:
        limit = max_body or self.crawl.max_body_bytes
        async with self._slots:  # the wait inside the slot: a request that waited for a slot cannot jump its turn
            await self._polite_wait(host_of(url))
            self.stats.requests += 1
            try:
                async with asyncio.timeout(self.crawl.max_request_seconds):
                    request = self._client.build_request(
                        method, url, headers=headers, extensions={"trace": self._on_wire(host_of(url))}
                    )
                    resp = await self._client.send(request, stream=True)
                    try:
                        chunks, size, truncated = [], 0, False
                        if method != "HEAD":
                            inflate = _Inflater(resp.headers.get("content-encoding", ""))
                            async for raw in resp.aiter_raw():
                                chunk = inflate(raw, limit - size + 1)
                                chunks.append(chunk)
                                size += len(chunk)
                                if size > limit or inflate.overflow:
                                    truncated = True
                                    break
                    finally:
                        await resp.aclose()
            except (httpx.TimeoutException, TimeoutError):
                return self._result(original, url, None, {}, b"", "timed out", "timeout", started)
            except httpx.ConnectError as exc:
                kind = "tls" if "SSL" in str(exc) or "certificate" in str(exc).lower() else "connect"
                return self._result(original, url, None, {}, b"", f"cannot connect: {exc}", kind, started)
            except (httpx.DecodingError, httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError) as exc:
                return self._result(original, url, None, {}, b"", f"broken answer: {exc}", "protocol", started)
            except httpx.HTTPError as exc:
                return self._result(original, url, None, {}, b"", f"HTTP error: {exc}", "protocol", started)
        body = b"".join(chunks)
        self.stats.bytes += len(body)
        hdrs = {k.lower(): v for k, v in resp.headers.items()}
        if resp.status_code == 304:
            self.stats.not_modified += 1
        log.debug("%s %s -> %s (%d bytes)", method, url, resp.status_code, len(body))
        if truncated and max_body is None:
            return self._result(
                original,
                url,
                resp.status_code,
                hdrs,
                body[:limit],
                f"body larger than {limit} bytes",
                "too_large",
                started,
                truncated=True,
            )
        blocked = challenge(resp.status_code, hdrs, body)
        if blocked:  # a firewall's browser test or block page, not the page: neither broken nor blank
            return self._result(original, url, resp.status_code, hdrs, body, blocked, "blocked", started)
        return self._result(original, url, resp.status_code, hdrs, body, "", "", started)

    @staticmethod
    def _result(original, url, status, headers, body, error, kind, started, truncated=False) -> Response:
        return Response(original, url, status, headers, body, error, kind, truncated)


class _Inflater:
    """Content-Encoding decoding with a bound: a gzip bomb is cut at the body cap, never inflated whole.

    httpx inflates each network chunk in full (a 64 KB chunk of a bomb is 64 MB); reading the raw
    stream and inflating with ``max_length`` keeps memory at the cap.
    """

    def __init__(self, encoding: str):
        encoding = encoding.strip().lower()
        self.overflow = False
        self._z = None
        if encoding in ("gzip", "x-gzip"):
            self._z = zlib.decompressobj(zlib.MAX_WBITS | 32)
        elif encoding == "deflate":
            self._z = zlib.decompressobj()

    def __call__(self, data: bytes, room: int) -> bytes:
        if self._z is None:
            return data
        try:
            out = self._z.decompress(data, max(room, 1))
        except zlib.error:
            return b""  # a corrupt stream: what was inflated so far is kept
        if self._z.unconsumed_tail:
            self.overflow = True
        return out


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    when = http_date(value)
    return None if when is None else max(0.0, when.timestamp() - time.time())
