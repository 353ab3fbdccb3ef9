"""`monitor discover`: a config proposed from the site gives the same verdict as the hand-written one."""

from __future__ import annotations

import re
import tomllib

import pytest
from click.testing import CliRunner

from monitor import service
from monitor.cli import cli
from monitor.config import load_config
from tests.conftest import NOW, config_text
from tests.sitekit import HostMap

HEAD = """[site]
name = "测试职业技术学院"
base_url = "{base}/index.htm"
level = "高职"

[crawl]
delay = 0
timeout = 5
retries = 0

[storage]
path = "{db}"
"""


def test_discover_reads_the_list_table_and_column_names(tmp_path, site, base_url):
    path = tmp_path / "config.toml"
    path.write_text(HEAD.format(base=base_url, db="d.db"), encoding="utf-8")
    result = CliRunner().invoke(cli, ["--config", str(path), "discover", f"{base_url}/xxgk/index.htm"])
    assert result.exit_code == 0, result.output
    proposal = tomllib.loads(result.stdout)
    columns = {c["url"].replace(base_url, ""): c for c in proposal["columns"]}
    assert columns["/xxgk/zszc.htm"]["items"] == [7, 8, 9, 10]  # from the 清单 table
    assert columns["/xxgk/zszc.htm"]["department"] == "招生就业处"
    assert columns["/xxgk/zszc.htm"]["name"] == "招生章程"  # the menu's name
    assert columns["/a/zbgg/list_12_1.html"]["items"] == [18]  # only in the menu: found by its name
    assert columns["/xxgk/jyqk/list.htm"]["items"] == [32]
    assert "/xxgk/zszc/2.htm" not in columns  # pagination is not a column
    assert "# 事项 18：置信度 0.90，栏目名称含“招标”" in result.stdout
    assert "# 事项 7：置信度 1.00，本校信息公开清单第 7 项" in result.stdout
    assert set(proposal["departments"]) == {"招生就业处", "党政办公室", "工会", "计划财务处", "人事处", "国际交流处"}
    assert "覆盖 / coverage:" in result.stderr and "not found:" in result.stderr


def test_discovered_config_gives_the_same_statuses_as_the_hand_written_one(tmp_path, site, base_url):
    hand = tmp_path / "hand.toml"
    hand.write_text(config_text(base_url, db="hand.db"), encoding="utf-8")
    found = tmp_path / "found.toml"
    found.write_text(HEAD.format(base=base_url, db="found.db"), encoding="utf-8")
    result = CliRunner().invoke(cli, ["--config", str(found), "discover", f"{base_url}/xxgk/index.htm", "--write"])
    assert result.exit_code == 0, result.output
    by_hand = service.check(load_config(hand), NOW).document
    discovered = service.check(load_config(found), NOW).document
    assert [(i["id"], i["status"]) for i in discovered["items"]] == [(i["id"], i["status"]) for i in by_hand["items"]]
    assert len(load_config(found).columns) >= 15


def _discover_mapped(start: str, ports: dict[str, int]):
    """Discovery from ``start`` (the fixture college's settings) over real HTTP, host names mapped to ``ports``."""
    import asyncio

    from monitor.config import CrawlConfig
    from monitor.discover import discover_async

    crawl = CrawlConfig(delay=0, retries=0, timeout=5)
    return asyncio.run(discover_async(start, crawl, "测试职业技术学院", "高职", 300, 2, transport=HostMap(ports)))


def test_discovery_from_the_home_page_follows_the_link_to_the_colleges_xxgk_host(httpserver, site):
    """Colleges keep 信息公开 on a host of its own (xxgk.…): from the home page (what a province file lists),
    discovery follows the 信息公开 link there and finds the columns; other hosts stay out."""
    from pytest_httpserver import HTTPServer

    portal = HTTPServer(host="127.0.0.1", port=0)
    home = (
        "<html><head><meta charset='utf-8'><title>示例大学</title></head><body><ul class='nav'>"
        "<li><a href='http://xxgk.ahu.edu.cn/xxgk/index.htm'>信息公开</a></li>"
        "<li><a href='http://news.ahu.edu.cn/'>新闻网</a></li><li><a href='/about.htm'>学校概况</a></li></ul></body></html>"
    )
    portal.expect_request("/").respond_with_data(home, content_type="text/html; charset=utf-8")
    portal.expect_request("/robots.txt").respond_with_data("", status=404)
    portal.start()
    try:
        ports = {"www.ahu.edu.cn": portal.port, "xxgk.ahu.edu.cn": httpserver.port, "news.ahu.edu.cn": 9}
        found = _discover_mapped("http://www.ahu.edu.cn/", ports)
    finally:
        portal.stop()
    urls = {p.url for p in found.proposals}
    assert "http://xxgk.ahu.edu.cn/xxgk/zszc.htm" in urls and len(found.proposals) >= 15
    assert all(u.startswith("http://xxgk.ahu.edu.cn/") for u in urls)  # the news host was never followed


