"""The service side: `monitor run` as a real process, the crawl lock across processes, catch-up, status."""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
import zoneinfo
from pathlib import Path

import pytest
from click.testing import CliRunner

from monitor import service
from monitor.cli import cli
from monitor.config import load_config
from monitor.schedule import catch_up, last_fire, triggers
from tests.conftest import config_text, email_section
from tests.smtpkit import SMTPServer

SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")


def wait_for(predicate, timeout: float = 30.0, what: str = "condition"):
    """Wait for another process to do something (bounded; polls, does not guess a duration)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"timed out after {timeout}s waiting for {what}")


@pytest.fixture
def smtp():
    server = SMTPServer().start()
    yield server
    server.stop()


def write_config(tmp_path, base_url, smtp, schedule: str) -> Path:
    extra = email_section(smtp.port, timeout=5) + f'\n[schedule]\ntimezone = "Asia/Shanghai"\n{schedule}\n'
    path = tmp_path / "config.toml"
    path.write_text(config_text(base_url, extra=extra), encoding="utf-8")
    return path


def start_daemon(path: Path, log: Path) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if k != "MONITOR_CONFIG"}
    return subprocess.Popen(
        [sys.executable, "-m", "monitor", "--config", str(path), "run", "--log-file", str(log)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
        text=True,
    )


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8") if path.exists() else ""


def finished_runs(db: Path) -> int:
    if not db.exists():
        return 0
    with sqlite3.connect(db) as conn:
        try:
            return conn.execute("SELECT count(*) FROM runs WHERE status IN ('ok', 'partial')").fetchone()[0]
        except sqlite3.OperationalError:
            return 0


def test_run_daemon_crawls_sends_digest_and_stops_cleanly_on_sigterm(tmp_path, site, base_url, smtp):
    path = write_config(tmp_path, base_url, smtp, "crawl_interval_seconds = 1\ndigest_interval_seconds = 2")
    config = load_config(path)
    proc = start_daemon(path, tmp_path / "monitor.log")
    try:
        wait_for(lambda: finished_runs(config.storage_path) >= 1, what="a finished crawl")
        wait_for(lambda: smtp.messages, what="a digest mail")
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            _, stderr = proc.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.communicate()
            raise
    assert proc.returncode == 0, stderr
    assert "stopped cleanly" in stderr and "Traceback" not in stderr
    assert "crawl: run #" in (tmp_path / "monitor.log").read_text(encoding="utf-8")
    with sqlite3.connect(config.storage_path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT count(*) FROM runs WHERE status = 'running'").fetchone()[0] == 0
    recipients = [tuple(m.rcpt_tos) for m in smtp.messages]
    assert len(recipients) == len(set(recipients))  # several digest fires, each recipient once


def test_catch_up_sends_a_missed_digest_exactly_once_after_restarts(tmp_path, site, base_url, smtp):
    now = dt.datetime.now(SHANGHAI)
    earlier = now - dt.timedelta(hours=1)
    schedule = f'crawl = "0 0 1 1 *"\ndigest = "{earlier.minute} {earlier.hour} * * *"'
    path = write_config(tmp_path, base_url, smtp, schedule)
    config = load_config(path)
    service.check(config, now - dt.timedelta(hours=2))  # a run exists; the daily digest time passed while down
    assert catch_up(config, now) == ["digest"]
    for attempt in range(2):
        proc = start_daemon(path, tmp_path / f"run{attempt}.log")
        try:
            if attempt == 0:
                wait_for(lambda: smtp.messages, what="the catch-up digest")
                wait_for(lambda: "digest 20" in read(tmp_path / "run0.log"), what="the digest job to finish")
            else:
                wait_for(lambda: "next digest" in read(tmp_path / "run1.log"), what="the second start")
        finally:
            proc.send_signal(signal.SIGTERM)
            proc.communicate(timeout=10)
            assert proc.returncode == 0
        if attempt == 0:
            count = len(smtp.messages)
    assert len(smtp.messages) == count  # the restart sent nothing again
    assert "catching up: the digest" in (tmp_path / "run0.log").read_text(encoding="utf-8")
    assert "catching up" not in (tmp_path / "run1.log").read_text(encoding="utf-8")


def test_catch_up_runs_a_crawl_older_than_its_schedule(tmp_path, site, base_url, smtp):
    path = write_config(tmp_path, base_url, smtp, 'crawl = "0 6 * * *"\ndigest = "0 8 * * mon"')
    config = load_config(path)
    monday_9am = dt.datetime(2026, 11, 30, 9, 0, tzinfo=SHANGHAI)
    assert catch_up(config, monday_9am) == ["crawl"]  # never crawled: crawl at once; no digest without a run
    service.check(config, dt.datetime(2026, 11, 29, 6, 0, 5, tzinfo=SHANGHAI))
    assert catch_up(config, monday_9am) == ["crawl", "digest"]
    assert last_fire(triggers(config)["crawl"], monday_9am) == dt.datetime(2026, 11, 30, 6, 0, tzinfo=SHANGHAI)


def test_a_digest_caught_up_across_a_week_boundary_is_not_due_again(tmp_path, site, base_url, smtp):
    """A daily digest due Sunday 23:03, caught up at Monday 00:03: the job sends the week that ended on Sunday,
    and a restart a minute later finds nothing due (it had looked for the week before, and sent again)."""
    from monitor.digest import run_digest

    path = write_config(tmp_path, base_url, smtp, 'crawl = "0 0 1 1 *"\ndigest = "3 23 * * *"')
    config = load_config(path)
    monday = dt.datetime(2026, 11, 30, 0, 3, tzinfo=SHANGHAI)
    service.check(config, monday - dt.timedelta(hours=2))
    assert catch_up(config, monday) == ["digest"]
    run_digest(config, monday)
    assert catch_up(config, monday + dt.timedelta(minutes=1)) == []


HOLD = """
import sys
from filelock import FileLock
lock = FileLock(sys.argv[1])
lock.acquire()
print("held", flush=True)
sys.stdin.read()
"""


def hold_lock(lock_file: Path) -> subprocess.Popen:
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(lock_file)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout.readline().strip() == "held"
    return proc


def test_second_crawl_exits_with_no_wait_and_waits_without_it(config_path, site):
    config = load_config(config_path)
    holder = hold_lock(service.lock_path(config))
    try:
        result = CliRunner().invoke(cli, ["--config", str(config_path), "check", "--no-wait"])
        assert result.exit_code == 4
        assert "another crawl of 测试职业技术学院 is running" in result.output
        waiting = subprocess.Popen(
            [sys.executable, "-m", "monitor", "--config", str(config_path), "crawl"],
            stderr=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            text=True,
        )
        line = waiting.stderr.readline()
        assert "waiting for the running crawl" in line
        assert waiting.poll() is None  # still waiting while the lock is held
    finally:
        holder.communicate(timeout=10)
    waiting.communicate(timeout=60)
    assert waiting.returncode == 1  # it ran once the lock was released (findings exist: exit 1)


def test_lock_of_a_killed_process_does_not_block(config_path, site):
    config = load_config(config_path)
    holder = hold_lock(service.lock_path(config))
    holder.send_signal(signal.SIGKILL)
    holder.communicate(timeout=10)
    result = CliRunner().invoke(cli, ["--config", str(config_path), "check", "--no-wait", "--format", "json"])
    assert result.exit_code == 1, result.output
    assert json.loads(result.stdout)["run"]["status"] == "ok"


def test_status_json_reflects_runs_next_times_and_pending_deliveries(tmp_path, site, base_url, smtp):
    path = write_config(tmp_path, base_url, smtp, 'crawl = "0 6 * * *"\ndigest = "0 8 * * mon"')
    config = load_config(path)
    service.check(config, dt.datetime.now(SHANGHAI))
    smtp.stop()
    runner = CliRunner()
    runner.invoke(cli, ["--config", str(path), "digest"])
    result = runner.invoke(cli, ["--config", str(path), "status", "--format", "json"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["runs"][0]["status"] == "ok" and doc["runs"][0]["duration_s"] is not None
    assert doc["next"]["crawl"].endswith("06:00:00+08:00") and doc["next"]["digest"].endswith("08:00:00+08:00")
    assert doc["open_findings"]["blank"] == 2
    assert doc["pending_deliveries"] and "cannot connect to SMTP server" in doc["pending_deliveries"][0]["error"]
    assert doc["database"]["bytes"] > 0
    table = runner.invoke(cli, ["--config", str(path), "status"])
    assert "待重试邮件 / pending deliveries:" in table.output
