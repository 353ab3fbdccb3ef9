"""Chat alerts through apprise to a real HTTP receiver on loopback (apprise's json:// target): the digest
summary once per week and channel, urgent findings once and their resolution once, failures retried and never
sent twice, secrets never in logs or the database."""

from __future__ import annotations

import datetime as dt
import json
import logging

import pytest
from werkzeug import Request, Response

from monitor import digest, notify, service
from monitor.config import load_config
from monitor.evaluate import FindingDraft
from monitor.store import open_store
from tests.conftest import NOW, config_text

TOKEN = "s3cretRobotKey42"


class Receiver:
    """Collects what the channel receives; answers 500 to the first ``failures`` posts."""

    def __init__(self, failures: int = 0):
        self.posts: list[dict] = []
        self.failures = failures
        self.paths: list[str] = []

    def handle(self, request: Request) -> Response:
        self.paths.append(request.path)
        if self.failures:
            self.failures -= 1
            return Response("busy", status=500)
        self.posts.append(json.loads(request.get_data()))
        return Response("{}", content_type="application/json")


@pytest.fixture
def receiver(httpserver):
    rec = Receiver()
    httpserver.expect_request("/hook/" + TOKEN, method="POST").respond_with_handler(rec.handle)
    return rec


def _config(tmp_path, site_url: str, hook: str, urgent: str = "", monkeypatch=None):
    notify_table = f'[notify]\nurls_env = ["MONITOR_TEST_CHAT"]\n{urgent}\n'
    text = config_text(site_url, str(tmp_path / "m.db"), extra=notify_table)
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    monkeypatch.setenv("MONITOR_TEST_CHAT", hook)
    return load_config(path)


def _hook(httpserver) -> str:
    return f"json://127.0.0.1:{httpserver.port}/hook/{TOKEN}"


def test_digest_summary_once_per_week_and_channel_with_the_digest_numbers(
    receiver, httpserver, base_url, site, tmp_path, monkeypatch
):
    config = _config(tmp_path, base_url, _hook(httpserver), "urgent = []", monkeypatch)
    service.check(config, NOW)
    week = digest.week_of(NOW.date())  # the week of the run
    for _ in range(2):
        outcome = digest.run_digest(config, NOW, week)
        assert [state for _w, _c, state in outcome.chat] in (["sent"], ["sent-already"])
    assert len(receiver.posts) == 1
    message = receiver.posts[0]["message"]
    with open_store(config.storage_path) as store:
        office = digest.contexts_for_week(config, store, week, NOW.date())[0][2]
    s = office["summary"]
    assert f"正常 {s['ok']}，有问题 {s['failing']}，无法判断 {s['unknown']}" in message
    assert f"仍未解决 {len(office['open'])} 个" in message
    assert "信息公开周报" in message and len(message.encode()) <= notify.MAX_BYTES


def test_summary_stays_within_the_message_limit():
    finding = {
        "kind_zh": "空白栏目",
        "detail": "栏目「某某」为空白栏目：" + "很长的说明" * 40,
        "department": "党政办公室",
    }
    ctx = {
        "site": "测试学院",
        "department": None,
        "week_zh": "2026 年第 48 周",
        "summary": {"ok": 1, "failing": 40, "unknown": 0, "applicable": 41},
        "new": [finding] * 40,
        "open": [dict(finding, open_days=d) for d in range(40)],
        "resolved": [],
        "deadlines": [],
    }
    text = notify.digest_summary(ctx, "https://xxgk.example.edu.cn/reports/digest-2026-W48.html")
    assert len(text.encode()) <= notify.MAX_BYTES
    assert "更多见完整周报" in text


def _privacy_finding(store, config, run_id, now):
    draft = FindingDraft(
        "privacy", 37, "http://x/gs.htm", "high", "页面「奖学金公示」公开了身份证号 12 个", "学生工作处"
    )
    store.record_findings(config.site.name, run_id, [draft], now, lambda f: True)


