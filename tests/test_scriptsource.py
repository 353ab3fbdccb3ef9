"""A column whose script asks another address for its list: that address read as the browser reads it (pure forms
in monitor.scriptsource; the whole check over loopback)."""

from __future__ import annotations

import json
import re

import pytest
from werkzeug import Request, Response

from monitor import scriptsource, service
from monitor.config import load_config
from monitor.parse import parse_column_page
from tests.conftest import config_text
from tests.test_pagers import NOW, _day, _page

PAGE = "http://www.xx.edu.cn/xxgk/tzgg/index.html"


@pytest.mark.parametrize(
    ("script", "source"),
    [
        (  # jQuery, its options spread over lines, the data written out
            """$(function () {
                $.ajax({
                    url: "../api/list.json",
                    type: "get", dataType: "json",
                    data: {columnId: 12, pageNo: 1, pageSize: 15},
                    success: function (res) { render(res.data.list); }
                });
            });""",
            "http://www.xx.edu.cn/xxgk/api/list.json?columnId=12&pageNo=1&pageSize=15",
        ),
        ("fetch('/api/news?col=3').then(r => r.json()).then(draw);", "http://www.xx.edu.cn/api/news?col=3"),
        ("axios.get('/api/news', {}).then(function (r) { vm.list = r.data.rows; });", "http://www.xx.edu.cn/api/news"),
        ("$('#list').load('list_frag.html #items');", "http://www.xx.edu.cn/xxgk/tzgg/list_frag.html"),
        (
            "$.getJSON('data.json', draw); $.ajax({url: '/system/hits/setHits?id=3'});",
            PAGE.replace("index.html", "data.json"),
        ),
        (
            "var x = new XMLHttpRequest(); x.open('GET', '/api/list?p=1', true); x.send();",
            "http://www.xx.edu.cn/api/list?p=1",
        ),
        ("$(window).load(function () { $.get('/api/list', draw); });", "http://www.xx.edu.cn/api/list"),
        (
            "$.get('/api/list', {columnId: 12, pageNo: 1}, function (d) { draw(d); });",
            "http://www.xx.edu.cn/api/list?columnId=12&pageNo=1",
        ),
        ("axios.get('/api/list', {params: {columnId: 12}}).then(draw);", "http://www.xx.edu.cn/api/list?columnId=12"),
        ("fetch('/api/list?col=3', {method: 'GET', credentials: 'include'});", "http://www.xx.edu.cn/api/list?col=3"),
        # not followed: POST, an address or data built from variables, two sources, only counters and chrome
        ("$.get('/api/list', params, function (d) { draw(d); });", None),
        ("axios.get('/api/list', {params: {columnId: vm.cid}}).then(draw);", None),
        ("$.ajax({url: base + '/api/list', success: function () { $.get('/api/other'); }});", None),
        ("$.ajax({url: '/api/list', type: 'POST', data: {columnId: 12}});", None),
        ("$.post('/api/list', {columnId: 12}); $.get('/api/banner.json');", None),
        # a page number the script passes in is its first page
        ("$.ajax({url: '/api/list?page=' + page, success: draw});", "http://www.xx.edu.cn/api/list?page=1"),
        (
            "function getList(n) { $.ajax({url: '/api/list', data: {columnId: '12', pageNo: n, pageSize: 10}}); }",
            "http://www.xx.edu.cn/api/list?columnId=12&pageNo=1&pageSize=10",
        ),
        ("$.ajax({url: '/api/list?page=' + page + '&col=' + cid});", None),
        ("$.ajax({url: '/api/list?col=' + cid});", None),
        ("$.ajax({url: '/api/list', data: {columnId: cid}});", None),
        ("$.ajax(options);", None),
        ("$.getJSON('/api/list.json', a); $.getJSON('/api/hot.json', b);", None),
        ("$.ajax({url: '/hits/setHits?id=3'}); $('#head').load('/inc/header.html');", None),
        ("ttq.load('CLOPD8JC77UFQEIN36F0'); ttq.page();", None),  # a tracker's load, not jQuery's
        ("var t = new XMLHttpRequest; t.open('GET', 'https://cmanager.example.com/v1');", None),  # another site's
        ("$.getJSON('https://api.xx.edu.cn/news?col=3', draw);", "https://api.xx.edu.cn/news?col=3"),  # the college's
    ],
)
def test_the_one_address_a_script_asks_its_list_from_by_get(script, source):
    assert scriptsource.list_source(script, PAGE) == source


