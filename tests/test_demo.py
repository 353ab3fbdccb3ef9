"""`monitor demo` and `monitor init`: the first five minutes, with no network."""

from __future__ import annotations

import datetime as dt
import json
import zoneinfo

from click.testing import CliRunner

from monitor.cli import cli
from monitor.config import load_config
from monitor.demo.run import run_demo
from monitor.demo.site import build

SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")


def test_demo_site_pages_move_with_today():
    a = build(dt.date(2026, 11, 23))
    b = build(dt.date(2027, 3, 1))
    assert set(a) != set(b) or a["/xxgk/gzzd.htm"].body != b["/xxgk/gzzd.htm"].body
    assert any(p.content_type == "text/html" for p in a.values())  # the GBK (TRS) pages declare gb2312 only


def _statuses(result):
    return {i["id"]: i["status"] for i in result.check.document["items"]}


def test_demo_shows_the_same_picture_on_any_day(tmp_path):
    for day in (dt.date(2026, 11, 23), dt.date(2027, 1, 5), dt.date(2027, 6, 30), dt.date(2027, 10, 31)):
        now = dt.datetime(day.year, day.month, day.day, 9, 0, tzinfo=SHANGHAI)
        result = run_demo(tmp_path / day.isoformat(), now)
        statuses = _statuses(result)
        assert result.check.run.status == "ok", day
        assert (statuses[3], statuses[4]) == ("blank", "blank"), day  # 共0条; 暂无内容
        assert statuses[6] == "overdue", day
        assert statuses[18] == "stale", day
        assert statuses[19] == "broken", day  # a broken attachment
        assert statuses[16] == "unknown", day  # a list filled by a script
        assert statuses[22] == "missing", day
        assert statuses[2] == "ok" and statuses[7] == "ok" and statuses[33] == "ok", day
        columns = {c["name"]: c for c in result.check.document["columns"]}
        assert columns["规章制度"]["entries"] == 28 and columns["规章制度"]["pages"] == 3, day
        assert result.check.report_path.is_file()


def test_demo_command_prints_table_and_report_path(tmp_path):
    result = CliRunner().invoke(cli, ["demo", "--dir", str(tmp_path / "d")])
    assert result.exit_code == 0, result.output
    assert "示范职业技术学院" in result.output and "空白栏目" in result.output
    assert "报告 / report:" in result.output and str(tmp_path / "d" / "reports") in result.output
    again = CliRunner().invoke(cli, ["demo", "--dir", str(tmp_path / "d"), "--format", "json"])
    assert again.exit_code == 0
    doc = json.loads(again.stdout)
    assert doc["run"]["id"] == 1  # each demo starts afresh
    assert doc["report"].endswith(".html")


def test_init_writes_a_config_that_loads(tmp_path):
    path = tmp_path / "config.toml"
    runner = CliRunner()
    result = runner.invoke(
        cli,
        [
            "--config",
            str(path),
            "init",
            "--name",
            "某某职业技术学院",
            "--url",
            "https://www.mmzy.edu.cn/",
            "--level",
            "高职",
        ],
    )
    assert result.exit_code == 0, result.output
    config = load_config(path)
    assert config.site.name == "某某职业技术学院" and config.site.level == "高职"
    assert "[[columns]]" in path.read_text(encoding="utf-8")
    refused = runner.invoke(
        cli, ["--config", str(path), "init", "--name", "x", "--url", "https://x.edu.cn/", "--level", "本科"]
    )
    assert refused.exit_code == 2 and "already exists" in refused.output
