"""`monitor check` end to end: config -> real HTTP crawl of the fixture site -> SQLite -> verdict."""

from __future__ import annotations

import json
import socket

import pytest
from click.testing import CliRunner

from monitor import service
from monitor.cli import cli
from monitor.config import load_config
from monitor.store import open_store
from tests.conftest import NOW, config_text

# column path -> (status, distinct entries over all pages, latest date)
EXPECTED_COLUMNS = {
    "/xxgk/zszc.htm": ("ok", 25, "2026-04-20"),  # VSB count-down pages, pinned 2019 entry first
    "/zcwj/list.htm": ("ok", 12, "2025-09-03"),  # WebPlus list.htm + list2.htm
    "/xxgk/fzgh/list.htm": ("ok", 6, "2026-03-02"),  # split day / year-month dates
    "/xxgk/cwzc/index.html": ("ok", 10, "2026-09-08"),  # TRS GBK createPageHTML, [MM-DD] + year in URL
    "/a/zbgg/list_12_1.html": ("stale", 6, "2026-02-10"),  # rolling 180 days
    "/news.asp?classid=5": ("ok", 7, "2026-10-15"),  # ?page=N
    "/xxgk/ysjs/index.htm": ("ok", 4, "2026-07-20"),  # table of PDFs
    "/xxgk/xswyh.htm": ("blank", 0, None),  # 共0条
    "/xxgk/jdh/list.htm": ("blank", 0, None),  # 暂无内容
    "/xxgk/hzbx/list.htm": ("broken", 0, None),  # 404
    "/xxgk/lxs/list.htm": ("broken", 0, None),  # soft 404
    "/xxgk/ndbg/list.htm": ("overdue", 3, "2025-10-28"),  # 2025-2026 report missing after 10-31
    "/xxgk/xbqy/list.htm": ("ok", 0, None),  # 本校无校办企业
    "/xxgk/jyqk/list.htm": ("ok", 3, "2026-07-01"),  # no dates in the list: dated by the entries' addresses
    "/col/col16/index.html": ("unknown", 0, None),  # filled by a script
}

EXPECTED_ITEMS = {
    2: "ok",
    3: "blank",
    4: "blank",
    5: "ok",
    6: "overdue",
    7: "ok",
    8: "ok",
    9: "ok",
    10: "ok",
    15: "ok",
    16: "unknown",
    17: "ok",
    18: "stale",
    19: "broken",
    20: "broken",
    25: "broken",
    32: "ok",
    47: "broken",
    48: "broken",
}
NOT_APPLICABLE_AT_GAOZHI = {11, 12, 13, 14, 30, 43, 44, 45, 46}
# unconfigured items evidenced by entries of other columns (规章制度 carries many rules; 财务制度 a 收费 rule)
INFERRED = {21: "stale", 24: "ok", 26: "ok", 36: "ok", 38: "ok", 39: "ok", 40: "ok", 42: "ok"}


def run_check(config_path, *args):
    result = CliRunner().invoke(
        cli, ["--config", str(config_path), "check", "--format", "json", "--today", "2026-11-23", *args]
    )
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, json.loads(result.stdout)


def test_check_json_reports_every_column_exactly(config_path, base_url):
    code, doc = run_check(config_path)
    assert code == 1
    assert doc["site"] == "测试职业技术学院"
    assert doc["run"]["status"] == "ok"
    columns = {c["url"][len(base_url) :]: c for c in doc["columns"]}
    assert set(columns) == set(EXPECTED_COLUMNS)
    for path, (status, entries, latest) in EXPECTED_COLUMNS.items():
        got = columns[path]
        assert (got["status"], got["entries"], got["latest"]) == (status, entries, latest), path


