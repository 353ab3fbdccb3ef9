"""Several columns on one page: 财务信息 with a box for 收费项目, one for 预算决算, one for 受捐赠. Each is configured as
the page's address with its section after # (cwxx.htm#预算决算, or the box's anchor, cwxx.htm#ysjs) and read as a
column of its own: a blank box is a blank column, never hidden by its neighbours' entries. Before, the config refused
a second column on the same page, and the page read as one column held the three boxes' entries together. Pages are
written here in the layouts such pages use (boxes with their heading bar and 更多, headings linking to the section's
list, headings and lists side by side, boxes named by an id or an <a name> anchor); the end-to-end checks run over
loopback with a real SQLite file."""

from __future__ import annotations

import itertools
import json
import re

import pytest
from click.testing import CliRunner
from werkzeug import Request, Response

from monitor import service
from monitor.cli import cli
from monitor.config import ConfigError, load_config
from monitor.parse import parse_column_page
from monitor.sections import UTF8, section_of
from tests.conftest import NOW, config_text

NAMES = ["收费项目", "预算决算", "受捐赠"]
ANCHORS = ["sfxm", "ysjs", "sjz"]


def _rows(k: int, count: int) -> str:
    return "".join(
        f"<li><a href='/info/10{k}1/{300 + i}.htm'>{NAMES[k]}相关文件第{i}号的公告</a><span>2026-11-{20 - i:02d}</span></li>"
        for i in range(count)
    )


def _section(style: str, k: int, count: int) -> str:
    name, anchor = NAMES[k], ANCHORS[k]
    shown = f"<ul>{_rows(k, count)}</ul>" if count else "<ul></ul><p>暂无信息</p>"
    return {
        "box": f"<div class='box'><div class='hd'><h3>{name}</h3><a href='/xxgk/{anchor}.htm'>更多&gt;&gt;</a></div>"
        f"<div class='bd'>{shown}</div></div>",
        "heading-linking": f"<div class='box'><h3><a href='/xxgk/{anchor}.htm'>{name}</a></h3>{shown}</div>",
        "side-by-side": f"<h3>{name}</h3>{shown}",
        "id": f"<div id='{anchor}'><div class='tit'>{name}</div>{shown}</div>",
        "a-name": f"<a name='{anchor}'></a><p class='t'>{name}</p>{shown}",
        "empty-id-anchor": f"<a id='{anchor}'></a><div class='box'><div class='tit'>{name}</div>{shown}</div>",
    }[style]


def _page(style: str, counts: tuple[int, ...], charset: str = "utf-8") -> str:
    menu = "".join(f"<li><a href='/xxgk/cwxx.htm#{n}'>{n}</a></li>" for n in NAMES)  # the site's menu names them too
    sections = "".join(_section(style, k, c) for k, c in enumerate(counts))
    return (
        f"<html><head><meta charset='{charset}'><title>财务信息-测试学院</title></head><body><div class='nav'>"
        f"<a href='/'>首页</a></div><div class='left'><ul>{menu}</ul></div><div class='main'><h2>财务信息</h2>"
        f"{sections}</div><div class='foot'>版权所有 测试学院</div></body></html>"
    )


STYLES = ("box", "heading-linking", "side-by-side", "id", "a-name", "empty-id-anchor")


def _read_right(page, name: str, count: int) -> bool:
    """Whether a section was read as its own column: blank where it shows nothing, else its ``count`` entries."""
    if not count:
        return page.blank and not page.entries
    return not page.blank and len(page.entries) == count and all(e.title.startswith(name) for e in page.entries)


def test_each_section_of_a_page_is_read_as_a_column_of_its_own():
    wrong = []
    for style, counts in itertools.product(STYLES, ((3, 4, 2), (3, 0, 2), (0, 4, 0))):
        for k, name in enumerate(NAMES):
            section = ANCHORS[k] if style in ("id", "a-name", "empty-id-anchor") else name
            body = _page(style, counts, "gbk").encode("gbk")
            page = parse_column_page(body, "http://x.edu.cn/xxgk/cwxx.htm", column=name, section=section)
            if not _read_right(page, name, counts[k]):
                wrong.append((style, counts, name, page.blank, len(page.entries), page.reason[:40]))
    assert not wrong, f"{len(wrong)} read wrong, first: {wrong[:4]}"


