"""The fetcher against a real local server: politeness, retries, limits and scope."""

from __future__ import annotations

import asyncio
import gzip
import itertools
import time

import pytest
from werkzeug import Request, Response

from monitor.config import CrawlConfig
from monitor.fetch import Fetcher
from monitor.urls import college_domain


def fetch(httpserver, url_path: str, method: str = "get", crawl: CrawlConfig | None = None, hosts=None, **kw):
    crawl = crawl or CrawlConfig(delay=0, retries=2, timeout=5, robots=False)
    host = httpserver.url_for("/").split("/")[2]

    async def go():
        async with Fetcher(crawl, hosts or {host}) as f:
            response = await getattr(f, method)(httpserver.url_for(url_path), **kw)
            return response, f.stats

    return asyncio.run(go())


def test_retries_5xx_and_honours_retry_after(httpserver):
    calls = []

    def handler(request: Request) -> Response:
        calls.append(time.monotonic())
        if len(calls) == 1:
            return Response("busy", status=503, headers={"Retry-After": "0"})
        if len(calls) == 2:
            return Response("slow down", status=429, headers={"Retry-After": "0"})
        return Response("<p>ok</p>", content_type="text/html")

    httpserver.expect_request("/flaky").respond_with_handler(handler)
    response, stats = fetch(httpserver, "/flaky")
    assert response.ok and response.body == b"<p>ok</p>"
    assert len(calls) == 3 and stats.requests == 3


def test_gives_up_after_retries_and_reports_the_status(httpserver):
    httpserver.expect_request("/down").respond_with_data("no", status=502, headers={"Retry-After": "0"})
    response, stats = fetch(httpserver, "/down", crawl=CrawlConfig(delay=0, retries=1, robots=False))
    assert response.status == 502 and not response.ok
    assert stats.requests == 2 and stats.errors == 1


def test_body_is_cut_at_the_size_cap(httpserver):
    httpserver.expect_request("/big").respond_with_data(b"x" * 300_000, content_type="text/html")
    crawl = CrawlConfig(delay=0, robots=False, max_body_bytes=50_000)
    response, _ = fetch(httpserver, "/big", crawl=crawl)
    assert response.error_kind == "too_large" and response.truncated
    assert len(response.body) <= 50_000 + 65_536


def test_gzip_body_is_decoded_and_capped_after_decoding(httpserver):
    bomb = gzip.compress(b"0" * 5_000_000)
    httpserver.expect_request("/bomb").respond_with_data(bomb, headers={"Content-Encoding": "gzip"})
    response, _ = fetch(httpserver, "/bomb", crawl=CrawlConfig(delay=0, robots=False, max_body_bytes=100_000))
    assert response.error_kind == "too_large"


def test_redirect_out_of_scope_is_recorded_not_followed(httpserver):
    httpserver.expect_request("/away").respond_with_data(
        "", status=302, headers={"Location": "http://evil.example.org/x"}
    )
    response, stats = fetch(httpserver, "/away")
    assert response.error_kind == "out_of_scope"
    assert response.final_url == "http://evil.example.org/x"
    assert stats.requests == 1


def test_redirect_in_scope_is_followed_and_loops_stop(httpserver):
    httpserver.expect_request("/old").respond_with_data("", status=301, headers={"Location": "/new"})
    httpserver.expect_request("/new").respond_with_data("<p>new</p>")
    httpserver.expect_request("/loop").respond_with_data("", status=302, headers={"Location": "/loop"})
    response, _ = fetch(httpserver, "/old")
    assert response.ok and response.final_url.endswith("/new")
    looped, stats = fetch(httpserver, "/loop")
    assert looped.error_kind == "redirects" and stats.requests == 11


def test_hosts_outside_scope_are_never_requested(httpserver):
    response, stats = fetch(httpserver, "/x", hosts={"www.other.edu.cn"})
    assert response.error_kind == "out_of_scope" and stats.requests == 0
    assert len(httpserver.log) == 0


@pytest.mark.parametrize(
    "host, domain",
    [
        ("xxgk.ahu.edu.cn", "ahu.edu.cn"),
        ("www.ahu.edu.cn:8080", "ahu.edu.cn"),
        ("www.xx.sh.cn", "xx.sh.cn"),  # sh.cn is a public suffix: Shanghai's other sites are not the college's
        ("zsb.xx.gov.cn", "xx.gov.cn"),
        ("127.0.0.1:8000", ""),
        ("localhost", ""),
    ],
)
def test_the_colleges_domain_is_read_by_the_public_suffix_list(host, domain):
    assert college_domain(host) == domain