def test_check_json_item_statuses(config_path):
    _, doc = run_check(config_path)
    items = {i["id"]: i for i in doc["items"]}
    assert len(items) == 50
    for item_id, status in EXPECTED_ITEMS.items():
        assert items[item_id]["status"] == status, (item_id, items[item_id])
    for item_id in NOT_APPLICABLE_AT_GAOZHI:
        assert items[item_id]["status"] == "not_applicable"
    configured = {i for c in doc["columns"] for i in c["items"]}
    for item_id, item in items.items():
        if item_id not in configured and item_id not in NOT_APPLICABLE_AT_GAOZHI:
            assert item["status"] == INFERRED.get(item_id, "missing"), item_id
    assert items[36]["evidence"] == [
        {
            "type": "entry",
            "title": "学生学籍管理办法",
            "column": "规章制度",
            "url": items[36]["evidence"][0]["url"],
            "date": "2025-09-01",
        }
    ]
    assert items[36]["reason"] == "由栏目「规章制度」中的「学生学籍管理办法」（2025-09-01）证明"
    assert items[7]["evidence"][0]["type"] == "column" and items[7]["evidence"][0]["title"] == "招生章程"
    assert items[7]["department"] == "招生就业处"
    assert items[7]["latest"] == "2026-04-20"
    summary = doc["summary"]
    assert summary["items"] == 50
    assert summary["not_applicable"] == len(NOT_APPLICABLE_AT_GAOZHI)
    assert summary["unknown"] == 1
    assert summary["ok"] + summary["failing"] + summary["not_applicable"] + summary["unknown"] == 50


def test_check_json_findings(config_path, base_url):
    _, doc = run_check(config_path)
    by_kind: dict[str, set] = {}
    for f in doc["findings"]:
        by_kind.setdefault(f["kind"], set()).add((f["item"], f["url"].replace(base_url, "")))
        assert f["first_seen"] == "2026-11-23" and f["open_days"] == 0
        assert f["detail"]
    assert by_kind["broken"] == {
        (25, "/show.asp?id=999"),  # a broken entry link
        (19, "/upload/2024bmjs.pdf"),  # a missing PDF in the table
        (47, "/xxgk/hzbx/list.htm"),  # a 404 column
        (48, "/xxgk/lxs/list.htm"),  # a soft-404 column
    }
    assert by_kind["blank"] == {(3, "/xxgk/jdh/list.htm"), (4, "/xxgk/xswyh.htm")}
    assert by_kind["stale"] == {(18, "/a/zbgg/list_12_1.html"), (21, "/xxgk/cwzc/202503/t20250304_7010.html")}
    assert by_kind["overdue"] == {(6, "/xxgk/ndbg/list.htm")}
    assert (1, "") in by_kind["missing"] and (33, "") in by_kind["missing"]
    assert not any(item in NOT_APPLICABLE_AT_GAOZHI for item, _ in by_kind["missing"])
    assert "unreachable" not in by_kind
    stale = next(f for f in doc["findings"] if f["kind"] == "stale")
    assert stale["detail"] == "最新信息发布于 2026-02-10，已超过 180 天"


def test_check_fetches_only_configured_hosts_and_honours_robots(config_path, site):
    run_check(config_path)
    paths = [r.path for r in site.log]
    assert "/robots.txt" in paths
    assert not any(p.startswith("/private/") for p in paths)
    assert all(r.headers.get("User-Agent", "").startswith("xxgk-monitor/") for r in site.log)
    assert "xxgk@test.example.edu.cn" in site.log[0].headers["User-Agent"]
    config = load_config(config_path)
    store = open_store(config.storage_path)
    links = store.links(["http://www.moe.example.org/jyb/2026.html"])
    assert links["http://www.moe.example.org/jyb/2026.html"].ok  # recorded, not requested
    assert links["http://www.moe.example.org/jyb/2026.html"].status is None
    store.close()