def test_a_section_the_page_does_not_hold_is_unknown_never_blank():
    body = _page("box", (3, 0, 2)).encode()
    page = parse_column_page(body, "http://x.edu.cn/xxgk/cwxx.htm", column="学费标准", section="学费标准")
    assert (page.blank, page.entries, page.script_loaded) == (False, (), True)
    assert "找不到栏目所在的小节“学费标准”" in page.reason
    # a tab's label among labels, its pane elsewhere: no section to read, unknown too
    tabs = (
        "<ul class='tabs'><li>收费项目</li><li>预算决算</li></ul><div class='pane'><ul>" + _rows(0, 3) + "</ul></div>"
    )
    html = f"<html><head><title>财务信息</title></head><body><div class='main'>{tabs}</div></body></html>"
    page = parse_column_page(html.encode(), "http://x.edu.cn/xxgk/cwxx.htm", column="预算决算", section="预算决算")
    assert (page.blank, page.script_loaded) == (False, True), page.reason


def _pane(k: int, count: int, tag: str = "div") -> str:
    rows = _rows(k, count)
    if tag == "ul":
        return f"<ul class='list'>{rows}</ul>"
    return f"<{tag}><ul>{rows}</ul></{tag}>" if count else f"<{tag}><ul></ul><p>暂无信息</p></{tag}>"


def _hidden(k: int) -> str:
    return "" if k == 0 else " style='display:none'"


def _panes(counts: tuple[int, ...], attributes) -> str:
    """Each section's pane, a ``<div>`` with the attributes ``attributes(k)`` gives the k-th."""
    return "".join(_pane(k, c).replace("<div>", f"<div {attributes(k)}>", 1) for k, c in enumerate(counts))


def _tabs(style: str, counts: tuple[int, ...]) -> str:
    """A box of tabs, its labels and panes written as college templates write them."""
    n = len(counts)
    if style == "settab":  # the classic script: <li id="one2" onmouseover="setTab('one',2,3)">, panes con_one_N
        labels = "".join(
            f"<li id='one{k + 1}' onmouseover=\"setTab('one',{k + 1},{n})\"{' class=hover' if not k else ''}>"
            f"{NAMES[k]}</li>"
            for k in range(n)
        )
        panes = _panes(counts, lambda k: f"id='con_one_{k + 1}'{_hidden(k)}")
        return f"<div class='tab'><div class='tab_menu'><ul>{labels}</ul></div><div class='tab_con'>{panes}</div></div>"
    if style in ("bootstrap", "pills"):  # labels in a nav bar, each targeting its pane by id: an item's link, or
        # Bootstrap 5's links standing alone, data-bs-target naming the pane
        label, bar = (
            (
                "<li class='nav-item'><a class='nav-link' data-toggle='tab' href='#{a}'>{n}</a></li>",
                "ul class='nav nav-tabs'",
            )
            if style == "bootstrap"
            else (
                "<a class='nav-link' data-bs-toggle='pill' href='#' data-bs-target='#{a}'>{n}</a>",
                "nav class='nav nav-pills'",
            )
        )
        labels = "".join(label.format(a=ANCHORS[k], n=NAMES[k]) for k in range(n))
        panes = _panes(counts, lambda k: f"class='tab-pane' role='tabpanel' id='{ANCHORS[k]}'")
        return f"<{bar}>{labels}</{bar.split()[0]}><div class='tab-content'>{panes}</div>"
    if style == "linked-labels":  # each label links to its full list; the panes are the lists, one shown
        labels = "".join(f"<li><a href='/xxgk/{ANCHORS[k]}.htm'>{NAMES[k]}</a></li>" for k in range(n))
        panes = "".join(
            _pane(k, c, "ul").replace("class='list'", "class='list hide'" if k else "class='list'")
            for k, c in enumerate(counts)
        )
        return (
            f"<div class='news'><div class='hd'><ul>{labels}</ul><a class='more' href='/xxgk/'>更多</a></div>"
            f"<div class='bd'>{panes}</div></div>"
        )
    if style == "table-layout":  # an old template's table: the labels a row of cells, the panes in the next row
        labels = "".join(
            f"<td id='tab{k + 1}' onmouseover='showTab({k + 1})' class='{'tab_on' if not k else 'tab_off'}'>"
            f"{NAMES[k]}</td>"
            for k in range(n)
        )
        panes = _panes(counts, lambda k: f"id='con{k + 1}'{_hidden(k)}")
        return f"<table><tr>{labels}</tr><tr><td colspan='{n}'>{panes}</td></tr></table>"
    # spans side by side with | between them, the panes following them
    labels = " | ".join(f"<span{' class=cur' if not k else ''}>{NAMES[k]}</span>" for k in range(n))
    panes = _panes(counts, lambda k: f"class='con'{_hidden(k)}")
    return f"<div class='tabbox'><div class='tabs'>{labels}</div>{panes}</div>"


