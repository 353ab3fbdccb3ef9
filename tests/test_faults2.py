"""Faults and bad input, round two: each failure a hostile tester found, reproduced, and kept fixed.

(The failed fetch that resolved a finding is in tests/test_outages.py, with the other partial outages.)
"""

from __future__ import annotations

import asyncio
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from monitor import service
from monitor.cli import cli
from monitor.config import CrawlConfig, load_config
from monitor.fetch import Fetcher
from monitor.store import open_store
from tests.conftest import NOW, config_text
from tests.faultserver import FaultServer


def _run(args: list[str]):
    """The CLI with exceptions not caught by the runner: a traceback fails the test instead of hiding."""
    return CliRunner().invoke(cli, args, catch_exceptions=False)


def _one_line_exit_2(result) -> str:
    assert result.exit_code == 2, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, lines
    return lines[0]


def _config(tmp_path: Path, base: str = "http://127.0.0.1:9", crawl: str = "", extra: str = "", db: str = "") -> Path:
    text = config_text(base, db or str(tmp_path / "m.db"), columns=[("招生章程", "/zs/", [23], "招生办")], crawl=crawl)
    path = tmp_path / "config.toml"
    path.write_text(text + "\n" + extra, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("change", "expect"),
    [
        (("timeout = 5", "timeout = nan"), "crawl.timeout: expected a finite number, got nan"),
        (("timeout = 5", "timeout = inf"), "crawl.timeout: expected a finite number"),
        (("delay = 0", "delay = 0\nmax_body_mb = nan"), "crawl.max_body_mb: expected a finite number"),
        (("delay = 0", "delay = 0\nmax_request_seconds = nan"), "crawl.max_request_seconds: expected a finite number"),
        (('base_url = "http://127.0.0.1:9/index.htm"', 'base_url = "http://[::1"'), "site.base_url:"),
        (('url = "http://127.0.0.1:9/zs/"', 'url = "http://127.0.0.1:99999/zs/"'), "columns[0].url:"),
        (('path = "', 'path = "" #'), "storage.path: must not be empty"),
        (('name = "测试职业技术学院"', 'name = "' + "校" * 600_000 + '"'), "site.name: is 600000 characters long"),
        (('name = "测试职业技术学院"', 'name = "a\\u001b[31mb"'), "site.name: contains a control character"),
    ],
)
def test_bad_config_values_exit_2_with_one_line(tmp_path, change, expect):
    path = _config(tmp_path)
    text = path.read_text(encoding="utf-8")
    assert change[0] in text
    path.write_text(text.replace(change[0], change[1], 1), encoding="utf-8")
    line = _one_line_exit_2(_run(["--config", str(path), "check", "--no-wait"]))
    assert expect in line
    assert len(line) < 400  # a huge value is not echoed back whole


@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31", "1900-02-28", "2026-02-30", "tomorrow"])
def test_cli_dates_outside_the_calendar_exit_2(tmp_path, day):
    path = _config(tmp_path)
    for args in (["check", "--no-crawl", "--today", day], ["stats", "--from", day], ["report", "--today", day]):
        result = _run(["--config", str(path), *args])
        assert result.exit_code == 2, (args, result.output)
        assert "Traceback" not in result.output
    assert _run(["--config", str(path), "digest", "--dry-run", "--week", "0001-W01"]).exit_code == 2


def test_lock_that_cannot_be_created_is_not_a_held_lock(tmp_path):
    path = _config(tmp_path, db="/proc/xxgk-monitor/m.db")
    for args in (["check"], ["check", "--no-wait"]):
        line = _one_line_exit_2(_run(["--config", str(path), *args]))
        assert "cannot create" in line and "another crawl" not in line