def test_discovery_follows_a_redirect_to_another_host_of_the_same_college(httpserver, site):
    """example.edu.cn redirecting to www.example.edu.cn was out of scope: discovery read nothing and a province
    check then called every item missing. A redirect within the college's domain is followed."""
    from pytest_httpserver import HTTPServer

    bare = HTTPServer(host="127.0.0.1", port=0)
    bare.expect_request("/").respond_with_data(
        "", status=301, headers={"Location": "http://www.ahu.edu.cn/xxgk/index.htm"}
    )
    bare.expect_request("/robots.txt").respond_with_data("", status=404)
    bare.start()
    try:
        ports = {"ahu.edu.cn": bare.port, "www.ahu.edu.cn": httpserver.port}
        found = _discover_mapped("http://ahu.edu.cn/", ports)
    finally:
        bare.stop()
    assert found.answered and len(found.proposals) >= 15
    assert "http://www.ahu.edu.cn/xxgk/zszc.htm" in {p.url for p in found.proposals}


def test_a_gbk_sites_columns_named_in_the_query_are_proposed_as_its_browsers_ask_them(httpserver):
    """An ASP site in GBK: its menu links list.asp?class=招生章程. Proposed as written, the address would be sent in
    UTF-8 and name no column on the server (an empty page: a blank column the site does not have)."""
    from urllib.parse import quote

    from monitor.discover import discover

    gbk = quote("招生章程", encoding="gbk")
    rows = "".join(
        f"<li><a href='show.asp?id={i}'>测试学院2026年招生章程第{i}号</a><span>2026-09-0{i}</span></li>"
        for i in range(1, 6)
    )

    def handler(request):
        from werkzeug import Response

        if request.path == "/list.asp" and request.query_string.decode() == f"class={gbk}":
            body = f"<html><head><title>招生章程</title></head><body><h2>招生章程</h2><ul>{rows}</ul></body></html>"
        else:
            body = "<html><head><title>信息公开</title></head><body><a href='list.asp?class=招生章程'>招生章程</a></body></html>"
        return Response(body.encode("gbk"), content_type="text/html; charset=gbk")

    httpserver.expect_request(re.compile(".*")).respond_with_handler(handler)
    found = discover(httpserver.url_for("/xxgk.asp"))
    urls = {p.url for p in found.proposals}
    assert httpserver.url_for(f"/list.asp?class={gbk}") in urls


@pytest.mark.parametrize(
    "menu",
    [
        "<a href='javascript:void(0)' onclick=\"window.location.href='/xxgk/zszc.jsp'\">招生章程</a>",
        "<script>function openColumn(id){location.href='/xxgk/list.jsp?cid=' + id;}</script>"
        "<a href=\"javascript:openColumn('zszc')\">招生章程</a>",
        # a 信息公开目录 tree (zTree) drawn from nodes the page's script carries: no link in the HTML at all
        "<ul id='tree' class='ztree'></ul><script>var zNodes = [{id: 1, pId: 0, name: '信息公开目录', open: true},"
        " {id: 11, pId: 1, name: '招生章程', url: '/xxgk/zszc.jsp', target: '_self'}];"
        " $.fn.zTree.init($('#tree'), setting, zNodes);</script>",
    ],
)
def test_columns_a_menus_script_opens_are_proposed(httpserver, menu):
    """The 信息公开 page's menu opens its columns by script (its own address, or a function the page defines)."""
    from werkzeug import Response

    from monitor.discover import discover

    rows = "".join(
        f"<li><a href='/info/{i}.htm'>测试学院2026年招生章程第{i}号</a><span>2026-09-0{i}</span></li>"
        for i in range(1, 6)
    )

    def handler(request):
        if request.path in ("/xxgk/zszc.jsp", "/xxgk/list.jsp"):
            body = f"<html><head><title>招生章程</title></head><body><h2>招生章程</h2><ul>{rows}</ul></body></html>"
        else:
            body = f"<html><head><title>信息公开</title></head><body>{menu}</body></html>"
        return Response(body, content_type="text/html; charset=utf-8")

    httpserver.expect_request(re.compile(".*")).respond_with_handler(handler)
    found = discover(httpserver.url_for("/xxgk.htm"))
    assert {p.url for p in found.proposals} & {
        httpserver.url_for("/xxgk/zszc.jsp"),
        httpserver.url_for("/xxgk/list.jsp?cid=zszc"),
    }


