"""A column whose list shows no dates is dated by its entries' own pages. When none of those pages could be read
(the run's page budget spent on the lists, or the pages failing), the column's freshness is unknown, not stale:
"无可信的发布日期" is said only of pages that were read and showed none. Served over loopback (pytest-httpserver)."""

from __future__ import annotations

import re

from werkzeug import Request, Response

from monitor import service
from monitor.config import load_config
from monitor.evaluate import UNREAD_REASON
from monitor.store import open_store
from tests.conftest import NOW, config_text

HTML = "text/html; charset=utf-8"
ROWS = "".join(f"<li><a href='/info/1001/{100 + i}.htm'>关于第{i}批采购项目的招标公告</a></li>" for i in range(5))
LIST = f"<html><head><meta charset='utf-8'><title>招标采购</title></head><body><h2>招标采购</h2><ul>{ROWS}</ul></body>"


def _article(dated: bool) -> str:
    line = "<p class='info'>发布时间：2026-11-10</p>" if dated else ""
    return (
        "<html><head><meta charset='utf-8'><title>招标公告</title></head><body><h1>招标公告</h1>"
        f"{line}<div class='content'><p>采购项目的招标公告正文。</p></div></body></html>"
    )


def _serve(httpserver, articles: str) -> None:
    """``articles``: "dated", "undated" (read, no date on them) or "503"."""

    def handle(request: Request) -> Response:
        if request.path.startswith("/info/"):
            if articles == "503":
                return Response("busy", status=503)
            return Response(_article(articles == "dated"), content_type=HTML)
        if request.path == "/cg/list.htm":
            return Response(LIST, content_type=HTML)
        return Response("<html><body><a href='/cg/list.htm'>招标采购</a></body></html>", content_type=HTML)

    httpserver.expect_request(re.compile(".*")).respond_with_handler(handle)


def _check(tmp_path, httpserver, crawl: str = ""):
    path = tmp_path / "config.toml"
    columns = [("招标采购", "/cg/list.htm", [18], "计划财务处")]  # item 18: updated within 180 days
    base = httpserver.url_for("/").rstrip("/")
    path.write_text(config_text(base, str(tmp_path / "m.db"), columns, crawl=crawl), encoding="utf-8")
    result = service.check(load_config(str(path)), NOW)
    (column,) = result.evaluation.columns
    return result, column


def test_an_undated_column_is_dated_by_its_entries_pages(tmp_path, httpserver):
    _serve(httpserver, "dated")
    _, column = _check(tmp_path, httpserver)
    assert (column.status, column.latest.isoformat()) == ("ok", "2026-11-10")


def test_an_undated_column_whose_pages_were_not_read_for_the_page_budget_is_unknown_then_read(tmp_path, httpserver):
    _serve(httpserver, "dated")
    result, column = _check(tmp_path, httpserver, "max_pages = 2")  # the home page and the list: no article
    assert column.status == "unknown", column.reason
    assert column.reason == UNREAD_REASON.format(n=5)
    assert not [f for f in result.findings if f.kind == "stale"]
    _, column = _check(tmp_path, httpserver)  # the next run, with pages to spare, reads them
    assert (column.status, column.latest.isoformat()) == ("ok", "2026-11-10")


def test_an_undated_column_whose_pages_fail_is_unknown_and_its_links_broken_when_they_fail_again(tmp_path, httpserver):
    """Every page answers 503 (after the fetcher's retries): the column is unknown, not stale. A server's bad
    minute is no broken link: the links are broken when they fail again on the next run (before, at once)."""
    _serve(httpserver, "503")
    result, column = _check(tmp_path, httpserver)
    assert column.status == "unknown", column.reason
    said = f"{UNREAD_REASON.format(n=5)}；5 个链接本次暂时无法访问（服务器错误或超时），下次运行复查"
    assert result.document["columns"][0]["reason"] == said
    assert not [f for f in result.findings if f.kind in ("broken", "stale")]
    result, column = _check(tmp_path, httpserver)  # the next run: they fail again
    assert column.status == "unknown", column.reason
    broken = [f for f in result.findings if f.kind != "missing"]  # (items no column is configured for)
    assert [f.kind for f in broken] == ["broken"] * 5
    assert all(f.detail.endswith("（连续 2 次检查失败）") for f in broken), broken[0].detail
    with open_store(tmp_path / "m.db") as store:  # as a database written before failures were counted
        store.db.execute("UPDATE links SET failures = 0")
    result, _ = _check(tmp_path, httpserver)  # failing once more: the open findings stay open, the same ones
    again = [f for f in result.findings if f.kind == "broken"]
    assert sorted(f.id for f in again) == sorted(f.id for f in broken)
    assert all(f.detail.endswith("（连续 2 次检查失败）") for f in again)  # (the record before counted as one)