def test_urgent_finding_once_and_its_resolution_once(receiver, httpserver, base_url, site, tmp_path, monkeypatch):
    config = _config(tmp_path, base_url, _hook(httpserver), 'urgent = ["privacy"]', monkeypatch)
    with open_store(config.storage_path) as store:
        run = store.start_run(config.site.name, NOW)
        _privacy_finding(store, config, run, NOW)
        for hour in (1, 2):
            notify.notify_urgent(config, store, NOW + dt.timedelta(hours=hour))
        assert len(receiver.posts) == 1 and "个人信息泄露" in receiver.posts[0]["message"]
        store.record_findings(config.site.name, run, [], NOW + dt.timedelta(days=1), lambda f: True)  # fixed
        for hour in (25, 26):
            notify.notify_urgent(config, store, NOW + dt.timedelta(hours=hour))
    assert len(receiver.posts) == 2 and "已整改" in receiver.posts[1]["message"]


def test_a_failing_channel_is_retried_next_run_and_never_sends_twice(httpserver, tmp_path, monkeypatch):
    flaky = Receiver(failures=1)
    httpserver.expect_request("/hook/" + TOKEN, method="POST").respond_with_handler(flaky.handle)
    config = _config(tmp_path, "http://127.0.0.1:9", _hook(httpserver), 'urgent = ["privacy"]', monkeypatch)
    with open_store(config.storage_path) as store:
        run = store.start_run(config.site.name, NOW)
        _privacy_finding(store, config, run, NOW)
        states = [notify.notify_urgent(config, store, NOW + dt.timedelta(hours=h)) for h in (1, 2, 3)]
        pending = store.notifications(config.site.name, "pending")
    assert [s["pending"] for s in states] == [1, 0, 0]
    assert [s["sent"] for s in states] == [0, 1, 0]
    assert len(flaky.posts) == 1 and len(flaky.paths) == 2  # tried twice, delivered once
    assert not pending


def test_quiet_hours_hold_urgent_alerts_until_they_end(receiver, httpserver, base_url, site, tmp_path, monkeypatch):
    config = _config(
        tmp_path, base_url, _hook(httpserver), 'urgent = ["privacy"]\nquiet_hours = "22:00-07:00"', monkeypatch
    )
    with open_store(config.storage_path) as store:
        run = store.start_run(config.site.name, NOW)
        _privacy_finding(store, config, run, NOW)
        notify.notify_urgent(config, store, NOW.replace(hour=23))
        assert receiver.posts == []
        notify.notify_urgent(config, store, NOW.replace(hour=8))
    assert len(receiver.posts) == 1


def test_secrets_never_in_logs_or_the_database(receiver, httpserver, base_url, site, tmp_path, monkeypatch, caplog):
    caplog.set_level(logging.DEBUG)
    config = _config(tmp_path, base_url, _hook(httpserver), "", monkeypatch)
    service.check(config, NOW)  # urgent alerts after the crawl (the fixture college has overdue items)
    digest.run_digest(config, NOW, None)
    assert receiver.posts  # something was sent through the secret URL
    ours = [r.getMessage() for r in caplog.records if not r.name.startswith("werkzeug")]  # not the test server's
    assert not [m for m in ours if TOKEN in m]
    stored = b"".join(p.read_bytes() for p in tmp_path.glob("m.db*"))
    assert TOKEN.encode() not in stored
    with open_store(config.storage_path) as store:
        labels = {n["label"] for n in store.notifications(config.site.name)}
    assert labels == {"json://…"}


def test_notify_test_command_reports_each_channel(receiver, httpserver, tmp_path, monkeypatch):
    from click.testing import CliRunner

    from monitor.cli import cli

    config = _config(tmp_path, "http://127.0.0.1:9", _hook(httpserver), "", monkeypatch)
    result = CliRunner().invoke(cli, ["notify", "--config", str(config.path), "--test"])
    assert result.exit_code == 0, result.output
    assert "[已送达] json://…" in result.output and TOKEN not in result.output
    assert len(receiver.posts) == 1 and "测试消息" in receiver.posts[0]["title"]
    monkeypatch.setenv("MONITOR_TEST_CHAT", f"json://127.0.0.1:{httpserver.port}/nowhere")
    failed = CliRunner().invoke(cli, ["notify", "--config", str(config.path), "--test"])
    assert failed.exit_code == 1 and "[失败]" in failed.output
