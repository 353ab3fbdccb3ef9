"""Docs that cannot drift: the example config loads, and every command is documented."""

from pathlib import Path

from click.testing import CliRunner

from monitor.cli import cli
from monitor.config import load_config

ROOT = Path(__file__).parent.parent


def test_example_config_loads():
    config = load_config(ROOT / "config.toml")
    assert config.site.level == "高职"
    assert config.email is not None and config.email.password_env == "MONITOR_SMTP_PASSWORD"


def test_every_command_has_help_and_is_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name, command in cli.commands.items():
        result = CliRunner().invoke(cli, [name, "--help"])
        assert result.exit_code == 0, name
        assert command.help, name
        assert f"monitor {name}" in readme, f"README.md does not document 'monitor {name}'"


def test_example_province_file_loads():
    from monitor.province import load_province

    province = load_province(ROOT / "province.toml")
    assert province.name == "安徽省" and len(province.colleges) == 2
    assert province.colleges[1].config == ROOT / "config.toml"
    config = province.college_config(province.colleges[1])
    assert config.crawl.delay == 0.5  # the college's own config.toml sets 0.5: it wins over the province's 1.0


def test_every_subcommand_has_help_and_is_in_the_readme():
    import click

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name, group in cli.commands.items():
        if not isinstance(group, click.Group):
            continue
        for sub, command in group.commands.items():
            result = CliRunner().invoke(cli, [name, sub, "--help"])
            assert result.exit_code == 0 and command.help, f"{name} {sub}"
            assert f"monitor {name} {sub}" in readme, f"README.md does not document 'monitor {name} {sub}'"
