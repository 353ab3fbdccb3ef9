"""Security and concurrency: hostile content, secrets, and readers beside a running crawl."""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import subprocess
import sys

from click.testing import CliRunner

from monitor import schedule, service
from monitor.cli import cli
from monitor.config import load_config
from monitor.digest import run_digest
from tests.conftest import NOW, config_text, email_section
from tests.smtpkit import SMTPServer

HOSTILE = "\x1b[2J\x1b[31m[bold]伪造[/bold]<script>alert(1)</script>通知"


def test_hostile_titles_are_inert_in_the_terminal_table(config_path, site):
    body = (
        "<html><body><ul><li><a href='/info/9/1.htm'>"
        + HOSTILE.replace("<", "&lt;").replace(">", "&gt;")
        + "</a><span>2020-01-01</span></li></ul></body></html>"
    ).encode()
    site.overrides["/xxgk/jdh/list.htm"] = (200, body, {"Content-Type": "text/html; charset=utf-8"})
    site.missing.add("/info/9/1.htm")
    result = CliRunner().invoke(
        cli, ["--config", str(config_path), "check", "--today", "2026-11-23"], env={"COLUMNS": "400"}
    )
    assert "\x1b[2J" not in result.output and "\x1b[31m" not in result.output
    assert "「[2J[31m[bold]伪造[/bold]<script>alert(1" in result.output  # shown as text, not obeyed


def test_the_password_never_reaches_logs_database_reports_or_output(tmp_path, site, base_url):
    secret = "Pa55-w0rd-XXGK-9271"
    server = SMTPServer(password=secret).start()
    try:
        extra = email_section(server.port, username="xxgk@test.example.edu.cn")
        path = tmp_path / "config.toml"
        path.write_text(config_text(base_url, extra=extra), encoding="utf-8")
        env = {k: v for k, v in os.environ.items() if k != "MONITOR_CONFIG"}
        outputs = []
        for args, password in (
            (["check", "--report"], secret),
            (["digest", "--today", "2026-12-01"], secret),
            (["digest", "--send-test"], "wrong-" + secret),
            (["status", "--format", "json"], secret),
        ):
            proc = subprocess.run(
                [sys.executable, "-m", "monitor", "-vv", "--config", str(path), *args],
                capture_output=True,
                text=True,
                env={**env, "MONITOR_SMTP_PASSWORD": password},
                timeout=120,
            )
            outputs += [proc.stdout, proc.stderr]
        assert server.messages  # the right password did log in and send
        assert "SMTP login failed" in outputs[5]  # the wrong one was reported...
        for text in outputs:
            assert secret not in text  # ...without either password
        files = [p for p in tmp_path.rglob("*") if p.is_file() and p.name != "config.toml"]
        assert any(p.suffix == ".db" for p in files) and any(p.suffix == ".html" for p in files)
        for p in files:
            assert secret.encode() not in p.read_bytes(), p
    finally:
        server.stop()


def test_readers_never_see_database_is_locked_during_a_crawl(tmp_path, site, base_url):
    site.latency = 0.01
    path = tmp_path / "config.toml"
    path.write_text(config_text(base_url, crawl="recheck_days = 0"), encoding="utf-8")
    config = load_config(path)
    service.check(config, NOW)  # a first run, so that there is something to read
    env = {k: v for k, v in os.environ.items() if k != "MONITOR_CONFIG"}
    crawl = subprocess.Popen(
        [sys.executable, "-m", "monitor", "-q", "--config", str(path), "crawl"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    reads = 0
    while crawl.poll() is None:
        service.check(config, NOW, do_crawl=False)
        schedule.status(config, NOW)
        service.write_report(config, NOW)
        reads += 1
    _, stderr = crawl.communicate()
    assert "locked" not in stderr
    assert crawl.returncode == 1 and reads >= 3


def test_mail_timeout_mid_data_stays_pending_then_delivers_once(tmp_path, site, base_url):
    class SlowOnce:
        def __init__(self):
            self.calls = 0
            self.accepted = []

        async def handle_DATA(self, server, session, envelope):
            self.calls += 1
            if self.calls == 1:
                await asyncio.sleep(3)  # the client gives up (timeout = 1) in the middle of DATA
                return "451 Requested action aborted"
            self.accepted.append(envelope.rcpt_tos)
            return "250 OK"

    handler = SlowOnce()
    server = SMTPServer()
    server.mailbox = handler
    server.start()
    try:
        extra = (
            f'\n[email]\nhost = "127.0.0.1"\nport = {server.port}\nsecurity = "none"\ntimeout = 1\n'
            'sender = "xxgk@test.example.edu.cn"\nto = ["xxgk@test.example.edu.cn"]\n'
        )
        path = tmp_path / "config.toml"
        path.write_text(
            config_text(base_url, columns=[("教代会", "/xxgk/jdh/list.htm", [3], "工会")], extra=extra),
            encoding="utf-8",
        )
        config = load_config(path)
        service.check(config, NOW)
        today = dt.datetime(2026, 12, 1, 8, tzinfo=NOW.tzinfo)
        first = run_digest(config, today)
        assert [d.status for d in first.deliveries if d.recipient == "office"] == ["pending"]
        assert "timed out" in first.failed[0].error
        second = run_digest(config, today)
        third = run_digest(config, today)
        assert [d.status for d in second.deliveries if d.recipient == "office"] == ["sent"]
        assert {d.status for d in third.deliveries} == {"sent-already"}
        assert handler.accepted.count(["xxgk@test.example.edu.cn"]) == 1
    finally:
        server.stop()