TAB_STYLES = ("settab", "bootstrap", "pills", "linked-labels", "spans", "table-layout")


def test_a_tab_names_the_pane_it_shows():
    """A box of tabs (收费项目 | 预算决算 | 受捐赠), each label showing its pane: the section a label names is that
    pane, its blank pane a blank column. Before, 42 of the 45 read unknown (no section found: a label among labels
    has nothing after it, a label in a tab_menu or Bootstrap's nav bar was taken for a menu's) and 3 read every
    pane's entries together (the first of the spans)."""
    wrong = []
    for style, counts in itertools.product(TAB_STYLES, ((3, 4, 2), (3, 0, 2), (0, 4, 0))):
        html = (
            "<html><head><meta charset='gbk'><title>财务信息-测试学院</title></head><body><div class='main'>"
            f"<h2>财务信息</h2>{_tabs(style, counts)}</div><div class='foot'>版权所有 测试学院</div></body></html>"
        )
        for k, name in enumerate(NAMES):
            page = parse_column_page(html.encode("gbk"), "http://x.edu.cn/xxgk/cwxx.htm", column=name, section=name)
            if not _read_right(page, name, counts[k]):
                wrong.append((style, counts, name, page.blank, len(page.entries), page.reason[:40]))
    assert not wrong, f"{len(wrong)} of {len(TAB_STYLES) * 9} read wrong, first: {wrong[:4]}"


def test_a_column_named_as_one_of_its_pages_tabs_is_that_tabs_pane_with_no_section_given():
    """A column configured as the page's address alone (cwxx.htm), named as one of the page's tabs that a script
    switches (a handler on the labels, the shown one marked, the others' panes hidden): its pane is the column, a
    blank pane a blank column. Before, every pane's entries were read together: the blank 预算决算 was ok."""
    wrong = []
    styles = {
        **{s: s for s in ("settab", "bootstrap", "pills", "spans", "table-layout")},
        "marked-linked-labels": "linked-labels",
    }
    for style, counts in itertools.product(styles, ((3, 4, 2), (3, 0, 2))):
        tabs = _tabs(styles[style], counts)
        if style == "marked-linked-labels":  # the shown tab marked, the labels switching the panes on hover
            tabs = tabs.replace("<li>", "<li onmouseover='show(this)'>").replace("<li ", "<li class='on' ", 1)
        html = (
            "<html><head><title>财务信息-测试学院</title></head><body><div class='main'><h2>财务信息</h2>"
            f"{tabs}</div></body></html>"
        )
        for k, name in enumerate(NAMES):
            page = parse_column_page(html.encode(), "http://x.edu.cn/xxgk/cwxx.htm", column=name)
            if not _read_right(page, name, counts[k]):
                wrong.append((style, counts, name, page.blank, len(page.entries)))
    assert not wrong, f"{len(wrong)} of {len(styles) * 6} read wrong, first: {wrong[:4]}"


def test_a_menu_or_a_skip_link_naming_the_column_is_no_tab():
    """The site's menu names the column among its items, each with a dropdown hidden until hovered, the current one
    marked; a skip link (跳到内容) targets the content: the column's page is read whole, as before."""
    items = ["首页", "学校概况", "通知公告", "信息公开"]
    menu = (
        "<ul class='menu'>"
        + "".join(
            f"<li{' class=on' if n == '通知公告' else ''}><a href='/{k}/'>{n}</a>"
            f"<ul class='sub' style='display:none'><li><a href='/{k}/a.htm'>子栏目</a></li></ul></li>"
            for k, n in enumerate(items)
        )
        + "</ul>"
    )
    blocks = "".join(f"<div class='blk'><p>{w}</p></div>" for w in ("地址", "电话", "邮编", "备案"))
    rows = "".join(
        f"<li><a href='/info/1001/{300 + i}.htm'>通知公告第{i}号的正文标题</a><span>2026-11-{20 - i:02d}</span></li>"
        for i in range(4)
    )
    html = (
        "<html><head><title>通知公告-测试学院</title></head><body><a href='#content'>跳到内容</a> "
        f"<a href='#menu'>跳到导航</a><div class='head'>{menu}</div><div class='foot4' style='display:none'>{blocks}</div>"
        f"<div id='content'><h2>通知公告</h2><ul>{rows}</ul></div></body></html>"
    )
    for name in ("通知公告", "跳到内容"):
        page = parse_column_page(html.encode(), "http://x.edu.cn/tzgg.htm", column=name)
        assert (page.blank, len(page.entries)) == (False, 4), (name, page.reason)