def test_check_table_output_is_chinese_with_exit_1(config_path):
    result = CliRunner().invoke(cli, ["--config", str(config_path), "check", "--today", "2026-11-23"])
    assert result.exit_code == 1
    for word in ("空白栏目", "未及时更新", "逾期未发布", "链接失效", "未公开", "不适用", "无法判断", "招生就业处"):
        assert word in result.output


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_check_site_down_with_empty_database_exits_3_and_reports_unknown(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text(config_text(f"http://127.0.0.1:{free_port()}"), encoding="utf-8")
    code, doc = run_check(path)
    assert code == 3
    assert doc["run"]["status"] == "failed"
    statuses = {i["id"]: i["status"] for i in doc["items"]}
    assert {statuses[i] for i in EXPECTED_ITEMS} == {"unknown"}
    assert [f["kind"] for f in doc["findings"]] == ["unreachable"]
    assert all(c["status"] == "unknown" for c in doc["columns"])


def test_findings_lifecycle_across_runs(config_path, site, tmp_path):
    config = load_config(config_path)
    first = service.check(config, NOW)
    opened = {(f.kind, f.url) for f in first.findings}
    assert ("blank", config.columns[8].url) in opened
    # the office fills the 教代会 column and fixes the broken link; a week later the monitor runs again
    site.overrides["/xxgk/jdh/list.htm"] = (
        200,
        (
            "<html><body><ul><li><a href='/2026/1120/c9a1/page.htm'>第三届教职工代表大会第二次会议工作报告</a>"
            "<span>2026-11-20</span></li><li><a href='/2026/0310/c9a2/page.htm'>教代会提案办理情况</a>"
            "<span>2026-03-10</span></li></ul></body></html>"
        ).encode(),
        {"Content-Type": "text/html; charset=utf-8"},
    )
    site.missing.clear()
    later = NOW.replace(day=30)
    second = service.check(config, later)
    still = {(f.kind, f.url): f for f in second.findings}
    assert ("blank", config.columns[8].url) not in still
    assert not any(f.url.endswith("/show.asp?id=999") for f in second.findings)
    kept = still[("blank", config.columns[7].url)]
    assert kept.first_seen.startswith("2026-11-23") and kept.last_seen.startswith("2026-11-30")
    blank = next(f for f in second.document["findings"] if f["kind"] == "blank")
    assert (blank["first_seen"], blank["open_days"]) == ("2026-11-23", 7)
    store = open_store(config.storage_path)
    resolved = [f for f in store.findings(config.site.name) if f.resolved_at]
    assert {f.kind for f in resolved} >= {"blank", "broken"}
    assert all(f.resolved_at.startswith("2026-11-30") for f in resolved)
    store.close()


def test_failed_run_resolves_nothing(config_path, httpserver):
    config = load_config(config_path)
    first = service.check(config, NOW)
    before = {f.id for f in first.findings}
    httpserver.stop()
    try:
        second = service.check(config, NOW.replace(day=24))
    finally:
        httpserver.start()
    assert second.exit_code == 3
    after = {f.id for f in second.findings}
    assert before <= after  # nothing resolved
    assert [f.kind for f in second.findings if f.id not in before] == ["unreachable"]
    items = {i["id"]: i["status"] for i in second.document["items"]}
    assert items[3] == "unknown" and items[1] == "unknown"


def test_no_crawl_re_evaluates_the_last_run(config_path, site):
    run_check(config_path)
    requests = len(site.log)
    code, doc = run_check(config_path, "--no-crawl")
    assert len(site.log) == requests
    assert code == 1
    assert doc["summary"]["unknown"] == 1


def test_no_crawl_without_a_run_says_what_to_do(config_path):
    result = CliRunner().invoke(cli, ["--config", str(config_path), "check", "--no-crawl"])
    assert result.exit_code == 2
    assert "without --no-crawl first" in result.output


@pytest.mark.parametrize("level", ["本科"])
def test_level_benke_makes_graduate_items_missing_not_na(tmp_path, site, base_url, level):
    path = tmp_path / "config.toml"
    path.write_text(config_text(base_url).replace('level = "高职"', f'level = "{level}"'), encoding="utf-8")
    _, doc = run_check(path)
    items = {i["id"]: i["status"] for i in doc["items"]}
    assert items[11] == "missing" and items[43] == "missing"


def test_inference_can_be_switched_off(tmp_path, site, base_url):
    path = tmp_path / "config.toml"
    path.write_text(config_text(base_url, extra="[checklist]\ninfer = false\n"), encoding="utf-8")
    _, doc = run_check(path)
    items = {i["id"]: i["status"] for i in doc["items"]}
    assert all(items[i] == "missing" for i in INFERRED)


def test_checklist_overrides_applicability_and_max_age(tmp_path, site, base_url):
    extra = '[checklist]\nnot_applicable = [1]\napplicable = [11]\n[checklist.max_age_days]\n"18" = 400\n'
    path = tmp_path / "config.toml"
    path.write_text(config_text(base_url, extra=extra), encoding="utf-8")
    _, doc = run_check(path)
    items = {i["id"]: i for i in doc["items"]}
    assert (items[1]["status"], items[1]["reason"]) == ("not_applicable", "配置为不适用")
    assert items[11]["status"] == "missing"  # a 高职 college running a joint graduate programme
    assert items[18]["status"] == "ok"  # 2026-02-10 is within the overridden 400 days


def test_entries_on_the_colleges_other_hosts_are_link_checked_and_other_domains_are_not(httpserver, tmp_path):
    """A column on xxgk.ahu.edu.cn listing entries on zsb.ahu.edu.cn (the admissions office's own host): those are
    the college's pages, so a dead one is a broken link; a link to www.moe.gov.cn is recorded, never requested."""
    from pytest_httpserver import HTTPServer

    from tests.sitekit import HostMap

    zsb = HTTPServer(host="127.0.0.1", port=0)
    zsb.start()
    try:
        article = "<html><body><h1>2026年招生章程</h1><div>发布时间：2026-06-01</div><p>" + "章程正文。" * 40
        zsb.expect_request("/info/1.htm").respond_with_data(article + "</p></body></html>", content_type="text/html")
        zsb.expect_request("/info/2.htm").respond_with_data("not found", status=404)
        rows = (
            '<li><a href="http://zsb.ahu.edu.cn/info/1.htm">2026年普通本科招生章程</a><span>2026-06-01</span></li>'
            '<li><a href="http://zsb.ahu.edu.cn/info/2.htm">2026年分省招生计划</a><span>2026-06-02</span></li>'
            '<li><a href="http://www.moe.gov.cn/srcsite/a.html">教育部关于做好2026年普通高校招生工作的通知</a>'
            "<span>2026-03-10</span></li>"
        )
        page = f'<html><head><meta charset="utf-8"><title>招生章程</title></head><body><ul class="list">{rows}</ul>'
        for server in (httpserver, zsb):
            server.expect_request("/robots.txt").respond_with_data("", status=404)
        httpserver.expect_request("/index.htm").respond_with_data("<html><body>信息公开</body></html>")
        httpserver.expect_request("/zszc/list.htm").respond_with_data(page + "</body></html>", content_type="text/html")
        columns = [("招生章程", "/zszc/list.htm", [7], "招生就业处")]
        config_path = tmp_path / "config.toml"
        db = str(tmp_path / "m.db")
        config_path.write_text(config_text("http://xxgk.ahu.edu.cn", db, columns), encoding="utf-8")
        ports = {"xxgk.ahu.edu.cn": httpserver.port, "zsb.ahu.edu.cn": zsb.port}
        result = service.check(load_config(config_path), NOW, transport=HostMap(ports))
        broken = {f.url for f in result.findings if f.kind == "broken"}
        assert broken == {"http://zsb.ahu.edu.cn/info/2.htm"}
        assert sorted(r.path for r, _ in zsb.log) == ["/info/1.htm", "/info/2.htm", "/robots.txt"]
        with open_store(db) as store:
            links = store.links(["http://www.moe.gov.cn/srcsite/a.html"])
        moe = links["http://www.moe.gov.cn/srcsite/a.html"]
        assert (moe.ok, moe.error, moe.status) == (True, "未检查：不在配置的站点范围内", None)
    finally:
        zsb.clear()
        zsb.stop()