def test_a_column_whose_script_loads_its_list_is_voted_for_by_the_entries_it_loads(httpserver):
    """The column page holds no entry: its $.ajax asks /xxgk/api/list.json for them. Its name (通知公告) names no
    item; the titles its list loads do (招生章程), as on the page a browser shows."""
    import json

    from werkzeug import Response

    from monitor.discover import discover

    records = [
        {"title": f"测试学院2026年招生章程第{i}号", "url": f"/info/{i}.htm", "date": f"2026-09-0{i}"}
        for i in range(1, 6)
    ]
    loader = "<script>$.ajax({url: '/xxgk/api/list.json', data: {columnId: 12}, success: draw});</script>"

    def handler(request):
        if request.path == "/xxgk/api/list.json":
            return Response(json.dumps({"rows": records}, ensure_ascii=False), content_type="application/json")
        if request.path == "/xxgk/tzgg.htm":
            body = f"<html><head><title>通知公告</title></head><body><h2>通知公告</h2><ul id='list'></ul>{loader}</body></html>"
        else:
            body = "<html><head><title>信息公开</title></head><body><a href='/xxgk/tzgg.htm'>通知公告</a></body></html>"
        return Response(body, content_type="text/html; charset=utf-8")

    httpserver.expect_request(re.compile(".*")).respond_with_handler(handler)
    found = discover(httpserver.url_for("/xxgk.htm"))
    (column,) = [p for p in found.proposals if p.url == httpserver.url_for("/xxgk/tzgg.htm")]
    assert 7 in column.items and "5/5 条信息标题" in column.items[7][1]


@pytest.mark.parametrize("more", [False, True])
def test_a_page_of_several_columns_boxes_is_proposed_as_a_column_per_section(httpserver, more):
    """财务信息 shows a box each for 收费项目, 预算决算 and 受捐赠 (one of them empty). With no list of their own, each box is
    a column at the page's address and its heading (cwxx.htm#预算决算), the page itself none; where each box links
    to its own list (更多>>), those lists are the columns, as before."""
    from werkzeug import Response

    from monitor.discover import discover

    names = {"收费项目": [21], "预算决算": [19, 20], "受捐赠": [16]}

    def box(k: int, name: str) -> str:
        rows = "".join(
            f"<li><a href='/info/10{k}1/{300 + i}.htm'>{name}公示第{i}号</a><span>2026-09-0{i + 1}</span></li>"
            for i in range(0 if k == 1 else 3)
        )
        link = f"<a href='/xxgk/list{k}.htm'>更多&gt;&gt;</a>" if more else ""
        return f"<div class='box'><div class='hd'><h3>{name}</h3>{link}</div><ul>{rows}</ul></div>"

    boxes = "".join(box(k, n) for k, n in enumerate(names))
    pages = {
        "/xxgk/index.htm": "<html><head><title>信息公开</title></head><body><a href='/xxgk/cwxx.htm'>财务信息</a></body></html>",
        "/xxgk/cwxx.htm": f"<html><head><title>财务信息</title></head><body><h2>财务信息</h2>{boxes}</body></html>",
    }
    for k, name in enumerate(names):
        rows = "".join(
            f"<li><a href='/info/10{k}1/{300 + i}.htm'>{name}公示第{i}号</a><span>2026-09-0{i + 1}</span></li>"
            for i in range(3)
        )
        pages[f"/xxgk/list{k}.htm"] = (
            f"<html><head><title>{name}</title></head><body><h2>{name}</h2><ul>{rows}</ul></body></html>"
        )

    def handler(request):
        page = pages.get(request.path)
        return Response(page or "not found", status=200 if page else 404, content_type="text/html; charset=utf-8")

    httpserver.expect_request(re.compile(".*")).respond_with_handler(handler)
    found = discover(httpserver.url_for("/xxgk/index.htm"))
    proposed = {p.url: sorted(p.items) for p in found.proposals}
    if more:
        assert {
            httpserver.url_for(f"/xxgk/list{k}.htm"): items for k, items in enumerate(names.values())
        }.items() <= proposed.items()
        assert not [u for u in proposed if "#" in u]
    else:
        page = httpserver.url_for("/xxgk/cwxx.htm")
        assert proposed == {f"{page}#{name}": items for name, items in names.items()}


@pytest.mark.parametrize("style", ["settab", "bootstrap", "pills", "spans"])
def test_a_page_of_tabs_is_proposed_as_a_column_per_tab(httpserver, style):
    """财务信息 shows its three columns as tabs (收费项目 | 预算决算 | 受捐赠), one pane empty, none linking to a list of
    its own: each tab is a column at the page's address and its label (cwxx.htm#预算决算). Before, only headings were
    sections: the page was proposed as one column."""
    from werkzeug import Response

    from monitor.discover import discover
    from tests.test_sections import NAMES, _tabs

    page = (
        "<html><head><title>财务信息</title></head><body><div class='main'><h2>财务信息</h2>"
        f"{_tabs(style, (3, 0, 2))}</div></body></html>"
    )
    pages = {
        "/xxgk/index.htm": "<html><head><title>信息公开</title></head><body><a href='/xxgk/cwxx.htm'>财务信息</a></body></html>",
        "/xxgk/cwxx.htm": page,
    }

    def handler(request):
        body = pages.get(request.path)
        return Response(body or "not found", status=200 if body else 404, content_type="text/html; charset=utf-8")

    httpserver.expect_request(re.compile(".*")).respond_with_handler(handler)
    found = discover(httpserver.url_for("/xxgk/index.htm"))
    at = httpserver.url_for("/xxgk/cwxx.htm")
    assert {p.url: sorted(p.items) for p in found.proposals} == {
        f"{at}#{name}": items for name, items in zip(NAMES, ([21], [19, 20], [16]), strict=True)
    }