def test_hosts_under_the_colleges_domain_are_in_scope_and_its_lookalikes_are_not():
    fetcher = Fetcher(CrawlConfig(), {"xxgk.ahu.edu.cn"}, domains=frozenset({"ahu.edu.cn"}))
    inside = ["http://zsb.ahu.edu.cn/info/1.htm", "https://ahu.edu.cn/", "http://www.ahu.edu.cn:8080/a.pdf"]
    outside = ["http://evilahu.edu.cn/", "http://ahu.edu.cn.evil.com/", "http://www.moe.gov.cn/", "ftp://ahu.edu.cn/"]
    assert [fetcher.in_scope(u) for u in inside + outside] == [True] * 3 + [False] * 4


def test_robots_disallow_is_honoured(httpserver):
    httpserver.expect_request("/robots.txt").respond_with_data("User-agent: *\nDisallow: /secret/\n")
    httpserver.expect_request("/secret/a.htm").respond_with_data("secret")
    response, _ = fetch(httpserver, "/secret/a.htm", crawl=CrawlConfig(delay=0, robots=True))
    assert response.error_kind == "robots"
    assert [r.path for r, _ in httpserver.log] == ["/robots.txt"]


def test_conditional_request_gets_304(httpserver):
    def handler(request: Request) -> Response:
        if request.headers.get("If-None-Match") == '"v1"':
            return Response(status=304, headers={"ETag": '"v1"'})
        return Response("<p>page</p>", headers={"ETag": '"v1"'})

    httpserver.expect_request("/page").respond_with_handler(handler)
    response, stats = fetch(httpserver, "/page", etag='"v1"')
    assert response.not_modified and stats.not_modified == 1


def test_check_falls_back_to_ranged_get_when_head_is_refused(httpserver):
    def handler(request: Request) -> Response:
        if request.method == "HEAD":
            return Response(status=405)
        assert request.headers.get("Range") == "bytes=0-1023"
        return Response(
            b"%PDF", status=206, headers={"Content-Range": "bytes 0-3/123456", "Content-Type": "application/pdf"}
        )

    httpserver.expect_request("/a.pdf").respond_with_handler(handler)
    response, _ = fetch(httpserver, "/a.pdf", method="check")
    assert response.status == 206 and response.ok
    assert [r.method for r, _ in httpserver.log] == ["HEAD", "GET"]


def test_timeout_is_reported_not_raised(httpserver):
    def slow(request: Request) -> Response:
        time.sleep(0.6)
        return Response("late")

    httpserver.expect_request("/slow").respond_with_handler(slow)
    response, _ = fetch(httpserver, "/slow", crawl=CrawlConfig(delay=0, retries=0, timeout=0.2, robots=False))
    assert response.error_kind == "timeout" and response.status is None


def test_delay_spaces_requests_to_one_host(httpserver):
    httpserver.expect_request("/p").respond_with_data("ok")
    host = httpserver.url_for("/").split("/")[2]

    async def go():
        async with Fetcher(CrawlConfig(delay=0.2, robots=False, concurrency=4), {host}) as f:
            await asyncio.gather(*(f.get(httpserver.url_for("/p")) for _ in range(4)))

    started = time.monotonic()
    asyncio.run(go())
    assert time.monotonic() - started >= 0.6  # three gaps of 0.2 s between four starts


def test_a_busy_process_never_sends_two_requests_closer_than_the_delay(httpserver):
    """The server's clock is the judge: arrivals at least ``delay`` apart, even when the crawler's event loop is
    blocked now and then by CPU work (as when many colleges share a process) and sleepers wake late."""
    arrivals = []

    def handler(request: Request) -> Response:
        arrivals.append(time.monotonic())
        return Response("ok")

    httpserver.expect_request("/p").respond_with_handler(handler)
    host = httpserver.url_for("/").split("/")[2]

    async def busy() -> None:
        for _ in range(40):
            time.sleep(0.03)  # CPU-bound work holding the loop, like a parse or an evaluation
            await asyncio.sleep(0.005)

    async def go():
        async with Fetcher(CrawlConfig(delay=0.1, robots=False, concurrency=4), {host}) as f:
            await asyncio.gather(busy(), *(f.get(httpserver.url_for("/p")) for _ in range(10)))

    asyncio.run(go())
    gaps = [b - a for a, b in itertools.pairwise(arrivals)]
    assert len(arrivals) == 10 and min(gaps) >= 0.1, gaps