@pytest.mark.parametrize("marker", ["heading", "breadcrumb"])
def test_the_columns_own_page_is_read_whole_beside_a_widget_of_tabs_naming_it(marker):
    """The column's own list page (its heading or breadcrumb names it, 15 entries) with a widget of tabs in its
    sidebar (通知公告 | 学校新闻, the latest five of each): the column is the page's list, not the widget's pane."""
    rows = "".join(
        f"<li><a href='/info/1001/{300 + i}.htm'>通知公告第{i}号的正文标题</a><span>2026-11-{20 - i:02d}</span></li>"
        for i in range(15)
    )
    panes = "".join(
        f"<div id='con_w_{k + 1}'{_hidden(k)}><ul>"
        + "".join(f"<li><a href='/info/100{k + 1}/{500 + i}.htm'>{n}第{i}条</a></li>" for i in range(5))
        + "</ul></div>"
        for k, n in enumerate(("通知公告", "学校新闻"))
    )
    widget = (
        "<div class='side'><div class='tab'><ul><li class='on' onmouseover=\"setTab('w',1,2)\">通知公告</li>"
        f"<li onmouseover=\"setTab('w',2,2)\">学校新闻</li></ul></div><div class='tabcon'>{panes}</div></div>"
    )
    named = "<h2>通知公告</h2>" if marker == "heading" else "<div class='pos'>当前位置：首页 &gt; 通知公告</div>"
    html = (
        f"<html><head><title>测试学院</title></head><body>{widget}<div class='main'>{named}<ul>{rows}</ul></div>"
        "</body></html>"
    )
    page = parse_column_page(html.encode(), "http://x.edu.cn/tzgg.htm", column="通知公告")
    assert len(page.entries) == 15 and all("/info/1001/3" in e.url for e in page.entries), page.entries[:2]


HEADING_FORMS = {  # a box's heading as templates write it round the words a column's address gives
    "bilingual": "{n}<span>BUDGET</span>",
    "english-first": "<span>BUDGET</span>{n}",
    "english-after-a-slash": "{n} / Budget",
    "spaced": "{spaced}",
    "lenticular": "【{n}】",
    "bullet": "■ {n}",
    "colon": "{n}：",
    "count": "{n}（3）",
}


def test_a_section_is_found_by_its_headings_words_whatever_the_template_writes_round_them():
    """The heading 预算决算<span>BUDGET</span> (a bilingual template), 【预算决算】, 预 算 决 算, 预算决算（3）: the column
    cwxx.htm#预算决算 is that box. Before, only a heading of exactly those words was found: unknown, 找不到栏目所在的小节;
    and monitor discover proposed the section as 预算决算BUDGET."""
    from monitor.sections import section_names

    wrong = []
    for form, written in HEADING_FORMS.items():
        boxes = "".join(
            f"<div class='box'><div class='hd'><h3>{written.format(n=n, spaced=' '.join(n))}</h3></div>"
            f"<div class='bd'><ul>{_rows(k, 2 + k)}</ul></div></div>"
            for k, n in enumerate(NAMES)
        )
        html = f"<html><head><title>财务信息</title></head><body><div class='main'><h2>财务信息</h2>{boxes}</div></body></html>"
        for k, name in enumerate(NAMES):
            page = parse_column_page(html.encode(), "http://x.edu.cn/xxgk/cwxx.htm", column=name, section=name)
            if len(page.entries) != 2 + k or not all(e.title.startswith(name) for e in page.entries):
                wrong.append((form, name, len(page.entries), page.reason[:30]))
        if section_names(html.encode(), UTF8)[1:] != NAMES:
            wrong.append((form, "discover", section_names(html.encode(), UTF8)))
    assert not wrong, f"{len(wrong)} read wrong, first: {wrong[:4]}"


def _serve(httpserver, counts: tuple[int, ...]) -> None:
    article = "<html><head><title>公告</title></head><body><h1>公告</h1><p>发布时间：2026-11-20</p></body></html>"

    def handle(request: Request) -> Response:
        if request.path == "/xxgk/cwxx.htm":
            return Response(_page("box", counts), content_type="text/html; charset=utf-8")
        if request.path.startswith("/info/"):
            return Response(article, content_type="text/html; charset=utf-8")
        return Response("not found", status=404)

    httpserver.expect_request(re.compile(".*")).respond_with_handler(handle)


