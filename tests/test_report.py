"""The HTML report: rendered from a real history of runs, checked as HTML and in headless Chromium."""

from __future__ import annotations

import re
from datetime import timedelta
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from monitor import service
from monitor.cli import cli
from monitor.config import load_config
from tests.conftest import NOW, chromium

ARTIFACTS = Path(__file__).parent / "artifacts"


class _Collect(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.external: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        for key in ("src", "href"):
            value = attrs.get(key) or ""
            if tag in ("script", "link", "img", "iframe") and value:
                self.external.append(value)


@pytest.fixture
def report_path(config_path, site):
    config = load_config(config_path)
    for days in (14, 7):  # a history of three runs, a week apart
        service.check(config, NOW - timedelta(days=days))
    return service.check(config, NOW, report=True).report_path


def test_report_is_self_contained_with_50_items_and_a_chart(report_path):
    html = report_path.read_text(encoding="utf-8")
    parser = _Collect()
    parser.feed(html)
    assert parser.external == []  # no scripts, stylesheets or images to fetch
    rows = [a for t, a in parser.tags if t == "tr" and "item" in (a.get("class") or "")]
    assert len(rows) == 50
    assert sum(1 for a in rows if a.get("data-status") == "not_applicable") == 9
    assert sum(1 for t, _ in parser.tags if t == "circle") == 6  # 3 runs x (ok, failing)
    assert "<title>测试职业技术学院 信息公开检查报告 2026-11-23</title>" in html
    assert "@page { size: A4" in html
    assert "空白栏目" in html and "逾期未发布" in html


def test_report_command_writes_the_last_run(config_path, site):
    service.check(load_config(config_path), NOW)
    result = CliRunner().invoke(cli, ["--config", str(config_path), "report", "--today", "2026-11-23"])
    assert result.exit_code == 0, result.output
    path = Path(result.output.strip())
    assert path.name == "report-2026-11-23.html" and path.is_file()


def test_report_escapes_hostile_titles_and_links_only_http(config_path, site):
    site.overrides["/xxgk/jdh/list.htm"] = (
        200,
        (
            "<html><body><ul><li><a href='/info/1/1.htm'>&lt;script&gt;alert(1)&lt;/script&gt;通知</a><span>2020-01-01</span></li>"
            "<li><a href='/info/1/2.htm'>第二条</a><span>2020-01-02</span></li></ul></body></html>"
        ).encode(),
        {"Content-Type": "text/html; charset=utf-8"},
    )
    site.missing.add("/info/1/1.htm")
    result = service.check(load_config(config_path), NOW, report=True)
    html = result.report_path.read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in html
    assert "「&lt;script&gt;alert(1)&lt;/scrip" in html  # the broken-link finding names the title, escaped
    assert not re.search(r'href="(?!https?://)', html)  # missing items have no URL: shown as text, not a link


def test_report_renders_in_headless_chromium(report_path, tmp_path):
    url = report_path.as_uri()
    dom = chromium("--dump-dom", url, profile=tmp_path / "profile").stdout
    assert "测试职业技术学院 信息公开检查报告" in dom
    assert len(re.findall(r'<tr class="item"', dom)) == 50
    assert '<div class="chart" id="trend">' in dom and "<svg" in dom
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "report.png"
    chromium("--window-size=1200,2000", f"--screenshot={shot}", url, profile=tmp_path / "profile")
    assert shot.is_file() and shot.stat().st_size > 10_000