def test_link_templates_the_script_writes():
    code = """html += '<li><a href="detail.html?id=' + item.id + '" target="_blank">' + item.title + '</a></li>';
              s += "<a href='/info/" + data[i]["docId"] + ".htm'>" + data[i].title + "</a>";"""
    assert scriptsource.written_templates(code) == (
        (("detail.html?id=", False), ("id", True)),
        (("/info/", False), ("docId", True), (".htm", False)),
    )


_LOADER = """<ul id="list"></ul><script>
$(function () {
    $.ajax({ url: "/xxgk/api/list.json", type: "get", data: {columnId: 12, pageNo: 1, pageSize: 15},
        success: function (res) {
            var html = "";
            $.each(res.data.list, function (i, item) {
                html += '<li><a href="detail.jsp?id=' + item.id + '">' + item.title + '</a><span>' + item.publishTime + '</span></li>';
            });
            $("#list").html(html);
        } });
});
</script>"""


def _records(first: int, count: int) -> list[dict]:
    return [
        {"id": 700 + i, "title": f"关于做好第{i}项信息公开工作的通知", "publishTime": f"{_day(i)} 09:30:00"}
        for i in range(first, first + count)
    ]


def test_a_json_answer_is_read_with_the_pages_templates_and_leads_to_its_further_pages():
    page = parse_column_page(_page(_LOADER).encode(), "http://www.xx.edu.cn/xxgk/tzgg/index.htm")
    assert page.script_loaded and page.next_pages == (
        "http://www.xx.edu.cn/xxgk/api/list.json?columnId=12&pageNo=1&pageSize=15",
    )
    answer = json.dumps({"code": 0, "data": {"total": 25, "list": _records(0, 15)}}, ensure_ascii=False).encode()
    data = parse_column_page(answer, page.next_pages[0], {"content-type": "application/json"}, page)
    assert len(data.entries) == 15 and data.total == 25
    assert data.entries[0].url == "http://www.xx.edu.cn/xxgk/tzgg/detail.jsp?id=700"
    assert data.entries[0].date.isoformat() == _day(0)
    assert data.next_pages == ("http://www.xx.edu.cn/xxgk/api/list.json?columnId=12&pageNo=2&pageSize=15",)
    # a record's own relative address is the page's, as the browser drawing it resolves it (not the data's)
    own = [
        {"title": f"关于做好第{i}项信息公开工作的通知", "url": f"../info/1012/{i}.htm", "date": _day(i)}
        for i in range(3)
    ]
    answer_own = json.dumps({"rows": own}, ensure_ascii=False).encode()
    linked = parse_column_page(answer_own, page.next_pages[0], None, page)
    assert [e.url for e in linked.entries] == [f"http://www.xx.edu.cn/xxgk/info/1012/{i}.htm" for i in range(3)]
    # without the templates the ids link nowhere: unknown, never blank
    alone = parse_column_page(answer, page.next_pages[0], {"content-type": "application/json"})
    assert (alone.entries, alone.blank, alone.script_loaded) == ((), False, True)
    # a stored parse keeps them (an unchanged page is not read again)
    stored = type(page).from_dict(json.loads(json.dumps(page.to_dict())))
    assert (
        (stored.templates, stored.base)
        == (page.templates, page.base)
        == (page.templates, "http://www.xx.edu.cn/xxgk/tzgg/index.htm")
    )


def _site(httpserver, loader: str, answers: dict[str, dict]) -> None:
    def handler(request: Request) -> Response:
        if request.path == "/xxgk/tzgg/index.htm":
            return Response(_page(loader), content_type="text/html; charset=utf-8")
        if request.path == "/xxgk/api/list.json":
            body = answers.get(request.args.get("pageNo", ""), {"code": 1, "msg": "no such page"})
            return Response(json.dumps(body, ensure_ascii=False), content_type="application/json;charset=UTF-8")
        if request.path == "/xxgk/tzgg/list_frag.html":  # what $('#list').load('list_frag.html #items') asks
            rows = "".join(
                f'<li><a href="detail.jsp?id={r["id"]}">{r["title"]}</a><span>{r["publishTime"][:10]}</span></li>'
                for r in _records(0, 12)
            )
            return Response(f'<ul id="items">{rows}</ul>', content_type="text/html; charset=utf-8")
        if request.path == "/inc/list_frag.jsp":  # records alone, linked as the page that draws them links
            rows = "".join(
                f'<li><a href="../info/{r["id"]}.htm">{r["title"]}</a><span>{r["publishTime"][:10]}</span></li>'
                for r in _records(0, 12)
            )
            return Response(rows, content_type="text/html; charset=utf-8")
        if request.path.startswith("/xxgk/info/"):
            return Response(_page("<h1>通知</h1><p>发布时间：2026-09-01</p>"), content_type="text/html; charset=utf-8")
        if request.path == "/xxgk/tzgg/detail.jsp":
            return Response(_page("<h1>通知</h1><p>发布时间：2026-09-01</p>"), content_type="text/html; charset=utf-8")
        return Response("not found", status=404)

    httpserver.clear()
    httpserver.expect_request(re.compile(".*")).respond_with_handler(handler)


