"""`monitor stats`: entries published in a 学年, per column and category, distinct, in three formats."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

from click.testing import CliRunner

from monitor import service
from monitor.cli import cli
from monitor.config import load_config
from monitor.stats import last_academic_year
from tests.conftest import NOW

# counted by hand from tests/fixtures/make_site.py for 2025-09-01 .. 2026-08-31: (count, first, last)
EXPECTED = {
    "招生章程": (4, "2026-01-15", "2026-04-20"),
    "规章制度": (3, "2025-09-01", "2025-09-03"),
    "发展规划": (2, "2026-02-26", "2026-03-02"),
    "财务制度": (2, "2025-11-20", "2026-05-11"),
    "招标采购": (5, "2025-09-15", "2026-02-10"),
    "人事招聘": (5, "2025-12-10", "2026-06-01"),
    "预算决算": (2, "2026-03-25", "2026-07-20"),
    "学术委员会": (0, None, None),
    "教代会": (2, "2026-03-10", "2026-06-01"),  # one of its two entries is also listed under 人事招聘
    "中外合作办学": (0, None, None),
    "来华留学生": (0, None, None),
    "信息公开年度报告": (1, "2025-10-28", "2025-10-28"),
    "校办企业": (0, None, None),
    "就业情况": (1, "2026-07-01", "2026-07-01"),  # the list has no dates: taken from the article
    "受捐赠财产": (0, None, None),
}
TOTAL = sum(c for c, _, _ in EXPECTED.values()) - 1  # the shared entry counts once


def crawl(config_path, site):
    site.overrides["/xxgk/jdh/list.htm"] = (
        200,
        (
            "<html><body><ul><li><a href='/show.asp?id=879'>2026年高层次人才引进公告</a><span>2026-06-01</span></li>"
            "<li><a href='/2026/0310/c9a2/page.htm'>教代会提案办理情况</a><span>2026-03-10</span></li></ul></body></html>"
        ).encode(),
        {"Content-Type": "text/html; charset=utf-8"},
    )
    service.check(load_config(config_path), NOW)


def run(config_path, *args):
    result = CliRunner().invoke(
        cli, ["--config", str(config_path), "stats", "--from", "2025-09-01", "--to", "2026-08-31", *args]
    )
    assert result.exit_code == 0, result.output
    return result.stdout


def test_last_academic_year():
    assert last_academic_year(dt.date(2026, 11, 23)) == (dt.date(2025, 9, 1), dt.date(2026, 8, 31))
    assert last_academic_year(dt.date(2026, 8, 31)) == (dt.date(2024, 9, 1), dt.date(2025, 8, 31))
    assert last_academic_year(dt.date(2026, 9, 1)) == (dt.date(2025, 9, 1), dt.date(2026, 8, 31))


def test_stats_json_counts_each_column_and_distinct_total(config_path, site):
    crawl(config_path, site)
    doc = json.loads(run(config_path, "--format", "json"))
    assert (doc["from"], doc["to"]) == ("2025-09-01", "2026-08-31")
    got = {c["name"]: (c["count"], c["first"], c["last"]) for c in doc["columns"]}
    assert got == EXPECTED
    assert doc["total"] == TOTAL == 26
    assert doc["overlap"]["entries"] == 1
    assert sorted(doc["overlap"]["examples"][0]["columns"]) == ["人事招聘", "教代会"]
    complete = {c["name"]: c["complete"] for c in doc["columns"]}
    assert complete["招生章程"] and complete["财务制度"] and not complete["中外合作办学"]  # the 404 column
    categories = {c["category"]: c["count"] for c in doc["categories"]}
    assert categories["招生考试信息"] == 4
    assert categories["基本信息"] == 3 + 2 + 2 + 1  # 规章制度, 发展规划, 教代会, 年度报告
    assert categories["人事师资信息"] == 5
    assert categories["学位、学科信息"] == 0
    assert doc["sentence"].startswith(f"新增主动公开信息{TOTAL}条，其中")


def test_stats_csv_and_table_carry_the_same_numbers(config_path, site):
    crawl(config_path, site)
    rows = list(csv.DictReader(io.StringIO(run(config_path, "--format", "csv"))))
    columns = {r["name"]: int(r["count"]) for r in rows if r["type"] == "column"}
    assert columns == {name: c for name, (c, _, _) in EXPECTED.items()}
    assert [int(r["count"]) for r in rows if r["type"] == "total"] == [TOTAL]
    table = run(config_path)
    assert "合计（去重）" in table and "是否" not in table
    assert f"新增主动公开信息{TOTAL}条" in table


def test_stats_backfill_crawls_first(config_path, site):
    doc = json.loads(run(config_path, "--format", "json", "--backfill"))
    assert doc["total"] == TOTAL - 1  # without the 教代会 override: 25 distinct entries
    assert any(r.path == "/xxgk/zszc/1.htm" for r in site.log)  # the oldest page was reached


def test_the_report_carries_the_stats_table_ready_to_paste(config_path, site):
    crawl(config_path, site)
    path = service.write_report(load_config(config_path), NOW)
    html = path.read_text(encoding="utf-8")
    assert "年度报告统计（2025-09-01 至 2026-08-31）" in html
    assert f"新增主动公开信息{TOTAL}条" in html
