from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import zoneinfo
from pathlib import Path

import pytest

from tests.sitekit import FixtureSite

FIXTURES = Path(__file__).parent / "fixtures"
SITE = FIXTURES / "site"
TODAY = dt.date(2026, 11, 23)
NOW = dt.datetime(2026, 11, 23, 8, 0, tzinfo=zoneinfo.ZoneInfo("Asia/Shanghai"))

# The fixture site's columns: (name, path, items, department)
COLUMNS = [
    ("招生章程", "/xxgk/zszc.htm", [7, 8, 9, 10], "招生就业处"),
    ("规章制度", "/zcwj/list.htm", [2], "党政办公室"),
    ("发展规划", "/xxgk/fzgh/list.htm", [5], "党政办公室"),
    ("财务制度", "/xxgk/cwzc/index.html", [15], "计划财务处"),
    ("招标采购", "/a/zbgg/list_12_1.html", [18], "计划财务处"),
    ("人事招聘", "/news.asp?classid=5", [25], "人事处"),
    ("预算决算", "/xxgk/ysjs/index.htm", [19, 20], "计划财务处"),
    ("学术委员会", "/xxgk/xswyh.htm", [4], "党政办公室"),
    ("教代会", "/xxgk/jdh/list.htm", [3], "工会"),
    ("中外合作办学", "/xxgk/hzbx/list.htm", [47], "国际交流处"),
    ("来华留学生", "/xxgk/lxs/list.htm", [48], "国际交流处"),
    ("信息公开年度报告", "/xxgk/ndbg/list.htm", [6], "党政办公室"),
    ("校办企业", "/xxgk/xbqy/list.htm", [17], "计划财务处"),
    ("就业情况", "/xxgk/jyqk/list.htm", [32], "招生就业处"),
    ("受捐赠财产", "/col/col16/index.html", [16], "计划财务处"),
]


def config_text(base: str, db: str = "monitor.db", columns=COLUMNS, extra: str = "", crawl: str = "") -> str:
    base = base.rstrip("/")
    departments = sorted({c[3] for c in columns})
    out = [
        "[site]",
        'name = "测试职业技术学院"',
        f'base_url = "{base}/index.htm"',
        'level = "高职"',
        'contact = "xxgk@test.example.edu.cn"',
        "",
        "[crawl]",
        "concurrency = 4",
        "delay = 0",
        "timeout = 5",
        "retries = 0",
        crawl,
        "",
        "[storage]",
        f'path = "{db}"',
        "",
    ]
    for name, path, items, dept in columns:
        out += [
            "[[columns]]",
            f'name = "{name}"',
            f'url = "{base}{path}"',
            f"items = {items}",
            f'department = "{dept}"',
            "",
        ]
    for i, dept in enumerate(departments):
        out += [f'[departments."{dept}"]', f'emails = ["dept{i}@test.example.edu.cn"]', ""]
    out.append(extra)
    return "\n".join(out)


def email_section(port: int, sender: str = "xxgk@test.example.edu.cn", **keys: str | int) -> str:
    """An [email] table for a loopback SMTP server (aiosmtpd, see tests/smtpkit.py)."""
    lines = [
        "",
        "[email]",
        'host = "127.0.0.1"',
        f"port = {port}",
        'security = "none"',
        f'sender = "{sender}"',
        'to = ["xxgk@test.example.edu.cn"]',
    ]
    lines += [f"{k} = {v if isinstance(v, int) else chr(34) + v + chr(34)}" for k, v in keys.items()]
    return "\n".join(lines) + "\n"


CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium(*args: str, profile: Path, timeout: int = 120) -> subprocess.CompletedProcess:
    """Run headless Debian chromium (skipping the test, saying why, when it is not installed)."""
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        pytest.skip("chromium is not installed (.ci/run installs Debian's chromium where it can)")
    return subprocess.run(
        [browser, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args], capture_output=True, text=True, timeout=timeout
    )


@pytest.fixture
def site(httpserver) -> FixtureSite:
    fixture = FixtureSite(SITE, missing={"/show.asp?id=999"})
    httpserver.expect_request(re.compile(".*")).respond_with_handler(fixture.handle)
    return fixture


@pytest.fixture
def base_url(httpserver) -> str:
    return httpserver.url_for("/").rstrip("/")


@pytest.fixture
def config_path(tmp_path, site, base_url) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(config_text(base_url), encoding="utf-8")
    return path
