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
from monitor.sections import section_of
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


def test_each_section_of_a_page_is_read_as_a_column_of_its_own():
    wrong = []
    for style, counts in itertools.product(STYLES, ((3, 4, 2), (3, 0, 2), (0, 4, 0))):
        for k, name in enumerate(NAMES):
            section = ANCHORS[k] if style in ("id", "a-name", "empty-id-anchor") else name
            body = _page(style, counts, "gbk").encode("gbk")
            page = parse_column_page(body, "http://x.edu.cn/xxgk/cwxx.htm", column=name, section=section)
            right = (
                page.blank and not page.entries
                if not counts[k]
                else not page.blank
                and len(page.entries) == counts[k]
                and all(e.title.startswith(name) for e in page.entries)
            )
            if not right:
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