def test_foreign_sqlite_file_is_refused_before_anything_is_written(tmp_path):
    foreign = tmp_path / "other.db"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount REAL)")
    conn.commit()
    conn.close()
    before = foreign.read_bytes()
    line = _one_line_exit_2(_run(["--config", str(_config(tmp_path, db=str(foreign))), "check"]))
    assert "another program" in line
    assert foreign.read_bytes() == before
    assert {r[0] for r in sqlite3.connect(foreign).execute("SELECT name FROM sqlite_master")} == {"invoices"}


def _read_only_mount_works() -> bool:
    try:
        proc = subprocess.run(
            ["unshare", "-m", "sh", "-c", "mount --bind /tmp /tmp && mount -o remount,bind,ro /tmp"],
            capture_output=True,
            timeout=30,
        )
    except (OSError, subprocess.TimeoutExpired):
        return False
    return proc.returncode == 0


def test_storage_on_a_read_only_file_system_gives_one_line(tmp_path):
    """A read-only file system (or file, or folder: the same refusal) answers only when written to."""
    if not _read_only_mount_works():
        pytest.skip("no mount namespace here to make a read-only file system (needs root and unshare)")
    store_dir = tmp_path / "data"
    store_dir.mkdir()
    open_store(store_dir / "m.db").close()  # a valid monitor database, then the folder becomes read-only
    path = _config(tmp_path, db=str(store_dir / "m.db"))
    monitor = f"{sys.executable} -m monitor --config {path} check --no-wait"
    script = f"mount --bind {store_dir} {store_dir} && mount -o remount,bind,ro {store_dir} && exec {monitor}"
    proc = subprocess.run(["unshare", "-m", "sh", "-c", script], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr
    assert proc.stderr.strip().count("\n") == 0
    assert "m.db" in proc.stderr and "read-only" in proc.stderr.lower()


def _no_robots(httpserver) -> None:
    httpserver.expect_request("/robots.txt").respond_with_data("", status=404)  # (unmatched paths answer 500)


def test_rehearsal_changes_no_history(httpserver, tmp_path):
    _no_robots(httpserver)
    httpserver.expect_request("/index.htm").respond_with_data(
        "<html><body>首页</body></html>", content_type="text/html"
    )
    httpserver.expect_request("/zs/").respond_with_data(
        "<html><body><p>暂无内容</p></body></html>", content_type="text/html"
    )
    path = _config(tmp_path, base=httpserver.url_for("/").rstrip("/"))
    config = load_config(path)
    service.check(config, NOW)  # the real run: a blank column
    store = open_store(config.storage_path)
    before = [(f.id, f.kind, f.first_seen, f.last_seen, f.resolved_at) for f in store.findings(config.site.name)]
    store.close()
    assert "blank" in [k for _, k, *_ in before]
    rehearsal = _run(["--config", str(path), "check", "--today", "9999-12-31"])
    assert rehearsal.exit_code == 2  # out of range is refused outright
    rehearsal = _run(["--config", str(path), "check", "--today", "2027-06-30", "--format", "json"])
    assert rehearsal.exit_code == 1
    store = open_store(config.storage_path)
    after = [(f.id, f.kind, f.first_seen, f.last_seen, f.resolved_at) for f in store.findings(config.site.name)]
    runs = store.runs(config.site.name)
    store.close()
    assert after == before  # nothing opened, touched or resolved
    assert all(r.started_at < "2027" for r in runs)  # the rehearsal's crawl is stored with the real clock
    service.check(config, NOW.replace(day=24))  # the next ordinary run carries on the same history
    store = open_store(config.storage_path)
    again = {f.id: f.first_seen for f in store.open_findings(config.site.name)}
    store.close()
    assert again == {i: first for i, _, first, _, resolved in before if resolved is None}


def test_control_characters_never_reach_reports_or_digests(httpserver, tmp_path):
    hostile = "招生章程\x1b[31m红色\x1b[0m\x07\x9b2J"
    _no_robots(httpserver)
    httpserver.expect_request("/index.htm").respond_with_data(
        "<html><body>首页</body></html>", content_type="text/html"
    )
    httpserver.expect_request("/zs/").respond_with_data(
        f"<html><body><ul><li><a href='/zs/1.htm'>{hostile}</a><span>2026-11-20</span></li>"
        f"<li><a href='/zs/2.htm' title='{hostile}'>x</a><span>2019-01-01</span></li></ul></body></html>",
        content_type="text/html; charset=utf-8",
    )
    httpserver.expect_request("/zs/1.htm").respond_with_data(
        f"<html><head><title>{hostile}</title></head><body><h1>{hostile}</h1></body></html>", content_type="text/html"
    )
    path = _config(tmp_path, base=httpserver.url_for("/").rstrip("/"))
    config = load_config(path)
    result = service.check(config, NOW, report=True)
    written = [result.report_path.read_text(encoding="utf-8")]
    assert _run(["--config", str(path), "digest", "--dry-run", "--today", "2026-11-23"]).exit_code in (0, 1)
    written += [p.read_text(encoding="utf-8") for p in config.reports_dir.glob("digest-*")]
    assert len(written) >= 3
    store = open_store(config.storage_path)
    titles = [e.title for e in store.entries(config.columns[0].url, result.run.id)]
    store.close()
    assert "招生章程[31m红色" in "".join(titles)  # the ESC byte is gone, the harmless rest stays
    for text in [*written, *titles]:
        assert not any(ch in text for ch in "\x1b\x07\x9b"), text[:200]


ODD_LINKS = """<html><head><meta charset="utf-8"><title>招生章程</title><base href="http://[base-broken/"></head><body>
<ul class="list">
<li><a href="http://[ccpa-preferences]/x.htm">隐私设置</a><span>2026-10-01</span></li>
<li><a href="http://127.0.0.1:notaport/y.htm">端口错误的链接</a><span>2026-10-02</span></li>
<li><a href="/info/1001/2001.htm">2026年招生章程</a><span>2026-10-03</span></li>
<li><a href="/info/1001/2002.htm">2026年招生计划</a><span>2026-10-04</span></li>
<li><a href="/r">一条跳转到无效地址的信息</a><span>2026-10-05</span></li>
</ul></body></html>"""


def test_links_no_url_parser_accepts_never_stop_a_crawl(tmp_path, httpserver):
    """Found on a real page (a consent link written as http://[ccpa-preferences]): urljoin raised ValueError out of
    parse_list, which ended the column and the run. Such links, a <base> of that kind and a redirect to one are
    now skipped or reported, and the rest of the list is read."""
    from monitor.parse import parse_article, parse_list

    page = parse_list(ODD_LINKS.encode(), "http://example.edu.cn/zs/")
    assert [e.title for e in page.entries][-3:] == ["2026年招生章程", "2026年招生计划", "一条跳转到无效地址的信息"]
    assert all("ccpa" not in e.url and "notaport" not in e.url for e in page.entries)
    assert parse_article(ODD_LINKS.encode(), "http://example.edu.cn/a.htm").title == "招生章程"
    with FaultServer() as server:

        async def go():
            async with Fetcher(CrawlConfig(delay=0, robots=False), {f"127.0.0.1:{server.port}"}) as f:
                return await f.get(f"http://127.0.0.1:{server.port}/badlocation")

        resp = asyncio.run(go())
    # an answer, not an exception out of the fetcher (httpx refuses the header itself; join_url guards the rest)
    assert resp.status is None and resp.error_kind in ("protocol", "bad_redirect") and "location" in resp.error.lower()
    httpserver.expect_request("/zs/").respond_with_data(ODD_LINKS, content_type="text/html; charset=utf-8")
    httpserver.expect_request("/robots.txt").respond_with_data("", status=404)
    config = load_config(_config(tmp_path, httpserver.url_for("/").rstrip("/")))
    result = service.check(config, NOW)
    assert result.run.status in ("ok", "partial")
    column = result.document["columns"][0]
    assert column["status"] == "ok" and column["entries"] == 3