def test_an_undated_column_whose_pages_show_no_date_either_is_stale(tmp_path, httpserver):
    _serve(httpserver, "undated")
    result, column = _check(tmp_path, httpserver)
    assert column.status == "stale"
    assert "均无可信的发布日期" in column.reason
    assert [f.severity for f in result.findings if f.kind == "stale"] == ["high"]


NEWS = "".join(
    f"<li><a href='/info/1002/{500 + i}.htm'>学校召开第{i}次工作会议</a><span>2026-11-{20 - i // 2:02d}</span></li>"
    for i in range(30)
)


def test_a_run_short_of_pages_reads_every_columns_newest_entry_first(tmp_path, httpserver):
    """A column of 30 dated entries beside an undated one of 5, with pages left for two articles: each column's
    newest entry is read (before, the two were both of the column whose list was read first), so the undated
    column is dated."""
    seen: list[str] = []

    def handle(request: Request) -> Response:
        seen.append(request.path)
        if request.path.startswith("/info/"):
            return Response(_article(True), content_type=HTML)
        if request.path == "/xw/list.htm":
            return Response(
                f"<html><head><meta charset='utf-8'><title>新闻</title></head><body><h2>新闻</h2>"
                f"<ul>{NEWS}</ul></body></html>",
                content_type=HTML,
            )
        if request.path == "/cg/list.htm":
            return Response(LIST, content_type=HTML)
        return Response("<html><body>首页</body></html>", content_type=HTML)

    httpserver.expect_request(re.compile(".*")).respond_with_handler(handle)
    path = tmp_path / "config.toml"
    columns = [("学校新闻", "/xw/list.htm", [1], "党政办公室"), ("招标采购", "/cg/list.htm", [18], "计划财务处")]
    base = httpserver.url_for("/").rstrip("/")
    path.write_text(config_text(base, str(tmp_path / "m.db"), columns, crawl="max_pages = 5"), encoding="utf-8")
    result = service.check(load_config(str(path)), NOW)
    articles = [p for p in seen if p.startswith("/info/")]
    assert sorted(articles) == ["/info/1001/100.htm", "/info/1002/500.htm"], articles  # each column's newest
    column = next(c for c in result.evaluation.columns if c.name == "招标采购")
    assert (column.status, column.latest.isoformat()) == ("ok", "2026-11-10")


def test_an_undated_column_of_offsite_entries_and_failing_ones_is_unknown(tmp_path, httpserver):
    """Two entries on WeChat (out of the crawler's scope: recorded, never fetched) and one whose page fails: no
    page was read, so the column is unknown (before, the two recorded addresses counted as read: stale)."""
    rows = (
        "<li><a href='https://mp.weixin.qq.com/s/AbCdEf123'>关于第一批采购项目的招标公告</a></li>"
        "<li><a href='https://mp.weixin.qq.com/s/GhIjKl456'>关于第二批采购项目的招标公告</a></li>"
        "<li><a href='/info/1001/100.htm'>关于第三批采购项目的招标公告</a></li>"
    )

    def handle(request: Request) -> Response:
        if request.path.startswith("/info/"):
            return Response("busy", status=503)
        if request.path == "/cg/list.htm":
            return Response(LIST.replace(ROWS, rows), content_type=HTML)
        return Response("<html><body>首页</body></html>", content_type=HTML)

    httpserver.expect_request(re.compile(".*")).respond_with_handler(handle)
    _, column = _check(tmp_path, httpserver)
    assert column.status == "unknown", column.reason
    assert column.reason.startswith(UNREAD_REASON.format(n=3))


def test_an_undated_column_whose_pages_robots_txt_disallows_is_unknown_with_no_broken_link(tmp_path, httpserver):
    """robots.txt disallows the articles (Disallow: /info/), not the list: their pages are recorded, not fetched,
    and not broken; the column is unknown (before, stale: 均无可信的发布日期)."""

    def handle(request: Request) -> Response:
        if request.path == "/robots.txt":
            return Response("User-agent: *\nDisallow: /info/\n", content_type="text/plain")
        if request.path == "/cg/list.htm":
            return Response(LIST, content_type=HTML)
        if request.path.startswith("/info/"):
            return Response(_article(True), content_type=HTML)
        return Response("<html><body>首页</body></html>", content_type=HTML)

    httpserver.expect_request(re.compile(".*")).respond_with_handler(handle)
    result, column = _check(tmp_path, httpserver)
    assert column.status == "unknown" and "robots.txt" in column.reason, column.reason
    assert not [f for f in result.findings if f.kind in ("broken", "stale")]


