"""`monitor discover`: a config proposed from the site gives the same verdict as the hand-written one."""

from __future__ import annotations

import tomllib

from click.testing import CliRunner

from monitor import service
from monitor.cli import cli
from monitor.config import load_config
from tests.conftest import NOW, config_text

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
