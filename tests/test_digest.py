"""The weekly digest end to end: a history of real crawls, rendering, routing and real SMTP (aiosmtpd)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from monitor import service
from monitor.cli import cli
from monitor.config import load_config
from monitor.digest import last_complete_week, parse_week, run_digest
from monitor.errors import MailError, UsageError
from tests.conftest import NOW, chromium, config_text, email_section
from tests.smtpkit import SMTPServer

TODAY = dt.datetime(2026, 12, 1, 8, 0, tzinfo=NOW.tzinfo)  # a Tuesday: the week just ended is 2026-W48
HOSTILE = "<script>alert('x')</script>干部任免通知"


@pytest.fixture
def smtp():
    server = SMTPServer().start()
    yield server
    server.stop()


@pytest.fixture
def history(tmp_path, site, base_url, smtp):
    """Three weekly crawls of the fixture site with findings opened and resolved between them."""
    email = email_section(smtp.port, sender="测试职业技术学院信息公开办公室 <xxgk@test.example.edu.cn>", timeout=5)
    path = tmp_path / "config.toml"
    path.write_text(config_text(base_url, extra=email), encoding="utf-8")
    config = load_config(path)
    filled = (
        b"<html><body><ul><li><a href='/2026/1020/c9a1/page.htm'>\xe6\x95\x99\xe4\xbb\xa3\xe4\xbc\x9a\xe5\xb7\xa5"
        b"\xe4\xbd\x9c\xe6\x8a\xa5\xe5\x91\x8a</a><span>2026-10-20</span></li></ul></body></html>"
    )
    # W46: the 教代会 column has content; the 干部任免 link works
    site.overrides["/xxgk/jdh/list.htm"] = (200, filled, {"Content-Type": "text/html; charset=utf-8"})
    site.missing.clear()
    service.check(config, dt.datetime(2026, 11, 9, 8, tzinfo=NOW.tzinfo))
    # W47: the 干部任免 link breaks (recheck_days is 7)
    site.missing.add("/show.asp?id=999")
    service.check(config, dt.datetime(2026, 11, 17, 8, tzinfo=NOW.tzinfo))  # 8 days later: links are re-verified
    # W48: the 教代会 column is emptied (暂无内容); the missing PDF is uploaded; a title carries markup
    del site.overrides["/xxgk/jdh/list.htm"]
    site.overrides["/upload/2024bmjs.pdf"] = (200, b"%PDF-1.4\n%%EOF\n", {"Content-Type": "application/pdf"})
    page2 = (Path(__file__).parent / "fixtures/site/news.asp@classid=5&page=2").read_bytes()
    page2 = page2.replace(
        "2025年干部任免通知".encode("gbk"), HOSTILE.replace("<", "&lt;").replace(">", "&gt;").encode("gbk")
    )
    site.overrides["/news.asp?classid=5&page=2"] = (200, page2, {"Content-Type": "text/html"})
    service.check(config, dt.datetime(2026, 11, 24, 8, tzinfo=NOW.tzinfo))
    return config


def test_week_helpers():
    assert last_complete_week(dt.date(2026, 12, 1)).label == "2026-W48"
    assert last_complete_week(dt.date(2026, 11, 30)).label == "2026-W48"
    assert parse_week("2026-W48").start == dt.date(2026, 11, 23)
    with pytest.raises(UsageError):
        parse_week("2026-48")


def test_digest_numbers_for_a_fixture_history(history, smtp):
    outcome = run_digest(history, TODAY, dry_run=True)
    assert outcome.week.label == "2026-W48"
    text = outcome.files[1].read_text(encoding="utf-8")
    assert smtp.messages == []
    section = lambda n, m: text.split(n, 1)[1].split(m, 1)[0]  # noqa: E731
    new = section("二、本周新发现的问题", "三、")
    assert "（1 个）" in new and "栏目「教代会」为空白栏目" in new
    resolved = section("四、本周已整改", "五、")
    assert "（1 个）" in resolved and "2024年部门决算公开" in resolved and "2026-11-24 整改" in resolved
    still = section("三、尚未整改的问题", "四、")
    assert re.search(r"事项 25：「.*干部任免通知」链接失效：HTTP 404（人事处，已持续 14 天）", still)
    assert re.search(r"栏目「学术委员会」为空白栏目：分页显示共 0 条（党政办公室，已持续 22 天）", still)
    deadlines = section("六、未来 30 天到期的事项", "七、")
    assert "事项 33「高校毕业生就业质量年度报告」应于 2026-12-31 前发布，还有 30 天" in deadlines
    assert "事项 16「受捐赠财产的使用与管理情况」：列表由脚本加载" in text
    trend = section("近 8 周趋势", "二、")
    assert "W45  无检查记录" in trend and re.search(r"W46  \d+ / \d+", trend) and re.search(r"W48  \d+ / \d+", trend)


def test_digest_sends_per_department_over_real_smtp(history, smtp):
    outcome = run_digest(history, TODAY)
    assert not outcome.failed
    by_rcpt = {tuple(m.rcpt_tos): m.message for m in smtp.messages}
    office = by_rcpt[("xxgk@test.example.edu.cn",)]
    assert office["Subject"].startswith("【信息公开周报】测试职业技术学院 2026年第48周")
    assert office["From"].addresses[0].display_name == "测试职业技术学院信息公开办公室"
    assert office["Message-ID"] and office["Date"]
    assert "=?utf-8?" in office.as_string().lower()  # the Chinese subject travels encoded
    text = office.get_body(("plain",)).get_content()
    html = office.get_body(("html",)).get_content()
    for part in (text, html):  # both parts carry the same findings
        assert "栏目「教代会」为空白栏目" in part and "2024年部门决算公开" in part
    assert "<script>alert" not in html and "&lt;script&gt;alert" in html
    # departments get their own items only
    depts = load_config(history.path).departments
    union = by_rcpt[depts["工会"].emails]
    union_text = union.get_body(("plain",)).get_content()
    assert "教代会" in union_text and "学术委员会" not in union_text and "干部任免" not in union_text
    hr = by_rcpt[depts["人事处"].emails].get_body(("plain",)).get_content()
    assert "事项 25：「<script>alert('x')</script>干部任免通知」链接失效" in hr and "教代会" not in hr
    assert depts["国际交流处"].emails in by_rcpt  # 404 and soft-404 columns
    assert len(smtp.messages) == len(outcome.deliveries)


def test_digest_twice_sends_once_and_force_sends_again(history, smtp):
    run_digest(history, TODAY)
    count = len(smtp.messages)
    again = run_digest(history, TODAY)
    assert len(smtp.messages) == count
    assert {d.status for d in again.deliveries} == {"sent-already"}
    run_digest(history, TODAY, force=True)
    assert len(smtp.messages) == 2 * count


def test_digest_with_smtp_down_stays_pending_then_delivers_exactly_once(history, smtp):
    smtp.stop()
    runner = CliRunner()
    args = ["--config", str(history.path), "digest", "--today", "2026-12-01"]
    down = runner.invoke(cli, args)
    assert down.exit_code == 1
    assert "cannot connect to SMTP server 127.0.0.1:" in down.output
    assert "发送失败，待重试" in down.output
    smtp.start()
    back = runner.invoke(cli, args)
    assert back.exit_code == 0, back.output
    received = [tuple(m.rcpt_tos) for m in smtp.messages]
    assert len(received) == len(set(received))  # each recipient exactly once
    assert ("xxgk@test.example.edu.cn",) in received
    runner.invoke(cli, args)
    assert len(smtp.messages) == len(received)


def test_pending_delivery_of_an_earlier_week_is_retried(history, smtp):
    smtp.stop()
    run_digest(history, TODAY)
    smtp.start()
    later = run_digest(history, TODAY + dt.timedelta(days=7))  # next week's run
    weeks = {d.week for d in later.deliveries if d.status == "sent"}
    assert weeks == {"2026-W48", "2026-W49"}


def test_dry_run_lists_recipients_and_sends_nothing(history, smtp):
    result = CliRunner().invoke(cli, ["--config", str(history.path), "digest", "--dry-run", "--today", "2026-12-01"])
    assert result.exit_code == 0
    assert "演练（未发送）" in result.output and "xxgk@test.example.edu.cn" in result.output
    assert smtp.messages == []


def test_login_failure_is_one_line_naming_the_variable_and_never_the_password(tmp_path, site, base_url):
    server = SMTPServer(password="right-password").start()
    try:
        email = email_section(server.port, username="xxgk@test.example.edu.cn", password_env="XXGK_TEST_SMTP_PASSWORD")
        path = tmp_path / "config.toml"
        path.write_text(config_text(base_url, extra=email), encoding="utf-8")
        config = load_config(path, environ={"XXGK_TEST_SMTP_PASSWORD": "wrong-s3cret"})
        service.check(config, NOW)
        outcome = run_digest(config, TODAY)
        assert outcome.failed
        error = outcome.failed[0].error
        assert error.startswith("SMTP login failed for xxgk@test.example.edu.cn on 127.0.0.1:")
        assert error.endswith("check XXGK_TEST_SMTP_PASSWORD")
        assert "wrong-s3cret" not in error
        good = load_config(path, environ={"XXGK_TEST_SMTP_PASSWORD": "right-password"})
        assert not run_digest(good, TODAY).failed
        assert server.messages
        db = Path(good.storage_path).read_bytes()
        assert b"wrong-s3cret" not in db and b"right-password" not in db
    finally:
        server.stop()


def test_send_test_message(history, smtp):
    result = CliRunner().invoke(cli, ["--config", str(history.path), "digest", "--send-test"])
    assert result.exit_code == 0, result.output
    assert smtp.messages[-1].message["Subject"] == "【信息公开周报】测试职业技术学院 邮件设置测试"


def test_missing_password_is_reported_before_connecting(tmp_path, site, base_url):
    from monitor.mail import build_message, send

    email = '\n[email]\nhost = "127.0.0.1"\nport = 1\nsecurity = "none"\nusername = "u@x.edu.cn"\nsender = "u@x.edu.cn"\nto = ["u@x.edu.cn"]\n'
    path = tmp_path / "config.toml"
    path.write_text(config_text(base_url, extra=email), encoding="utf-8")
    config = load_config(path, environ={})
    with pytest.raises(MailError, match="set the environment variable MONITOR_SMTP_PASSWORD"):
        send(config.email, build_message("u@x.edu.cn", ["u@x.edu.cn"], "s", "t", "<p>h</p>", NOW))


def test_digest_html_screenshot_in_chromium(history, tmp_path):
    outcome = run_digest(history, TODAY, dry_run=True)
    shot = Path(__file__).parent / "artifacts" / "digest.png"
    shot.parent.mkdir(exist_ok=True)
    chromium("--window-size=800,2400", f"--screenshot={shot}", outcome.files[0].as_uri(), profile=tmp_path / "p")
    assert shot.is_file() and shot.stat().st_size > 10_000
