"""`monitor read URL`: one page read as a run reads it, for the moment a verdict looks wrong. Served over loopback
(pytest-httpserver); nothing is recorded."""

from __future__ import annotations

import json
import socket

from click.testing import CliRunner
from werkzeug import Request, Response

from monitor.cli import cli

GBK = "text/html; charset=gbk"
ROWS = "".join(
    f"<li><a href='/info/1021/{3400 + i}.htm'>关于公布第{i}批收费项目的通知</a><span>2026-0{9 - i}-1{i}</span></li>"
    for i in range(5)
)
LIST = (
    "<html><head><title>收费标准</title></head><body><div class='nav'><a href='/'>首页</a></div>"
    f"<ul class='list'>{ROWS}</ul><div class='pages'>共12条 1/3 <a href='list2.htm'>下一页</a></div></body></html>"
)
BLANK = "<html><head><title>校办企业</title></head><body><h2>校办企业</h2><p>暂无信息</p></body></html>"
ARTICLE = (
    "<html><head><title>收费公示</title></head><body><h1>收费公示</h1><p class='info'>发布时间：2026-09-10</p>"
    "<div class='content'><p>收费标准如下。</p><a href='/files/fee.pdf'>收费标准.pdf</a></div></body></html>"
)


def _serve(httpserver) -> str:
    pages = {"/sf/list.htm": LIST, "/xbqy/list.htm": BLANK, "/info/1021/3400.htm": ARTICLE}

    def handle(request: Request) -> Response:
        page = pages.get(request.path)
        if page is None:
            return Response("not found", status=404)
        return Response(page.encode("gbk"), content_type=GBK)

    httpserver.expect_request(__import__("re").compile(".*")).respond_with_handler(handle)
    return httpserver.url_for("/").rstrip("/")


def _read(tmp_path, *args: str):
    # no config in tmp_path: the [crawl] defaults
    return CliRunner().invoke(cli, ["--config", str(tmp_path / "none.toml"), "read", *args])


def test_a_column_page_shows_its_entries_dates_pager_and_verdict(tmp_path, httpserver):
    base = _serve(httpserver)
    result = _read(tmp_path, f"{base}/sf/list.htm")
    assert result.exit_code == 0, result.output
    assert "条目：5 条，其中有日期 5 条，最新 2026-09-10" in result.output
    assert f"2026-09-10  关于公布第0批收费项目的通知  {base}/info/1021/3400.htm" in result.output
    assert "翻页：共 12 条，共 3 页；找到后续页面 1 个" in result.output
    assert result.output.rstrip().endswith("结论：读出条目")


def test_json_for_scripts(tmp_path, httpserver):
    base = _serve(httpserver)
    result = _read(tmp_path, f"{base}/sf/list.htm", "--format", "json")
    doc = json.loads(result.output)
    assert (doc["status"], doc["verdict"], doc["column"]["total"]) == (200, "entries", 12)
    assert [e["date"] for e in doc["column"]["entries"]] == [f"2026-0{9 - i}-1{i}" for i in range(5)]
    assert doc["column"]["next_pages"] == [f"{base}/sf/list2.htm"]
    assert doc["column"]["encoding"] in ("gbk", "gb18030")


def test_a_blank_column_says_why(tmp_path, httpserver):
    base = _serve(httpserver)
    doc = json.loads(_read(tmp_path, f"{base}/xbqy/list.htm", "--format", "json").output)
    assert (doc["verdict"], doc["column"]["entries"]) == ("blank", [])
    assert "暂无信息" in doc["column"]["reason"]


def test_an_article_its_date_and_where_it_came_from(tmp_path, httpserver):
    base = _serve(httpserver)
    result = _read(tmp_path, f"{base}/info/1021/3400.htm", "--article")
    assert result.exit_code == 0, result.output
    assert "发布日期：2026-09-10（来自 label:发布时间）" in result.output
    assert f"收费标准.pdf  {base}/files/fee.pdf" in result.output


def test_a_page_that_cannot_be_fetched_exits_3_with_the_reason(tmp_path, httpserver):
    base = _serve(httpserver)
    missing = _read(tmp_path, f"{base}/gone.htm")
    assert missing.exit_code == 3
    assert "结论：无法访问" in missing.output and "404" in missing.output
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    down = _read(tmp_path, f"http://127.0.0.1:{port}/xxgk/", "--format", "json")
    doc = json.loads(down.output)
    assert (down.exit_code, doc["verdict"], doc["status"]) == (3, "unreachable", None)
    assert doc["error"].startswith("无法连接")  # in the words a run's report uses


def test_a_saved_page_reads_as_the_fetched_one(tmp_path, httpserver):
    base = _serve(httpserver)
    saved = tmp_path / "page.html"
    fetched = json.loads(_read(tmp_path, f"{base}/sf/list.htm", "--save", str(saved), "--format", "json").output)
    assert saved.read_bytes() == LIST.encode("gbk")
    httpserver.clear()  # the server answers nothing now: the file is read
    offline = json.loads(_read(tmp_path, f"{base}/sf/list.htm", "--file", str(saved), "--format", "json").output)
    assert offline["column"] == fetched["column"] and offline["status"] is None


def test_an_address_that_is_no_web_address_is_a_usage_error(tmp_path):
    for url in ("www.example.edu.cn/xxgk/", "ftp://example.edu.cn/a.htm"):
        result = _read(tmp_path, url)
        assert result.exit_code == 2 and "is not an http(s) URL" in result.output, result.output


