"""A run's limits (`max_pages`, `max_run_seconds`) are shared among the columns: a column with a deep pager, read
first, stops where the rest would be left nothing, and says so; every other column's first page is read. Served over
loopback (pytest-httpserver)."""

from __future__ import annotations

import re
import time

from werkzeug import Request, Response

from monitor import service
from monitor.config import load_config
from tests.conftest import NOW, config_text

HTML = "text/html; charset=utf-8"
COLUMNS = [
    ("通知公告", "/tz/1.htm", [1], "党政办公室"),
    ("招标采购", "/cg/list.htm", [18], "计划财务处"),
    ("学校新闻", "/xw/list.htm", [2], "党政办公室"),
]


def _one_page(day: int) -> str:
    rows = "".join(
        f"<li><a href='/info/1001/{day * 10 + i}.htm'>关于第{i}批项目的公告</a><span>2026-11-{day:02d}</span></li>"
        for i in range(5)
    )
    return f"<html><head><meta charset='utf-8'><title>列表</title></head><body><ul>{rows}</ul></body></html>"


def _site(httpserver, pages: int, latency: float = 0.0) -> None:
    def handle(request: Request) -> Response:
        time.sleep(latency)
        if m := re.fullmatch(r"/tz/(\d+)\.htm", request.path):
            return Response(_paged(int(m.group(1)), pages), content_type=HTML)
        if request.path == "/cg/list.htm":
            return Response(_one_page(2), content_type=HTML)
        if request.path == "/xw/list.htm":
            return Response(_one_page(3), content_type=HTML)
        return Response("<html><body>首页</body></html>", content_type=HTML)

    httpserver.expect_request(re.compile(".*")).respond_with_handler(handle)


def _check(tmp_path, httpserver, crawl: str):
    path = tmp_path / "config.toml"
    base = httpserver.url_for("/").rstrip("/")
    text = config_text(base, str(tmp_path / "m.db"), COLUMNS, crawl=f"{crawl}\nconcurrency = 1\ncheck_links = false")
    path.write_text(text.replace("concurrency = 4\n", ""), encoding="utf-8")  # one column at a time
    result = service.check(load_config(str(path)), NOW)
    return result, {c.name: c for c in result.evaluation.columns}


def _paged(page: int, pages: int) -> str:
    rows = "".join(
        f"<li><a href='/info/1003/{page * 10 + i}.htm'>第{page}页第{i}条通知</a><span>2026-11-{20 - page:02d}</span></li>"
        for i in range(10)
    )
    nxt = f"<a href='/tz/{page + 1}.htm'>下一页</a>" if page < pages else ""
    return f"<html><head><meta charset='utf-8'><title>通知公告</title></head><body><ul>{rows}</ul>{nxt}</body></html>"


def test_a_deep_column_read_first_leaves_every_other_column_its_first_page(tmp_path, httpserver):
    """A run of 6 pages (the home page and 5 lists): the first column has 12 pages of list, the two after it one
    each. Each later column's first page is kept from the budget, so all three are read and the deep one says where
    it stopped (before, it read 5 pages and the other two were skipped, unknown)."""
    _site(httpserver, 12)
    result, by_name = _check(tmp_path, httpserver, "max_pages = 6")
    assert [by_name[n].status for n, *_ in COLUMNS] == ["ok", "ok", "ok"]
    deep = by_name["通知公告"]
    assert (deep.pages, deep.entries, deep.complete) == (3, 30, False)
    assert deep.reason == "达到本次运行的抓取上限（max_pages 或 max_run_seconds），列表只读了 3 页"
    assert "达到 max_pages 上限" in result.document["run"]["detail"]


def test_a_deep_column_read_first_leaves_every_other_column_time_for_its_first_page(tmp_path, httpserver):
    """A server answering in 0.2 s, a run of 4 s, a 30-page column first: it stops while twice the run's pace per
    page is left for each column not begun, and both are read (before, it read until the deadline and the other
    two were skipped, unknown)."""
    _site(httpserver, 30, latency=0.2)
    result, by_name = _check(tmp_path, httpserver, "max_run_seconds = 4")
    assert [by_name[n].status for n, *_ in COLUMNS] == ["ok", "ok", "ok"]
    deep = by_name["通知公告"]
    assert deep.complete is False and 1 < deep.pages < 30
    assert deep.reason.startswith("达到本次运行的抓取上限")
    assert "max_run_seconds" in result.document["run"]["detail"]
