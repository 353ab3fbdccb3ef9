"""What a college's server answers, with HTTP 200, when it cannot show a column or an article: a dialog that says
so and leaves the page (ASP: <script>alert('参数错误！');history.back();</script>), or its script's or database's error
written where the page should be (PHP warnings, ADO/ODBC/JET errors). None of them is a blank column; a message
that the page is gone is a soft 404 (a broken column or link); an error is unknown, retried next run. Served over
loopback (pytest-httpserver); the database is a real SQLite file."""

from __future__ import annotations

import re

import pytest
from werkzeug import Request, Response

from monitor import service
from monitor.config import load_config
from monitor.parse import parse_article, parse_column_page
from tests.conftest import NOW, config_text

GONE = {  # a dialog saying the page or what it asked for is not there, then leaving
    "history.back": "<script>alert('该信息不存在或已被删除！');history.back();</script>",
    "history.go": '<script language="javascript">alert("参数错误！");window.history.go(-1);</script>',
    "to the home page": "<script>alert('您访问的页面不存在');location.href='/';</script>",
    "dialog only": "<html><body><script type='text/javascript'>alert('该栏目不存在')</script></body></html>",
}
FAILED = {  # a message then leaving, or a script's or database's failure
    "sign in first": "<html><body><script>alert('请先登录！');window.location.href='/login.asp';</script></body></html>",
    "php": "<br />\n<b>Warning</b>:  mysql_connect(): Too many connections in <b>/www/conn.php</b> on line <b>3</b>",
    "php fatal": "<html><body><b>Fatal error</b>: Call to undefined function mysql_query() in /www/list.php</body></html>",
    "ado": "<font size=2>Microsoft OLE DB Provider for ODBC Drivers</font> <font size=2>错误 '80004005'</font>",
    "jet": "<p>Microsoft JET Database Engine 错误 '80004005'</p><p>未指定的错误</p>",
}
COLUMN = "http://www.xx.edu.cn/xxgk/list.asp?classid=3"


@pytest.mark.parametrize("form", sorted(GONE))
def test_a_dialog_saying_the_page_is_gone_is_a_soft_404(form):
    page = parse_column_page(GONE[form].encode("gbk"), COLUMN, column="通知公告")
    assert (page.soft_404, page.blank, page.next_pages) == (True, False, ()), page
    assert "页面弹出提示" in page.reason or "页面不存在" in page.reason
    assert parse_article(GONE[form].encode("gbk"), "http://www.xx.edu.cn/ShowArticle.asp?ArticleID=999").soft_404


@pytest.mark.parametrize("form", sorted(FAILED))
def test_an_error_or_a_dialog_before_leaving_is_unknown_not_blank(form):
    page = parse_column_page(FAILED[form].encode("gbk"), COLUMN, column="通知公告")
    assert (page.blank, page.soft_404, page.script_loaded, page.next_pages) == (False, False, True, ()), page
    assert "无法判断是否空白" in page.reason


def test_a_search_boxs_dialog_on_a_blank_column_leaves_it_blank():
    html = (
        "<html><head><title>通知公告</title></head><body><form><input name='k'><script>function chk(){if(!k.value)"
        "{alert('请输入关键字');return false;}}</script></form><h2>通知公告</h2><p>暂无信息</p></body></html>"
    )
    page = parse_column_page(html.encode(), COLUMN, column="通知公告")
    assert page.blank and "暂无信息" in page.reason


HTML = "text/html; charset=gbk"
HOME = "<html><head><title>首页</title></head><body><ul>{}</ul></body></html>".format(
    "".join(
        f"<li><a href='/info/1001/{100 + i}.htm'>学校新闻第{i}号报道关于工作</a><span>2026-11-2{i}</span></li>"
        for i in range(5)
    )
)


def _check(tmp_path, httpserver, pages: dict[str, str]):
    def handle(request: Request) -> Response:
        page = pages.get(request.full_path.rstrip("?"), HOME if request.path == "/" else None)
        if page is None:
            return Response("not found", status=404)
        return Response(page.encode("gbk"), content_type=HTML)

    httpserver.expect_request(re.compile(".*")).respond_with_handler(handle)
    path = tmp_path / "config.toml"
    columns = [
        ("通知公告", "/tzgg.asp?classid=3", [18], "计划财务处"),
        ("招标采购", "/zbcg.asp?classid=4", [18], "计划财务处"),
    ]
    base = httpserver.url_for("/").rstrip("/")
    path.write_text(config_text(base, str(tmp_path / "m.db"), columns), encoding="utf-8")
    result = service.check(load_config(str(path)), NOW)
    return {c.name: c for c in result.evaluation.columns}, result


def test_a_column_that_says_it_is_gone_and_leaves_for_the_home_page_is_broken_not_the_home_pages_news(
    tmp_path, httpserver
):
    rows = "".join(
        f"<li><a href='/ShowArticle.asp?ArticleID={i}'>关于第{i}批采购项目的招标公告</a><span>2026-11-1{i}</span></li>"
        for i in (1, 2)
    )
    article = "<html><head><title>招标公告</title></head><body><h1>招标公告</h1><p>发布时间：2026-11-11</p><p>正文。</p></body></html>"
    pages = {
        "/tzgg.asp?classid=3": GONE["to the home page"],
        "/zbcg.asp?classid=4": f"<html><head><title>招标采购</title></head><body><ul>{rows}</ul></body></html>",
        "/ShowArticle.asp?ArticleID=1": article,
        "/ShowArticle.asp?ArticleID=2": GONE["history.back"],  # the article withdrawn
    }
    columns, result = _check(tmp_path, httpserver, pages)
    assert columns["通知公告"].status == "broken" and "您访问的页面不存在" in columns["通知公告"].reason
    broken = [f for f in result.findings if f.kind == "broken" and f.url.endswith("ArticleID=2")]
    assert len(broken) == 1, result.findings


def test_a_columns_database_error_is_unknown_and_named(tmp_path, httpserver):
    pages = {"/tzgg.asp?classid=3": FAILED["ado"], "/zbcg.asp?classid=4": FAILED["php"]}
    columns, _ = _check(tmp_path, httpserver, pages)
    assert [(c.status, "OLE DB" in c.reason or "mysql" in c.reason) for c in columns.values()] == [
        ("unknown", True)
    ] * 2