def test_the_columns_name_picks_its_list_on_a_page_titled_with_the_sites_name(tmp_path, httpserver):
    news = "".join(
        f"<li><a href='/info/1001/{700 + k}.htm'>学校举行第{k}届校园文化艺术节活动</a><span>2026-11-0{k + 1}</span></li>"
        for k in range(8)
    )
    own = "".join(
        f"<li><a href='/info/1002/{800 + k}.htm'>关于做好第{k}项工作的通知</a><span>2026-10-1{k}</span></li>"
        for k in range(3)
    )
    page = (
        "<html><head><title>测试学院</title></head><body><div class='left'><h3>学校新闻</h3>"
        f"<ul>{news}</ul></div><div class='right'><h3>通知公告</h3><ul>{own}</ul></div></body></html>"
    )
    httpserver.expect_request("/robots.txt").respond_with_data("", status=404)
    httpserver.expect_request("/tzgg.htm").respond_with_data(page.encode("gbk"), content_type=GBK)
    url = httpserver.url_for("/tzgg.htm")
    titles = [
        [e["title"] for e in json.loads(_read(tmp_path, url, *extra, "--format", "json").output)["column"]["entries"]]
        for extra in ((), ("--name", "通知公告"))
    ]
    assert len(titles[0]) == 8  # the bigger box, where nothing names the column
    assert titles[1] == [f"关于做好第{k}项工作的通知" for k in range(3)]


def test_a_page_that_shows_its_list_in_a_frame_or_forwards_to_it_is_read_on(tmp_path, httpserver):
    pages = {
        "/xxgk/tzgg.htm": "<html><head><title>通知公告</title></head><body><iframe src='/xxgk/list.htm' "
        "width='100%' height='800'></iframe></body></html>",
        "/xxgk/index.htm": "<html><head><meta http-equiv='refresh' content='0; url=tzgg.htm'></head><body></body></html>",
        "/xxgk/list.htm": LIST,
    }

    def handle(request: Request) -> Response:
        page = pages.get(request.path)
        return Response(page.encode("gbk"), content_type=GBK) if page else Response("not found", status=404)

    httpserver.expect_request(__import__("re").compile(".*")).respond_with_handler(handle)
    base = httpserver.url_for("/").rstrip("/")
    framed = json.loads(_read(tmp_path, f"{base}/xxgk/tzgg.htm", "--format", "json").output)
    assert (framed["verdict"], len(framed["column"]["entries"])) == ("entries", 5)
    assert framed["followed"] == [f"{base}/xxgk/list.htm"]
    forwarded = _read(tmp_path, f"{base}/xxgk/index.htm")
    assert (
        f"列表所在：{base}/xxgk/tzgg.htm" in forwarded.output and f"列表所在：{base}/xxgk/list.htm" in forwarded.output
    )
    assert "条目：5 条" in forwarded.output


def test_a_document_shows_the_personal_data_a_run_would_find(tmp_path, httpserver):
    # a liaison re-posts a masked list and asks whether it is clean now: `monitor read` answers for the file
    from tests.test_documents import _doc, with_text
    from tests.test_privacy import ID1, ID2

    leaking = with_text(tmp_path, f"张三 {ID1} 李四 {ID2}")
    masked = with_text(tmp_path, f"张三 {ID1[:3]}***********{ID1[-4:]}")
    files = {"/u/md.doc": leaking, "/u/md2.doc": masked, "/u/old.doc": _doc("poi-Word6.doc")}
    for path, body in files.items():
        httpserver.expect_request(path).respond_with_data(body, content_type="application/msword")
    httpserver.expect_request("/robots.txt").respond_with_data("", status=404)
    found = _read(tmp_path, httpserver.url_for("/u/md.doc"), "--format", "json")
    assert found.exit_code == 0, found.output
    personal = json.loads(found.output)["personal_data"]
    assert personal["document"] == "doc" and personal["read"] is True
    assert [(e["kind"], e["count"]) for e in personal["exposures"]] == [("id_number", 2)]
    assert ID1 not in found.output and ID1[:3] + "*" * 11 + ID1[-4:] in found.output
    assert "个人信息：未发现" in _read(tmp_path, httpserver.url_for("/u/md2.doc")).output
    assert "个人信息：文件（doc）无法读取，未检查" in _read(tmp_path, httpserver.url_for("/u/old.doc")).output


def test_an_articles_personal_data_is_shown(tmp_path, httpserver):
    from tests.test_privacy import ID1

    page = f"<html><body><h1>获奖名单公示</h1><p>发布时间：2026-09-10</p><p>张三 {ID1}</p></body></html>"
    httpserver.expect_request("/info/1.htm").respond_with_data(page.encode(), content_type="text/html; charset=utf-8")
    httpserver.expect_request("/robots.txt").respond_with_data("", status=404)
    result = _read(tmp_path, httpserver.url_for("/info/1.htm"), "--article")
    assert "个人信息：身份证号 1 个（如 110***********7571）" in result.output
    assert "personal_data" not in _read(tmp_path, httpserver.url_for("/info/1.htm"), "--format", "json").output


def test_a_file_with_no_text_is_said_unchecked_as_a_run_says(tmp_path, httpserver):
    # a scanned list (a PDF of images, no text): `monitor read` said 未发现 where a run says it could not check it
    from tests.test_documents import _blank_pdf

    httpserver.expect_request("/u/scan.pdf").respond_with_data(_blank_pdf(), content_type="application/pdf")
    httpserver.expect_request("/robots.txt").respond_with_data("", status=404)
    result = _read(tmp_path, httpserver.url_for("/u/scan.pdf"))
    assert "个人信息：文件（pdf）无法读取，未检查：文件中没有可读的文字（可能是扫描图片）" in result.output
    personal = json.loads(_read(tmp_path, httpserver.url_for("/u/scan.pdf"), "--format", "json").output)[
        "personal_data"
    ]
    assert personal["read"] is False and personal["unread"] == "文件中没有可读的文字（可能是扫描图片）"
