"""Entries of dynamic CMSs name their article by a number in the query (ReadNews.asp?NewsID=123, PHPCMS
index.php?m=content&c=index&a=show&catid=9&id=12, Discuz forum.php?mod=viewthread&tid=6). An undated list of such
links is the column's list, not nothing: before, it read as a blank column (栏目中没有任何条目), a false alarm of the
worst kind. Served over loopback (pytest-httpserver); the database is a real SQLite file."""

from __future__ import annotations

import re

import pytest
from werkzeug import Request, Response

from monitor import service
from monitor.config import load_config
from monitor.urls import looks_like_article
from tests.conftest import NOW, config_text

HTML = "text/html; charset=utf-8"


@pytest.mark.parametrize(
    "url",
    [
        "http://x.edu.cn/ReadNews.asp?NewsID=123",
        "http://x.edu.cn/news.asp?id=345",
        "http://x.edu.cn/Item.aspx?ArticleID=7",
        "http://x.edu.cn/forum.php?mod=viewthread&tid=6",
        "http://x.edu.cn/index.php?m=content&c=index&a=show&catid=9&id=12",
        "http://x.edu.cn/content.jsp?urltype=news.NewsContentUrl&wbtreeid=1001&wbnewsid=5678",
    ],
)
def test_an_address_naming_one_item_by_its_number_is_an_articles(url):
    assert looks_like_article(url)


@pytest.mark.parametrize(
    "url",
    [
        "http://x.edu.cn/news.asp?classid=3",  # a column, by its class
        "http://x.edu.cn/news.asp?classid=3&page=2",  # a page of its list
        "http://x.edu.cn/NewsClass.asp?id=3",  # a column's script, by a bare id
        "http://x.edu.cn/about.asp?id=12",  # a page of the site, numbered in a menu
        "http://x.edu.cn/list.asp?id=12",
        "http://x.edu.cn/index.php?m=content&c=index&a=lists&catid=9",  # PHPCMS: a column's list
        "http://x.edu.cn/index.php?catid=9&page=2",
        "http://x.edu.cn/xxgk.jsp?wbtreeid=1001",
    ],
)
def test_a_columns_or_a_lists_page_address_is_no_articles(url):
    assert not looks_like_article(url)


FORMS = {  # the column's list address, and an entry's link for number i
    "asp": ("/news.asp?classid=3", "/ReadNews.asp?NewsID={i}"),
    "phpcms": ("/index.php?m=content&c=index&a=lists&catid=9", "/index.php?m=content&c=index&a=show&catid=9&id={i}"),
}


def _serve(httpserver, form: str) -> None:
    column, entry = FORMS[form]
    rows = "".join(
        f"<li><a href='{entry.format(i=100 + i)}' target='_blank'>关于第{i}批采购项目的招标公告</a></li>"
        for i in range(6)
    )
    page = f"<html><head><meta charset='utf-8'><title>招标采购</title></head><body><h2>招标采购</h2><ul>{rows}</ul>"
    article = (
        "<html><head><meta charset='utf-8'><title>招标公告</title></head><body><h1>招标公告</h1>"
        "<p class='info'>发布时间：2026-11-10</p><div class='content'><p>采购项目的招标公告正文。</p></div></body></html>"
    )

    def handle(request: Request) -> Response:
        if request.full_path.rstrip("?") == column:
            return Response(page, content_type=HTML)
        if request.args.get("id") or request.args.get("NewsID"):
            return Response(article, content_type=HTML)
        return Response(f"<html><body><a href='{column}'>招标采购</a></body></html>", content_type=HTML)

    httpserver.expect_request(re.compile(".*")).respond_with_handler(handle)


@pytest.mark.parametrize("form", sorted(FORMS))
def test_an_undated_list_of_dynamic_links_is_read_and_dated_by_its_pages(tmp_path, httpserver, form):
    _serve(httpserver, form)
    path = tmp_path / "config.toml"
    base = httpserver.url_for("/").rstrip("/")
    columns = [("招标采购", FORMS[form][0], [18], "计划财务处")]  # item 18: updated within 180 days
    path.write_text(config_text(base, str(tmp_path / "m.db"), columns), encoding="utf-8")
    result = service.check(load_config(str(path)), NOW)
    (column,) = result.evaluation.columns
    assert (column.status, column.entries, column.latest.isoformat()) == ("ok", 6, "2026-11-10")
