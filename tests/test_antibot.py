"""Sites behind an anti-bot firewall (瑞数 412, 加速乐 521, a 200 page that sets a cookie and reloads): the monitor
cannot see the column, so its items are unknown with the reason, never broken links or blank columns sent to a
department. Served over loopback as such firewalls answer a client that runs no JavaScript."""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo

import pytest
from werkzeug import Request, Response

from monitor import service
from monitor.antibot import challenge
from monitor.config import load_config
from tests.conftest import config_text

NOW = dt.datetime(2026, 9, 30, 8, 0, tzinfo=zoneinfo.ZoneInfo("Asia/Shanghai"))

# what the firewalls answer, cut to their shape (a script that computes a cookie, then loads the page again)
RUISHU = (
    '<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">'
    '<meta id="9DhefwqGPrzGxEp9hPaoag" content="QmpL.Y2hhbGxlbmdl" r="m"><script type="text/javascript" r="m">'
    "$_ts=window['$_ts'];if(!$_ts)$_ts={};$_ts.nsd=12345;$_ts.cd=\"qEsqrr\";</script>"
    '<script type="text/javascript" charset="utf-8" src="/4QbVtADbnLVIc/d.FxJzG50F.dfe1675.js" r="m"></script>'
    "</head><body></body></html>"
)
JIASULE = (
    "<html><body><script>document.cookie=('_')+('_')+('j')+('s')+('l')+('_')+('c')+('l')+('e')+('a')+('r')+"
    "('a')+('n')+('c')+('e')+('=')+(+new Date())+';max-age=3600;path=/';location.href=location.pathname+"
    "location.search</script></body></html>"
)
COOKIE_RELOAD = (
    "<html><head><title></title></head><body><script>var x='8a7c';document.cookie='srcurl='+x+';path=/;';"
    "window.location.reload();</script><noscript>请开启JavaScript并刷新该页</noscript></body></html>"
)
BLOCK_PAGE = (
    "<html><head><title>网站防火墙</title></head><body><h1>您的请求带有不合法参数，已被网站管理员设置拦截！</h1>"
    "<p>可能原因：您提交的内容包含危险的攻击请求</p></body></html>"
)


@pytest.mark.parametrize(
    ("status", "body", "headers", "product"),
    [
        (412, RUISHU, {}, "瑞数"),
        (521, JIASULE, {}, "加速乐"),
        (200, COOKIE_RELOAD, {}, "脚本验证"),
        (403, BLOCK_PAGE, {}, "防火墙"),
        (403, "<html><title>Just a moment...</title></html>", {"cf-mitigated": "challenge"}, "Cloudflare"),
        (412, "", {}, "反爬虫"),  # a HEAD: no body, but 412 to a request without preconditions says it
    ],
)
def test_firewall_answers_are_recognised(status, body, headers, product):
    assert product in challenge(status, headers, body.encode())


@pytest.mark.parametrize(
    ("status", "body"),
    [
        (
            200,
            "<html><body><h1>通知公告</h1><ul><li><a href='/info/1.htm'>关于安全狗软件采购的通知</a></li></ul>"
            + "<p>"
            + "学校网站安全防护工作持续推进。" * 40
            + "</p></body></html>",
        ),
        (200, "<html><script>document.cookie='lang=zh';location.href='/index.htm'</script></html>"),  # a forwarder
        (404, "<html><body>页面不存在</body></html>"),
        (503, "<html><body>Service Unavailable</body></html>"),
    ],
)
def test_pages_and_plain_errors_are_not_firewalls(status, body):
    assert challenge(status, {}, body.encode()) == ""


def _page(body: str) -> str:
    return f'<html><head><meta charset="utf-8"><title>栏目-测试学院</title></head><body>{body}</body></html>'