def _check(httpserver, tmp_path) -> dict:
    path = tmp_path / "config.toml"
    columns = [("通知公告", "/xxgk/tzgg/index.htm", [2], "党政办公室")]
    path.write_text(config_text(httpserver.url_for("/").rstrip("/"), str(tmp_path / "m.db"), columns=columns), "utf-8")
    (column,) = service.check(load_config(path), NOW).document["columns"]
    return column


# the same list asked by the page's paging function, the page number its argument
_PAGED_LOADER = _LOADER.replace("$(function () {", "function getList(n) {").replace("pageNo: 1", "pageNo: n")
_PAGED_LOADER = _PAGED_LOADER.replace("});\n</script>", "}\n$(function () { getList(1); });\n</script>")


@pytest.mark.parametrize("loader", [_LOADER, _PAGED_LOADER], ids=["literal", "paging-function"])
def test_a_column_whose_script_loads_its_list_is_read_from_that_address(loader, httpserver, tmp_path):
    """Before, such a column read 列表由脚本加载 (unknown) on every run: its 25 entries and their dates went unseen."""
    assert "getList(1)" in _PAGED_LOADER and "pageNo: n" in _PAGED_LOADER
    answers = {str(n): {"data": {"total": 25, "list": _records(15 * (n - 1), 15 if n == 1 else 10)}} for n in (1, 2)}
    _site(httpserver, loader, answers)
    column = _check(httpserver, tmp_path)
    assert (column["entries"], column["status"], column["latest"], column["complete"]) == (25, "ok", _day(0), True)
    served = {e[0].full_path for e in httpserver.log}
    assert {f"/xxgk/tzgg/detail.jsp?id={700 + i}" for i in range(25)} <= served  # the entries' own pages checked
    assert _check(httpserver, tmp_path)["entries"] == 25  # the next run, the page unchanged (its parse reused)


def test_a_list_source_that_answers_nothing_readable_leaves_the_column_unknown(httpserver, tmp_path):
    _site(httpserver, _LOADER, {"1": {"data": {"total": 0, "list": []}}})
    column = _check(httpserver, tmp_path)
    assert column["entries"] == 0 and column["status"] not in ("blank", "ok"), column
    assert "列表由脚本加载（数据地址" in column["reason"] and "/xxgk/api/list.json" in column["reason"]


def test_a_list_source_with_more_records_than_its_pages_give_is_incomplete(httpserver, tmp_path):
    loader = _LOADER.replace("pageNo: 1, ", "")  # no page number to count on
    _site(httpserver, loader, {"": {"data": {"total": 25, "list": _records(0, 15)}}})
    column = _check(httpserver, tmp_path)
    assert (column["entries"], column["complete"]) == (15, False), column
    assert "共 25 条" in column["reason"]


@pytest.mark.parametrize("asked", ["list_frag.html #items", "/inc/list_frag.jsp?col=3"], ids=["list", "records-alone"])
def test_a_list_a_script_loads_as_a_fragment_of_html_is_read(asked, httpserver, tmp_path):
    _site(httpserver, f"<ul id='list'></ul><script>$(function () {{ $('#list').load('{asked}'); }});</script>", {})
    column = _check(httpserver, tmp_path)
    assert (column["entries"], column["status"], column["latest"], column["complete"]) == (12, "ok", _day(0), True)
    if asked.startswith("/inc/"):  # bare <li>s (a body of them read as no list), linked from the page's folder
        assert "/xxgk/info/700.htm" in {e[0].path for e in httpserver.log}


