"""Partial outages across runs: up, down, down, recovered. A failure is never evidence that anything was fixed:
nothing is resolved by a failed request, nothing is opened twice, and the history (first seen) survives.

Site: column A is blank (暂无内容), column B lists two recent entries (an article and a PDF on a separate file
host), column C lists only a 2019 entry (stale). Each scenario breaks one part during the two middle runs.
"""

from __future__ import annotations

import datetime as dt
import time

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from monitor import service
from monitor.config import load_config
from monitor.store import open_store
from tests.conftest import NOW, config_text
from tests.smtpkit import free_port  # a loopback port nobody listens on

HTML = "text/html; charset=utf-8"


def _page(body: str) -> str:
    return f"<html><head><meta charset='utf-8'><title>测试学院</title></head><body>{body}</body></html>"


class Site:
    def __init__(self, scenario: str, file_port: int):
        self.scenario, self.file_port, self.down = scenario, file_port, False
        self.requests: dict[str, int] = {}

    def handle(self, request: Request) -> Response:
        path = request.path
        self.requests[path] = self.requests.get(path, 0) + 1
        # every third request for a page fails (robots.txt has a scenario of its own); one retry absorbs it
        if self.down and self.scenario == "intermittent-502" and self.requests[path] % 3 == 0 and path != "/robots.txt":
            return Response("bad gateway", status=502)
        if path == "/robots.txt":
            if self.down and self.scenario == "robots-500":
                return Response("error", status=500)
            return Response("User-agent: *\nDisallow: /admin/\n", content_type="text/plain")
        if path == "/col/a/":
            if self.down and self.scenario == "column-500":
                return Response("<h1>500 Internal Server Error</h1>", status=500, content_type=HTML)
            if self.down and self.scenario == "column-hangs":
                time.sleep(2.5)
            if self.down and self.scenario == "column-empty-200":  # an overloaded server's empty answer
                return Response(b"", status=200, content_type=HTML)
            return Response(_page("<div class='list'><p>暂无内容</p></div>"), content_type=HTML)
        if path == "/col/b/":
            pdf = f"http://127.0.0.1:{self.file_port}/files/2026plan.pdf"
            return Response(
                _page(
                    "<ul class='list'><li><a href='/art/1.htm'>2026年招生计划公告</a><span>2026-11-20</span></li>"
                    f"<li><a href='{pdf}'>2026年分专业招生计划表</a><span>2026-11-18</span></li></ul>"
                ),
                content_type=HTML,
            )
        if path == "/col/c/":
            return Response(
                _page(
                    "<ul class='list'><li><a href='/art/2.htm'>学校章程（修订）</a><span>2019-03-01</span></li></ul>"
                ),
                content_type=HTML,
            )
        if path.startswith("/art/") or path == "/index.htm":
            return Response(_page("<h1>文章</h1><p>发布时间：2026-11-20</p>"), content_type=HTML)
        return Response("not found", status=404)


def _config_path(tmp_path, base: str, file_port: int, scenario: str):
    columns = [
        ("空白栏目", "/col/a/", [23], "招生办"),
        ("招生计划", "/col/b/", [24], "招生办"),
        ("章程", "/col/c/", [1], "党政办"),
    ]
    # recheck_days = 0: links are checked on every run, so that a file host going down is seen
    text = config_text(
        base, str(tmp_path / "m.db"), columns=columns, crawl="max_request_seconds = 1.0\nrecheck_days = 0"
    )
    text = text.replace('contact = "', f'extra_hosts = ["127.0.0.1:{file_port}"]\ncontact = "', 1)
    if scenario == "intermittent-502":
        text = text.replace("retries = 0", "retries = 1")
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def _history(config) -> dict[tuple, list]:
    store = open_store(config.storage_path)
    rows: dict[tuple, list] = {}
    for f in store.findings(config.site.name):
        rows.setdefault((f.kind, f.item, f.url), []).append(f)
    store.close()
    return rows


SCENARIOS = {
    # scenario: (run status while down, column whose verdict changes, its status while down)
    "column-500": ("partial", "/col/a/", "broken"),
    "column-hangs": ("partial", "/col/a/", "unknown"),
    "column-empty-200": ("partial", "/col/a/", "unknown"),
    "file-host-down": ("partial", None, None),
    "robots-500": ("failed", "/col/a/", "unknown"),
    "intermittent-502": ("ok", None, None),
}


@pytest.fixture
def threaded_server():
    """A threaded server, as real ones are: a hanging request does not hold up the others."""
    server = HTTPServer(threaded=True)
    server.start()
    yield server
    server.clear()
    if server.is_running():
        server.stop()


@pytest.mark.parametrize("scenario", sorted(SCENARIOS))
def test_partial_outage_over_three_runs(scenario, tmp_path, threaded_server):
    httpserver = threaded_server
    file_port = free_port()
    files = HTTPServer(host="127.0.0.1", port=file_port)
    files.expect_request("/files/2026plan.pdf").respond_with_data(b"%PDF-1.4 plan", content_type="application/pdf")
    files.expect_request("/robots.txt").respond_with_data("", status=404)
    files.start()
    site = Site(scenario, file_port)
    httpserver.expect_request("").respond_with_handler(site.handle)  # every path
    config = load_config(_config_path(tmp_path, httpserver.url_for("/").rstrip("/"), file_port, scenario))
    down_status, column, column_status = SCENARIOS[scenario]
    try:
        first = service.check(config, NOW)
        assert first.run.status == "ok"
        baseline = {k: (v[0].id, v[0].first_seen) for k, v in _history(config).items() if v[0].resolved_at is None}
        kinds = {k[0] for k in baseline}
        assert {"blank", "stale"} <= kinds, kinds  # the findings the outage must not erase
        site.down = True
        if scenario == "file-host-down":
            files.stop()
        opened_during: set[tuple] = set()
        for day in (24, 25):
            result = service.check(config, NOW.replace(day=day))
            assert result.run.status == down_status
            if column:
                verdict = {
                    c["url"].split(":", 2)[-1].split("/", 1)[-1]: c["status"] for c in result.document["columns"]
                }
                assert verdict["col/a/"] == column_status, verdict
            history = _history(config)
            for key, (fid, first_seen) in baseline.items():
                (row,) = history[key]  # nothing resolved by a failure, nothing opened twice
                assert (row.id, row.first_seen, row.resolved_at) == (fid, first_seen, None)
            for key, rows in history.items():
                assert len(rows) == 1, key
            opened_during |= set(history) - set(baseline)
        if scenario == "file-host-down":
            assert any(k[0] == "broken" and str(file_port) in k[2] for k in opened_during)
        site.down = False
        if scenario == "file-host-down":
            files.start()
        recovered = service.check(config, NOW.replace(day=26) + dt.timedelta(hours=1))
        assert recovered.run.status == "ok"
        history = _history(config)
        for key, (fid, first_seen) in baseline.items():
            (row,) = history[key]
            assert (row.id, row.first_seen, row.resolved_at) == (fid, first_seen, None)
        for key in opened_during:  # what only the outage caused is over
            assert all(row.resolved_at for row in history[key]), key
    finally:
        if files.is_running():
            files.stop()