FRIENDLY = ["刚刚", "30分钟前", "5小时前", "昨天 10:20", "前天", "3天前", "[6天前]", "12 days ago"]


def _friendly_list(layout: str) -> bytes:
    rows = {
        "tail": "<li><a href='/info/1001/{n}.htm'>关于第{i}批采购项目的招标公告</a> {when}</li>",
        "span": "<li><a href='/info/1001/{n}.htm'>关于第{i}批采购项目的招标公告</a><span>{when}</span></li>",
        "in the link": "<li><a href='/info/1001/{n}.htm'><p>关于第{i}批采购项目的招标公告</p><i>{when}</i></a></li>",
    }[layout]
    items = "".join(rows.format(n=100 + i, i=i, when=when) for i, when in enumerate(FRIENDLY))
    return LIST.replace(ROWS, items).encode()


def test_a_lists_friendly_times_are_the_days_they_name_counted_from_when_the_page_was_sent():
    """3天前, 5小时前, 昨天 10:20, 刚刚 (a CMS's friendly time) date their entries, counted back from the response's
    Date header (less its Age where a cache held the page) in China's day. Before, such a list was undated. Without
    a Date header they stay undated (no moment to count from); 3日前 (before the 3rd) and a bare 今天 (a weather
    widget's word) are not read as times."""
    from monitor.listpage import parse_list

    sent = {"Content-Type": HTML, "Date": "Tue, 01 Dec 2026 17:30:00 GMT"}  # 01:30 on 2 December in China
    want = [
        "2026-12-02",
        "2026-12-02",
        "2026-12-01",
        "2026-12-01",
        "2026-11-30",
        "2026-11-29",
        "2026-11-26",
        "2026-11-20",
    ]
    for layout in ("tail", "span", "in the link"):
        page = parse_list(_friendly_list(layout), "http://x.edu.cn/cg/list.htm", sent)
        assert [e.date.isoformat() for e in page.entries] == want, layout
        cached = parse_list(_friendly_list(layout), "http://x.edu.cn/cg/list.htm", sent | {"Age": "86400"})
        assert cached.entries[0].date.isoformat() == "2026-12-01", layout
        unsent = parse_list(_friendly_list(layout), "http://x.edu.cn/cg/list.htm", {"Content-Type": HTML})
        assert [e.date for e in unsent.entries] == [None] * len(FRIENDLY), layout
    # a server's absurd clock or cache age (found by a hostile probe: an OverflowError before) dates nothing
    year_9999 = parse_list(
        _friendly_list("span"), "http://x.edu.cn/cg/list.htm", sent | {"Date": "Fri, 31 Dec 9999 23:59:59 GMT"}
    )
    assert [e.date for e in year_9999.entries] == [None] * len(FRIENDLY)
    aged = parse_list(_friendly_list("span"), "http://x.edu.cn/cg/list.htm", sent | {"Age": "9" * 30})  # no age: Date
    assert [e.date.isoformat() for e in aged.entries] == want
    not_times = LIST.replace("关于第0批", "<i>3日前</i>关于第0批").replace("</ul>", "<li><span>今天</span></li></ul>")
    page = parse_list(not_times.encode(), "http://x.edu.cn/cg/list.htm", sent)
    assert len(page.entries) == 5 and [e.date for e in page.entries] == [None] * 5


def test_a_column_of_friendly_times_is_fresh_where_its_pages_show_no_date(tmp_path, httpserver):
    """Served over loopback (the server's own Date header): a column whose list says 3天前 and whose pages show no
    date is ok. Before, every entry was undated and so were its pages: stale (无日期视为未更新)."""
    import datetime as dt

    from monitor.dates import CHINA

    def handle(request: Request) -> Response:
        if request.path.startswith("/info/"):
            return Response(_article(False), content_type=HTML)
        if request.path == "/cg/list.htm":
            return Response(_friendly_list("span"), content_type=HTML)
        return Response("<html><body><a href='/cg/list.htm'>招标采购</a></body></html>", content_type=HTML)

    httpserver.expect_request(re.compile(".*")).respond_with_handler(handle)
    path = tmp_path / "config.toml"
    base = httpserver.url_for("/").rstrip("/")
    columns = [("招标采购", "/cg/list.htm", [18], "计划财务处")]
    path.write_text(config_text(base, str(tmp_path / "m.db"), columns), encoding="utf-8")
    now = dt.datetime.now(CHINA)
    (column,) = service.check(load_config(str(path)), now).evaluation.columns
    assert column.status == "ok", column.reason
    assert (now.date() - column.latest).days <= 1