def test_the_markup_a_script_writes():
    code = """document.write("<ul class='list'>");
    document.writeln('<li><a href="a/1.htm">学校' + "章程" + '修订说明</a><span>2026-09-25</span></li>');
    document.write("<li><a href='" + url + "'>" + title + "</a></li>");  // written from variables: left out
    document.write("<li><a href=\\"a/2.htm\\">关于做好信息公开工作的通知</a></li></ul>");"""
    assert scriptsource.written_markup(code) == (
        "<ul class='list'><li><a href=\"a/1.htm\">学校章程修订说明</a><span>2026-09-25</span></li>"
        '<li><a href="a/2.htm">关于做好信息公开工作的通知</a></li></ul>'
    )


@pytest.mark.parametrize(
    ("src", "writes"),
    [
        ("/plus/list.js?typeid=3&row=15", True),  # DedeCMS's JS call
        ("/d/js/class/class3_newnews.js", True),  # 帝国's
        ("/js/news_12.js", True),
        ("/js/jquery.min.js", False),
        ("/js/jquery.SuperSlide.2.1.js", False),
        ("/js/common.js", False),
        ("/js/share.js?v=2", False),
    ],
)
def test_a_script_named_as_a_list_writer(src, writes):
    assert scriptsource.list_writer(src) is writes


_WRITER_ROWS = "".join(
    f"document.write(\"<li><a href='../info/{700 + i}.htm' title='关于做好第{i}项信息公开工作的通知'>关于做好第{i}项"
    f'信息公开工作的通知</a><span>{_day(i)}</span></li>");\n'
    for i in range(12)
)


def _writer_site(httpserver, box: str, script: str | None, charset: str = "utf-8") -> None:
    def handler(request: Request) -> Response:
        if request.path == "/xxgk/tzgg/index.htm":
            page = _page(f"<h2>通知公告</h2>{box}", charset)
            return Response(page.encode(charset, "xmlcharrefreplace"), content_type=f"text/html; charset={charset}")
        if request.path == "/plus/list.js" and script is not None:
            return Response(script.encode(charset), content_type=f"application/javascript; charset={charset}")
        if request.path.startswith("/xxgk/info/"):
            return Response(_page("<h1>通知</h1><p>发布时间：2026-09-01</p>"), content_type="text/html; charset=utf-8")
        return Response("not found", status=404)

    httpserver.clear()
    httpserver.expect_request(re.compile(".*")).respond_with_handler(handler)


_WRITER_BOX = '<div class="list"><script language="javascript" src="/plus/list.js?typeid=3&row=15"></script></div>'


@pytest.mark.parametrize("charset", ["utf-8", "gbk"])
def test_a_list_an_external_script_writes_in_the_column_page_is_read(charset, httpserver, tmp_path):
    """DedeCMS's and 帝国's JS calls: the column page holds only <script src="/plus/list.js?typeid=3"> where its list
    goes, the script writes the rows. Such a column was reported 空白栏目 (栏目中没有任何条目)."""
    _writer_site(httpserver, _WRITER_BOX, _WRITER_ROWS, charset)
    column = _check(httpserver, tmp_path)
    assert (column["entries"], column["status"], column["latest"]) == (12, "ok", _day(0)), column
    served = {e[0].path for e in httpserver.log}
    assert "/xxgk/info/700.htm" in served  # linked as the page links them (../info/ from /xxgk/tzgg/), not the script


def test_a_list_writer_that_cannot_be_read_leaves_the_column_unknown_never_blank(httpserver, tmp_path):
    _writer_site(httpserver, _WRITER_BOX, None)  # the script answers 404
    column = _check(httpserver, tmp_path)
    assert column["entries"] == 0 and column["status"] not in ("blank", "ok"), column
    assert "外部脚本写出" in column["reason"] and "/plus/list.js" in column["reason"]


@pytest.mark.parametrize(
    "box",
    [
        # a script after the empty list, beside it in the main area, is the page's code, not its list's writer
        '<ul class="list"></ul><script src="/plus/list.js?typeid=3"></script>',
        # an async script's document.write is ignored by the browser: a widget's loader in its box
        '<div class="box"><script async src="/plus/list.js?typeid=3"></script></div>',
    ],
    ids=["code-after-the-list", "async"],
)
def test_an_empty_column_whose_page_also_loads_code_stays_blank(box, httpserver, tmp_path):
    _writer_site(httpserver, box, _WRITER_ROWS)
    column = _check(httpserver, tmp_path)
    assert column["status"] == "blank", column
