"""Chat alerts where the office works (企业微信, 钉钉, 飞书… any apprise URL): the weekly digest as a short Markdown
summary, and urgent findings that do not wait for Monday. Every message is sent once per (kind, key, channel):
a channel that fails stays pending and is retried by the next run; one that answered is never sent again.

Channels are apprise URLs from ``[notify] urls``/``urls_env`` (the office) and ``[departments.X] notify``/
``notify_env``. A URL may carry a robot's key: the store and the logs only ever see a hash and the service name.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import re
from dataclasses import dataclass

from monitor.checklist import load_checklist
from monitor.config import Config
from monitor.records import Finding
from monitor.report import stamp_date
from monitor.store import Store

log = logging.getLogger(__name__)

MAX_BYTES = 4000  # 企业微信 markdown messages take 4096 bytes; 钉钉 and 飞书 take more
KIND_ZH = {
    "privacy": "个人信息泄露",
    "unreachable": "无法访问",
    "overdue": "逾期未发布",
    "deadline": "法定期限将至",
    "blank": "空白栏目",
    "stale": "未及时更新",
    "missing": "未公开",
    "broken": "链接失效",
}


@dataclass(frozen=True)
class Channel:
    url: str
    department: str | None  # None: the office

    @property
    def id(self) -> str:
        return hashlib.sha256(self.url.encode()).hexdigest()[:16]

    @property
    def label(self) -> str:
        """The service only (``wecombot://…``): never the key."""
        return self.url.split("://", 1)[0] + "://…"


def channels(config: Config) -> list[Channel]:
    out = [Channel(u, None) for u in config.notify.urls]
    for name, dept in config.departments.items():
        out += [Channel(u, name) for u in dept.notify]
    return out


class _Redact(logging.Filter):
    """Keeps a channel's key out of apprise's own log lines (it logs the webhook URLs it posts to)."""

    def __init__(self, url: str):
        super().__init__()
        self.secrets = [p for p in re.split(r"[/?&=:@]+", url.split("://", 1)[-1]) if len(p) >= 6]

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        for secret in self.secrets:
            message = message.replace(secret, "…")
        record.msg, record.args = message, ()
        return True


def send(channel: Channel, title: str, body: str) -> tuple[bool, str]:
    """Post one Markdown message; (answered ok, what went wrong)."""
    import apprise  # imported here: only runs that notify pay for it

    redact = _Redact(channel.url)
    loggers = [logging.getLogger(name) for name in ("apprise", "urllib3.connectionpool", "requests")]
    for logger in loggers:
        logger.addFilter(redact)
    try:
        return _post(apprise, channel, title, body)
    finally:
        for logger in loggers:
            logger.removeFilter(redact)


def _post(apprise, channel: Channel, title: str, body: str) -> tuple[bool, str]:
    sender = apprise.Apprise()
    if not sender.add(channel.url):
        return False, f"{channel.label} is not a URL apprise understands"
    try:
        ok = sender.notify(title=title, body=body, body_format=apprise.NotifyFormat.MARKDOWN)
    except Exception as exc:  # a plugin's own failure: reported as this channel failing, never a crash
        return False, f"{type(exc).__name__}"
    return bool(ok), "" if ok else f"{channel.label} did not accept the message"


def fit(lines: list[str], limit: int = MAX_BYTES) -> str:
    """Lines joined within ``limit`` UTF-8 bytes; what does not fit is cut at a line, with a note."""
    out: list[str] = []
    for line in lines:
        candidate = "\n".join([*out, line, "……（更多见完整周报）"])
        if len(candidate.encode()) > limit:
            out.append("……（更多见完整周报）")
            break
        out.append(line)
    return "\n".join(out)


def digest_summary(ctx: dict, link: str | None) -> str:
    """The weekly digest in a few lines, with the same numbers as the e-mail digest (its context)."""
    summary = ctx["summary"]
    who = f"（{ctx['department']}）" if ctx["department"] else ""
    counts = (
        f"适用事项 {summary['applicable']} 项：正常 {summary['ok']}，有问题 {summary['failing']}，无法判断 {summary['unknown']}。"
        if summary
        else "本周没有完成的检查。"
    )
    lines = [
        f"### {ctx['site']} 信息公开周报{who} {ctx['week_zh']}",
        counts,
        f"本周新发现 {len(ctx['new'])} 个问题，已整改 {len(ctx['resolved'])} 个，仍未解决 {len(ctx['open'])} 个。",
    ]
    if ctx["new"]:
        lines.append("**新发现：**")
        lines += [f"- {f['kind_zh']}：{f['detail']}（{f['department']}）" for f in ctx["new"][:5]]
    longest = sorted(ctx["open"], key=lambda f: -f["open_days"])[:5]
    if longest:
        lines.append("**持续最久：**")
        lines += [f"- 已 {f['open_days']} 天：{f['detail']}（{f['department']}）" for f in longest]
    if ctx["deadlines"]:
        lines.append("**即将到期：**")
        lines += [
            f"- {d['title']}：{d['due']} 前（还有 {d['days_left']} 天，{d['department']}）"
            for d in ctx["deadlines"][:5]
        ]
    if link:
        lines.append(f"[查看完整周报]({link})")
    return fit(lines)


def _deliver(config: Config, store: Store, kind: str, key: str, channel: Channel, title: str, body: str, now) -> str:
    """Send unless already sent; record the outcome. Returns sent | sent-already | pending."""
    site = config.site.name
    if store.notification_sent(site, kind, key, channel.id):
        return "sent-already"
    ok, error = send(channel, title, body)
    store.record_notification(site, kind, key, channel.id, channel.label, ok, error, now)
    if not ok:
        log.warning("%s %s to %s not sent: %s", kind, key, channel.label, error)
    return "sent" if ok else "pending"


def notify_digest(config: Config, store: Store, week_label: str, contexts: list[tuple[str, tuple, dict]], now) -> dict:
    """The digest summary to every channel: the office's to office channels, a department's to its own."""
    by_reader = {recipient: ctx for recipient, _addresses, ctx in contexts}
    results = {}
    link = f"{config.public_url.rstrip('/')}/digest-{week_label}.html" if config.public_url else None
    for channel in channels(config):
        ctx = by_reader.get(f"dept:{channel.department}" if channel.department else "office")
        if ctx is None:
            continue  # nothing for this department this week
        body = digest_summary(ctx, link)
        results[channel.label] = _deliver(config, store, "digest", week_label, channel, "信息公开周报", body, now)
    return results


def _quiet(config: Config, now: dt.datetime) -> bool:
    if config.notify.quiet_hours is None:
        return False
    start, end = config.notify.quiet_hours
    t = now.time()
    return start <= t < end if start < end else (t >= start or t < end)


def urgent_findings(config: Config, store: Store, findings: list[Finding]) -> list[Finding]:
    """Open findings that do not wait for the digest, by the kinds configured in ``[notify] urgent``: personal
    data of high severity, an overdue annual publication, and a site or column unreachable for N runs in a row."""
    kinds = set(config.notify.urgent)
    needed = config.notify.unreachable_runs
    finished = [r.started_at for r in store.runs(config.site.name, limit=200) if r.status != "running"]

    def runs_since(first_seen: str) -> int:
        """Finished runs from the one that first saw a finding to now (it was open in each of them)."""
        return sum(1 for started in finished if started >= first_seen[:19])

    def urgent(f: Finding) -> bool:
        if f.kind not in kinds:
            return False
        if f.kind == "privacy":
            return f.severity == "high"
        if f.kind == "unreachable":
            return runs_since(f.first_seen) >= needed
        return f.kind == "overdue"

    return [f for f in findings if urgent(f)]


def _deadlines(config: Config, today: dt.date) -> list[tuple[str, str]]:
    """(key, message) for dated annual items due within 3 days."""
    out = []
    for item in load_checklist():
        if item.deadline and config.applicable(item):
            due = item.next_deadline(today - dt.timedelta(days=1))
            if 0 <= (due - today).days <= 3:
                dept = config.item_department(item.id) or "未指定"
                out.append(
                    (f"deadline:{item.id}:{due}", f"清单第 {item.id} 项「{item.short}」应于 {due} 前公开（{dept}）")
                )
    return out


def notify_urgent(config: Config, store: Store, now: dt.datetime) -> dict[str, int]:
    """After a recorded run: urgent findings once each, deadlines within 3 days once each, and a short 已整改 note
    for an urgent finding that has been resolved. Nothing is sent in quiet hours (it waits for the next run)."""
    counts = {"sent": 0, "pending": 0, "sent-already": 0}
    if not channels(config) or _quiet(config, now):
        return counts
    site = config.site.name
    messages = []
    for f in urgent_findings(config, store, store.open_findings(site)):
        text = f"**{KIND_ZH.get(f.kind, f.kind)}**：{f.detail}（{f.department or '未指定'}，{stamp_date(f.first_seen)} 起）"
        messages.append(("urgent", f"finding:{f.id}", text, f.department))
    if "deadline" in config.notify.urgent:
        messages += [("urgent", key, f"**法定期限将至**：{text}", None) for key, text in _deadlines(config, now.date())]
    sent_urgent = {n["key"] for n in store.notifications(site, "sent") if n["kind"] == "urgent"}
    for f in store.findings(site):
        if f.resolved_at and f"finding:{f.id}" in sent_urgent:
            text = f"**已整改**：{f.detail}（{stamp_date(f.resolved_at)} 已解决）"
            messages.append(("resolved", f"finding:{f.id}", text, f.department))
    for kind, key, text, department in messages:
        for channel in channels(config):
            if channel.department is not None and channel.department != department:
                continue
            counts[_deliver(config, store, kind, key, channel, f"{site} 信息公开提醒", text, now)] += 1
    return counts


def test_message(config: Config) -> list[tuple[str, bool, str]]:
    """``monitor notify --test``: one message to every channel; (channel, answered ok, what went wrong)."""
    text = f"**{config.site.name}**：信息公开监测的测试消息。收到即表示本群机器人配置正确。"
    return [
        (c.label + (f"（{c.department}）" if c.department else ""), *send(c, "测试消息", text))
        for c in channels(config)
    ]
