"""robots.txt as RFC 9309 reads it (protego): ``*`` and ``$`` patterns and Crawl-delay, checked on the server's log."""

from __future__ import annotations

import itertools
import time

from werkzeug import Request, Response

from monitor import service
from monitor.config import load_config
from tests.conftest import NOW, config_text

ROBOTS = "User-agent: *\nDisallow: /*.jsp\nDisallow: /private$\nCrawl-delay: 0.3\n"


def test_wildcard_and_end_anchor_rules_and_crawl_delay(httpserver, tmp_path):
    seen: list[tuple[float, str]] = []

    def handle(request: Request) -> Response:
        seen.append((time.monotonic(), request.path))
        if request.path == "/robots.txt":
            return Response(ROBOTS, content_type="text/plain")
        if request.path == "/xxgk/list.htm":
            links = "".join(
                f"<li><a href='{href}'>关于{n}的通知公告全文</a><span>2026-11-0{n}</span></li>"
                for n, href in enumerate(["/a/b.jsp", "/private", "/private/ok.htm", "/news/1.htm"], start=1)
            )
            return Response(f"<html><body><ul>{links}</ul></body></html>", content_type="text/html; charset=utf-8")
        return Response("<html><body><h1>通知</h1><p>发布时间：2026-11-01</p></body></html>", content_type="text/html")

    httpserver.expect_request("").respond_with_handler(handle)
    path = tmp_path / "config.toml"
    columns = [("通知公告", "/xxgk/list.htm", [2], "党政办公室")]
    path.write_text(config_text(httpserver.url_for("/").rstrip("/"), str(tmp_path / "m.db"), columns=columns), "utf-8")
    result = service.check(load_config(path), NOW)
    paths = [p for _, p in seen]
    assert "/a/b.jsp" not in paths  # Disallow: /*.jsp (urllib.robotparser let it through)
    assert "/private" not in paths  # Disallow: /private$
    assert "/private/ok.htm" in paths and "/news/1.htm" in paths  # $ anchors: a longer path is allowed
    (column,) = result.document["columns"]
    assert column["entries"] == 4  # disallowed entries are listed, just never fetched
    starts = [t for t, p in seen if p != "/robots.txt"]
    gaps = [b - a for a, b in itertools.pairwise(starts)]
    assert gaps and min(gaps) >= 0.25  # Crawl-delay: 0.3 (config delay 0), one host
