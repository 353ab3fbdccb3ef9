"""The command line reads naturally: --config before or after the command (or $MONITOR_CONFIG), --format with
help everywhere, and a check table that fits an 80-column terminal."""

from __future__ import annotations

import unicodedata

import pytest
from click.testing import CliRunner

from monitor.checklist import load_checklist
from monitor.cli import cli


def cells(line: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)


def test_config_before_or_after_the_command_or_from_the_environment(config_path):
    runner = CliRunner()
    first = runner.invoke(cli, ["--config", str(config_path), "check", "--format", "json"])
    assert first.exit_code == 1, first.output
    for args, env in (
        (["check", "--config", str(config_path), "--no-crawl", "--format", "json"], {}),
        (["check", "-c", str(config_path), "--no-crawl", "--format", "json"], {}),
        (["check", "--no-crawl", "--format", "json"], {"MONITOR_CONFIG": str(config_path)}),
        (["--config", "nowhere.toml", "check", "--config", str(config_path), "--no-crawl", "--format", "json"], {}),
    ):
        result = runner.invoke(cli, args, env=env)
        assert result.exit_code == 1, (args, result.output)
        assert '"items"' in result.output


@pytest.mark.parametrize(
    "command", ["check", "crawl", "status", "stats", "digest", "report", "discover", "run", "read"]
)
def test_every_command_takes_config_and_explains_format(command):
    text = " ".join(CliRunner().invoke(cli, [command, "--help"]).output.split())
    assert "--config" in text
    if "--format" in text:
        assert "json: the documented contract for scripts" in text


def test_every_item_has_a_short_name():
    items = load_checklist().items
    assert len({i.short for i in items}) == 50
    assert all(2 <= len(i.short) <= 12 for i in items)


def test_check_table_fits_80_columns_with_each_item_on_one_or_two_lines(config_path):
    result = CliRunner().invoke(
        cli, ["--config", str(config_path), "check", "--today", "2026-11-23"], terminal_width=80
    )
    lines = result.output.splitlines()
    table = lines[: next(i for i, line in enumerate(lines) if line.startswith("未解决的问题") or "共 50 项" in line)]
    assert max(cells(line) for line in table) <= 80
    rows = [i for i, line in enumerate(table) if line[:6].strip().isdigit()]
    assert len(rows) == 50
    categories = {i.category for i in load_checklist().items}
    heading = {i for i, line in enumerate(table) if line.strip() and any(line.strip() in c for c in categories)}
    for here, there in zip(rows, [*rows[1:], len(table)], strict=True):
        height = len([i for i in range(here, there) if i not in heading and table[i].strip()])
        assert height <= 2, table[here : here + 3]
    assert "信息公开年度" in result.output and "招生就业处" in result.output  # short names, whole departments