def test_columns_behind_a_firewall_are_unknown_never_broken_or_blank(httpserver, tmp_path):
    rows = "".join(
        f'<li><a href="/info/1011/{100 + i}.htm">通知标题第{i}号关于工作安排</a><span>2026-09-{25 - i:02d}</span></li>'
        for i in range(5)
    )
    answers = {
        "/index.htm": (200, _page("<h1>首页</h1>")),
        "/xxgk/rs.htm": (412, RUISHU),
        "/xxgk/jsl.htm": (521, JIASULE),
        "/xxgk/ck.htm": (200, COOKIE_RELOAD),
        "/xxgk/ok.htm": (200, _page(f'<ul class="list">{rows}</ul>')),
    }

    def handler(request: Request) -> Response:
        if request.path in answers:
            status, body = answers[request.path]
            return Response(body, status=status, content_type="text/html; charset=utf-8")
        if re.match(r"/info/1011/10[0-4]\.htm$", request.path):  # the articles, behind 瑞数 as well
            return Response(RUISHU, status=412, content_type="text/html; charset=utf-8")
        return Response("not found", status=404)

    httpserver.expect_request(re.compile(".*")).respond_with_handler(handler)
    columns = [
        ("瑞数栏目", "/xxgk/rs.htm", [2], "党政办公室"),
        ("加速乐栏目", "/xxgk/jsl.htm", [3], "党政办公室"),
        ("脚本验证栏目", "/xxgk/ck.htm", [4], "党政办公室"),
        ("正常栏目", "/xxgk/ok.htm", [5], "党政办公室"),
    ]
    path = tmp_path / "config.toml"
    path.write_text(config_text(httpserver.url_for("/").rstrip("/"), str(tmp_path / "m.db"), columns=columns), "utf-8")
    document = service.check(load_config(path), NOW).document
    by_name = {c["name"]: c for c in document["columns"]}
    for name in ("瑞数栏目", "加速乐栏目", "脚本验证栏目"):
        column = by_name[name]
        assert column["status"] == "unknown", column
        assert "反爬虫验证" in column["reason"] and "白名单" in column["reason"]
    assert by_name["正常栏目"]["status"] == "ok" and by_name["正常栏目"]["entries"] == 5
    kinds = {f["kind"] for f in document["findings"]}
    assert "blank" not in kinds
    # the articles answered 412 too: not checked, so no broken link is reported for them
    assert not [f for f in document["findings"] if f["kind"] == "broken"], document["findings"]


def test_discover_says_a_firewall_answered_instead_of_the_site(httpserver, tmp_path):
    # the whole site behind 瑞数: discovery finds no column, and says why instead of leaving the user guessing
    httpserver.expect_request(re.compile(".*")).respond_with_data(RUISHU, status=412, content_type="text/html")
    from click.testing import CliRunner

    from monitor.cli import cli

    result = CliRunner().invoke(
        cli, ["--config", str(tmp_path / "none.toml"), "discover", httpserver.url_for("/xxgk/"), "--max-pages", "3"]
    )
    assert result.exit_code == 0, result.output
    assert "反爬虫验证" in result.output and "白名单" in result.output


def test_a_plain_403_is_broken_with_both_likely_causes(httpserver, tmp_path):
    # no firewall page, just 403: the column does not open for the monitor; the report names campus-only access and
    # a refusal of non-browser requests, with the setting that answers the second
    httpserver.expect_request("/xxgk/cw.htm").respond_with_data("Forbidden", status=403, content_type="text/plain")
    httpserver.expect_request("/index.htm").respond_with_data(_page("<h1>首页</h1>"), content_type="text/html")
    httpserver.expect_request("/robots.txt").respond_with_data("", status=404)
    path = tmp_path / "config.toml"
    columns = [("财务信息", "/xxgk/cw.htm", [19], "财务处")]
    path.write_text(config_text(httpserver.url_for("/").rstrip("/"), str(tmp_path / "m.db"), columns=columns), "utf-8")
    (column,) = service.check(load_config(path), NOW).document["columns"]
    assert column["status"] == "broken", (column["status"], column["reason"])
    assert "仅限校园网" in column["reason"] and "user_agent" in column["reason"]
