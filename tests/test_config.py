from __future__ import annotations

import subprocess
import sys

import pytest
from click.testing import CliRunner

from monitor.cli import cli
from monitor.config import load_config
from monitor.errors import ConfigError

GOOD = """
[site]
name = "示例职业技术学院"
base_url = "https://www.example.edu.cn/"
level = "高职"

[[columns]]
name = "招生章程"
url = "https://www.example.edu.cn/xxgk/zszc/list.htm"
items = [7]
department = "招生就业处"
max_age_days = 365

[departments."招生就业处"]
emails = ["zsjy@example.edu.cn"]

[email]
host = "smtp.example.edu.cn"
port = 465
security = "ssl"
username = "xxgk@example.edu.cn"
password_env = "MONITOR_SMTP_PASSWORD"
sender = "信息公开办公室 <xxgk@example.edu.cn>"
to = ["xxgk@example.edu.cn"]

[schedule]
timezone = "Asia/Shanghai"
crawl = "0 6 * * *"
digest = "0 8 * * mon"
"""


def write(tmp_path, text: str, name: str = "config.toml", encoding: str = "utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_load_config_reads_contract_keys_and_defaults(tmp_path):
    config = load_config(write(tmp_path, GOOD), environ={"MONITOR_SMTP_PASSWORD": "s3cret"})
    assert config.site.level == "高职"
    assert config.columns[0].items == (7,)
    assert config.columns[0].max_age_days == 365
    assert config.crawl.concurrency == 4 and config.crawl.delay == 0.5 and config.crawl.robots is True
    assert config.storage_path == tmp_path / "data" / "monitor.db"  # relative to the config file
    assert config.email.password == "s3cret"
    assert "s3cret" not in repr(config)
    assert config.departments["招生就业处"].emails == ("zsjy@example.edu.cn",)
    assert config.hosts == {"www.example.edu.cn", "example.edu.cn"}  # the bare host is the same site


def test_load_config_accepts_utf8_bom(tmp_path):
    config = load_config(write(tmp_path, "\ufeff" + GOOD))
    assert config.site.name == "示例职业技术学院"


BAD = [
    # (replace this, with that, expected fragment of the one-line message)
    (
        'base_url = "https://www.example.edu.cn/"',
        'base_url = "ftp://x"',
        'site.base_url: "ftp://x" is not an http(s) URL',
    ),
    ('level = "高职"', 'level = "专科"', 'site.level: expected "本科" or "高职", got "专科"'),
    ("items = [7]", "items = [7, 51]", "columns[0].items[1]: expected a checklist item number 1-50, got 51"),
    ("items = [7]", 'items = "7"', "columns[0].items: expected a list of checklist item numbers"),
    ("items = [7]", "items = []", "columns[0].items: expected at least one checklist item number"),
    ('department = "招生就业处"', 'department = "教务处"', 'columns[0].department: "教务处" is not declared'),
    (
        "max_age_days = 365",
        "max_age_days = 0",
        "columns[0].max_age_days: expected a whole number between 1 and 3650, got 0",
    ),
    (
        "[schedule]",
        "[schedule]\ncrawl_interval_seconds = 99999999999",  # (monitor run stopped on an OverflowError)
        "schedule.crawl_interval_seconds: expected a whole number between 1 and 31622400, got 99999999999",
    ),
    ("max_age_days = 365", "max_age_days = 365\ncolour = 1", "columns[0].colour: unknown key"),
    ('security = "ssl"', 'security = "tls"', 'email.security: expected "ssl", "starttls" or "none", got "tls"'),
    ("port = 465", 'port = "465"', 'email.port: expected a whole number, got "465"'),
    (
        'to = ["xxgk@example.edu.cn"]',
        'to = ["not-an-address"]',
        'email.to[0]: expected an email address, got "not-an-address"',
    ),
    (
        'password_env = "MONITOR_SMTP_PASSWORD"',
        'password = "hunter2"',
        "email.password: secrets are never read from the config file",
    ),
    (
        'timezone = "Asia/Shanghai"',
        'timezone = "Asia/Beijing"',
        'schedule.timezone: expected an IANA time zone such as "Asia/Shanghai", got "Asia/Beijing"',
    ),
    ('name = "示例职业技术学院"', "", "site.name: is required (a string)"),
    ("[schedule]", "[schedules]", "schedules: unknown key"),
    (  # (a value past SQLite's integers, or one meaning "no limit", was accepted)
        "[schedule]",
        "[crawl]\nmax_pages = 99999999999999999999\n\n[schedule]",
        "crawl.max_pages: expected a whole number between 1 and 1000000, got 99999999999999999999",
    ),
    ('emails = ["zsjy@example.edu.cn"]', "emails = [1]", "departments.招生就业处.emails[0]: expected a string, got 1"),
]


@pytest.mark.parametrize(("old", "new", "message"), BAD, ids=[b[2].split(":")[0] for b in BAD])
def test_load_config_rejects_bad_value_with_one_line(tmp_path, old, new, message):
    assert old in GOOD
    path = write(tmp_path, GOOD.replace(old, new, 1))
    with pytest.raises(ConfigError) as info:
        load_config(path)
    text = str(info.value)
    assert "\n" not in text
    assert text.startswith(f"{path}: ")
    assert message in text


def test_load_config_rejects_duplicate_column_url(tmp_path):
    extra = '\n[[columns]]\nname = "又一个"\nurl = "https://WWW.example.edu.cn/xxgk/zszc/list.htm"\nitems = [8]\n'
    with pytest.raises(ConfigError, match=r"columns\[1\]\.url: .* is already columns\[0\]\.url"):
        load_config(write(tmp_path, GOOD + extra))


def test_load_config_rejects_item_in_both_applicability_lists(tmp_path):
    extra = "\n[checklist]\napplicable = [11]\nnot_applicable = [11]\n"
    with pytest.raises(ConfigError, match=r"checklist\.applicable: item 11 is also in checklist\.not_applicable"):
        load_config(write(tmp_path, GOOD + extra))


def test_load_config_rejects_missing_file_not_toml_and_gbk(tmp_path):
    with pytest.raises(ConfigError, match="file not found"):
        load_config(tmp_path / "nope.toml")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_config(write(tmp_path, "[site\nname = 1"))
    with pytest.raises(ConfigError, match="not UTF-8"):
        load_config(write(tmp_path, GOOD, encoding="gbk"))


def test_cli_bad_config_exits_2_with_one_line_and_no_traceback(tmp_path):
    path = write(tmp_path, GOOD.replace("items = [7]", "items = [0]"))
    result = CliRunner().invoke(cli, ["--config", str(path), "check"])
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1
    assert "columns[0].items[0]: expected a checklist item number 1-50, got 0" in lines[0]


def test_cli_bad_config_in_a_real_process_prints_no_traceback(tmp_path):
    path = write(tmp_path, GOOD.replace('level = "高职"', "level = 3"))
    proc = subprocess.run(
        [sys.executable, "-m", "monitor", "--config", str(path), "check"], capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert proc.stderr.strip().count("\n") == 0
    assert "site.level: expected a string, got 3" in proc.stderr


def test_www_and_bare_host_are_one_site(tmp_path):
    config = load_config(write(tmp_path, GOOD))
    assert {"www.example.edu.cn", "example.edu.cn"} <= config.hosts


CRON = [  # checked by the service layer (monitor.schedule.check) on every command, not by the config reader
    ('crawl = "0 6 * * *"', 'crawl = "every day"', 'schedule.crawl: "every day" is not a cron expression'),
    ('digest = "0 8 * * mon"', 'digest = "0 25 * * mon"', 'schedule.digest: "0 25 * * mon" is not a cron expression'),
]


@pytest.mark.parametrize(("old", "new", "message"), CRON, ids=["crawl", "digest"])
def test_bad_cron_line_is_one_line_and_exit_2(tmp_path, old, new, message):
    assert old in GOOD
    path = write(tmp_path, GOOD.replace(old, new, 1))
    for command in (["status"], ["check", "--no-crawl"], ["run"]):
        result = CliRunner().invoke(cli, ["--config", str(path), *command])
        assert result.exit_code == 2, (command, result.output)
        lines = result.output.strip().splitlines()
        assert len(lines) == 1 and message in lines[0] and str(path) in lines[0]