def _config(tmp_path, httpserver) -> str:
    path = tmp_path / "config.toml"
    columns = [(n, f"/xxgk/cwxx.htm#{n}", [i], "计划财务处") for n, i in zip(NAMES, (15, 19, 17), strict=True)]
    path.write_text(config_text(httpserver.url_for("/"), str(tmp_path / "m.db"), columns), encoding="utf-8")
    return str(path)


def test_a_blank_box_beside_full_ones_is_a_blank_column_run_after_run(tmp_path, httpserver):
    _serve(httpserver, (3, 0, 2))
    config = load_config(_config(tmp_path, httpserver))
    for _ in range(2):  # the second run reuses the stored parse of the shared page: per section, never another's
        columns = {c["name"]: c for c in service.check(config, NOW).document["columns"]}
        assert {n: (c["status"], c["entries"]) for n, c in columns.items()} == {
            "收费项目": ("ok", 3),
            "预算决算": ("blank", 0),
            "受捐赠": ("ok", 2),
        }


def test_monitor_read_reads_the_section_its_address_names(tmp_path, httpserver):
    _serve(httpserver, (3, 0, 2))
    url = httpserver.url_for("/xxgk/cwxx.htm")
    runner = CliRunner()
    read = runner.invoke(cli, ["--config", str(tmp_path / "none.toml"), "read", f"{url}#受捐赠", "--format", "json"])
    assert read.exit_code == 0, read.output
    assert [e["title"][:3] for e in json.loads(read.output)["column"]["entries"]] == ["受捐赠", "受捐赠"]
    blank = runner.invoke(cli, ["--config", _config(tmp_path, httpserver), "read", f"{url}#预算决算"])
    assert blank.exit_code == 0 and "空白" in blank.output, blank.output


def test_two_columns_of_one_page_need_their_sections(tmp_path):
    base = "https://www.example.edu.cn"
    two = [
        ("收费项目", "/xxgk/cwxx.htm#收费项目", [15], "计划财务处"),
        ("预算决算", "/xxgk/cwxx.htm#预算决算", [19], "计划财务处"),
    ]
    path = tmp_path / "config.toml"
    path.write_text(config_text(base, "m.db", two), encoding="utf-8")
    assert [c.url for c in load_config(path).columns] == [
        base + "/xxgk/cwxx.htm#收费项目",
        base + "/xxgk/cwxx.htm#预算决算",
    ]
    same = [two[0], ("预算决算", "/xxgk/cwxx.htm", [19], "计划财务处"), ("其他", "/xxgk/cwxx.htm", [17], "计划财务处")]
    path.write_text(config_text(base, "m.db", same), encoding="utf-8")
    with pytest.raises(ConfigError, match=r"columns\[2\]\.url: .* is already columns\[1\]\.url .*cwxx\.htm#预算决算"):
        load_config(path)


@pytest.mark.parametrize(
    ("url", "section"),
    [
        ("https://x.edu.cn/xxgk/cwxx.htm#预算决算", "预算决算"),
        ("https://x.edu.cn/xxgk/cwxx.htm#ysjs", "ysjs"),
        ("https://x.edu.cn/#/xxgk/list?id=3", ""),  # a script's route (a hash router): the page as it is, no section
        ("https://x.edu.cn/index.html#!/news", ""),
        ("https://x.edu.cn/xxgk/cwxx.htm", ""),
    ],
)
def test_a_columns_section_is_what_its_address_names_after_the_hash_unless_a_route(url, section):
    assert section_of(url) == section


def test_a_section_percent_encoded_as_a_gbk_sites_links_write_it_is_found():
    """cwxx.htm#%D4%A4%CB%E3%BE%F6%CB%E3 (预算决算 in GBK, as a GBK site's own links encode it, copied from one) names
    the same box as #预算决算. Before, it was read as UTF-8: no such section, unknown."""
    from urllib.parse import quote

    body = _page("box", (3, 4, 2)).encode()
    for fragment in (quote("预算决算"), quote("预算决算".encode("gbk"))):
        page = parse_column_page(body, "http://x.edu.cn/xxgk/cwxx.htm", column="预算决算", section=fragment)
        assert _read_right(page, "预算决算", 4), (fragment, page.reason)
