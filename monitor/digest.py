"""The weekly supervision digest (定期线上检查周报): context, per-department split, rendering, delivery.

``digest_context`` is pure: it takes what the store holds and ``today`` and returns the numbers the
templates show. ``send_digest`` renders one message per recipient (the office gets everything, each
department only its own items), records every (week, recipient) delivery, sends what is not yet sent
and leaves failures pending for the next run: exactly once, never lost.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass

from monitor.annualdraft import back_dated
from monitor.checklist import Checklist, load_checklist
from monitor.config import Config
from monitor.errors import MailError, UsageError
from monitor.evaluate import FAILING, SEVERITY_ORDER, STATUS_ZH
from monitor.mail import build_message, send
from monitor.notify import channels, notify_digest
from monitor.records import ItemStatus
from monitor.report import finding_dict
from monitor.report import stamp_date as _day
from monitor.store import Finding, Store, open_store
from monitor.templating import render

log = logging.getLogger(__name__)
OFFICE = "office"


@dataclass(frozen=True)
class Week:
    year: int
    number: int

    @property
    def start(self) -> dt.date:
        return dt.date.fromisocalendar(self.year, self.number, 1)

    @property
    def end(self) -> dt.date:
        return dt.date.fromisocalendar(self.year, self.number, 7)

    @property
    def label(self) -> str:
        return f"{self.year}-W{self.number:02d}"

    @property
    def zh(self) -> str:
        return f"{self.year}年第{self.number}周（{self.start:%m月%d日}—{self.end:%m月%d日}）"

    def shift(self, weeks: int) -> Week:
        return week_of(self.start + dt.timedelta(weeks=weeks))


def week_of(day: dt.date) -> Week:
    year, number, _ = day.isocalendar()
    return Week(year, number)


def parse_week(text: str) -> Week:
    m = re.fullmatch(r"(\d{4})-?W(\d{1,2})", text.strip(), re.I)
    if not m:
        raise UsageError(f"--week: {text!r} is not an ISO week such as 2026-W48")
    year, number = int(m.group(1)), int(m.group(2))
    if not 1990 <= year <= 2100:
        raise UsageError(f"--week: {year} is outside 1990-2100")
    try:
        dt.date.fromisocalendar(year, number, 1)
    except ValueError:
        raise UsageError(f"--week: {year} has no week {number}") from None
    return Week(year, number)


def last_complete_week(today: dt.date) -> Week:
    """The week just ended: the digest sent on a Monday covers the seven days before it."""
    return week_of(today - dt.timedelta(days=today.isoweekday()))


def _finding_row(f: Finding, checklist: Checklist, today: dt.date) -> dict:
    resolved = _day(f.resolved_at)
    return {
        **finding_dict(f, today),
        "kind_zh": STATUS_ZH.get(f.kind, f.kind),
        "item_title": checklist.get(f.item).title if f.item else "全站",
        "department": f.department or "未指定",
        "resolved_at": resolved.isoformat() if resolved else "",
    }


@dataclass(frozen=True)
class _History:
    """The runs and their item statuses, counted for one reader (the office, or one department's items)."""

    runs: list[dict]
    statuses_by_run: dict[int, dict[int, dict]]
    mine: Callable[[int], bool]

    def latest_until(self, day: dt.date) -> dict | None:
        runs = [h for h in self.runs if _day(h["started_at"]) <= day and h["id"] in self.statuses_by_run]
        return runs[-1] if runs else None

    def counts(self, run: dict | None) -> dict | None:
        if run is None:
            return None
        statuses = [s for i, s in self.statuses_by_run[run["id"]].items() if self.mine(i)]
        applicable = [s for s in statuses if s["status"] != ItemStatus.NOT_APPLICABLE]
        return {
            "ok": sum(s["status"] == ItemStatus.OK for s in applicable),
            "failing": sum(s["status"] in FAILING for s in applicable),
            "unknown": sum(s["status"] == ItemStatus.UNKNOWN for s in applicable),
            "applicable": len(applicable),
            "by_status": {k: sum(s["status"] == k for s in applicable) for k in FAILING},
        }

    def chart(self, week: Week) -> list[dict]:
        """Eight weeks of ok/failing counts, as bar percentages of the largest."""
        chart = []
        for back in range(7, -1, -1):
            w = week.shift(-back)
            c = self.counts(self.latest_until(w.end))
            chart.append(
                {"label": f"W{w.number:02d}", "ok": c["ok"] if c else None, "failing": c["failing"] if c else None}
            )
        peak = max([c["ok"] or 0 for c in chart] + [c["failing"] or 0 for c in chart] + [1])
        for c in chart:
            c["ok_pct"] = round(100 * (c["ok"] or 0) / peak)
            c["failing_pct"] = round(100 * (c["failing"] or 0) / peak)
        return chart


def _activity(config: Config, entries: list, department: str | None) -> list[dict]:
    """New entries per column in the week, most active first."""
    columns = {c.url: c for c in config.columns}
    activity: dict[str, dict] = {}
    for e in entries:
        col = columns.get(e.column_url)
        if col is None or (department and col.department != department):
            continue
        row = activity.setdefault(col.url, {"name": col.name, "url": col.url, "count": 0, "department": col.department})
        row["count"] += 1
    return sorted(activity.values(), key=lambda r: -r["count"])


def _deadlines(config: Config, checklist: Checklist, today: dt.date, mine) -> list[dict]:
    """Dated annual items due within 30 days (a deadline today still counts as upcoming)."""
    out = []
    for item in checklist:
        if item.deadline and config.applicable(item) and mine(item.id):
            due = item.next_deadline(today - dt.timedelta(days=1))
            left = (due - today).days
            if 0 <= left <= 30:
                dept = config.item_department(item.id) or "未指定"
                out.append(
                    {
                        "item": item.id,
                        "title": item.title,
                        "due": due.isoformat(),
                        "days_left": left,
                        "department": dept,
                    }
                )
    return sorted(out, key=lambda d: d["days_left"])


def _finding_sections(findings: list[Finding], checklist: Checklist, week: Week, today: dt.date, department) -> dict:
    """The week's new findings, those open at its end, and those resolved during it, most severe first."""
    start, end = week.start, week.end
    relevant = [f for f in findings if (department is None or f.department == department)]
    new = [f for f in relevant if start <= _day(f.first_seen) <= end]
    open_at_end = [
        f for f in relevant if _day(f.first_seen) <= end and (f.resolved_at is None or _day(f.resolved_at) > end)
    ]
    resolved = [f for f in relevant if f.resolved_at and start <= _day(f.resolved_at) <= end]

    def rows(found: list[Finding]) -> list[dict]:
        ordered = sorted(found, key=lambda f: (SEVERITY_ORDER.get(f.severity, 9), f.first_seen, f.item or 0))
        return [_finding_row(f, checklist, today) for f in ordered]

    return {"new": rows(new), "open": rows(open_at_end), "resolved": rows(resolved)}


def digest_context(
    config: Config,
    checklist: Checklist,
    week: Week,
    today: dt.date,
    history: list[dict],
    statuses_by_run: dict[int, dict[int, dict]],
    findings: list[Finding],
    entries: list,
    department: str | None = None,
) -> dict:
    """Everything the digest shows for one week, for the office (department None) or one department."""
    mine = (lambda item_id: config.item_department(item_id) == department) if department else (lambda _i: True)
    runs = _History(history, statuses_by_run, mine)
    this_run = runs.latest_until(week.end)
    now_counts, prev_counts = runs.counts(this_run), runs.counts(runs.latest_until(week.start - dt.timedelta(days=1)))
    unknown = []
    if this_run:
        for item_id, s in sorted(statuses_by_run[this_run["id"]].items()):
            if s["status"] == ItemStatus.UNKNOWN and mine(item_id):
                unknown.append({"item": item_id, "title": checklist.get(item_id).title, "reason": s["reason"] or "—"})
    delta = None
    if now_counts and prev_counts:
        delta = {"ok": now_counts["ok"] - prev_counts["ok"], "failing": now_counts["failing"] - prev_counts["failing"]}
    return {
        "site": config.site.name,
        "week": week.label,
        "week_zh": week.zh,
        "today": today.isoformat(),
        "department": department,
        "run": this_run,
        "summary": now_counts,
        "previous": prev_counts,
        "delta": delta,
        "status_zh": STATUS_ZH,
        "chart": runs.chart(week),
        **_finding_sections(findings, checklist, week, today, department),
        "activity": _activity(config, entries, department),
        "deadlines": _deadlines(config, checklist, today, mine),
        "unknown": unknown,
        "back_dated": [],  # filled where the store is at hand (contexts_for_week)
    }


def subject_for(ctx: dict) -> str:
    who = f"·{ctx['department']}" if ctx["department"] else ""
    failing = ctx["summary"]["failing"] if ctx["summary"] else 0
    return (
        f"【信息公开周报】{ctx['site']}{who} {ctx['week_zh'].split('（')[0]}："
        f"{len(ctx['open'])} 个问题待整改，本周新发现 {len(ctx['new'])} 个，{failing} 项事项有问题"
    )


def render_digest(ctx: dict) -> tuple[str, str]:
    """(html, text) of one digest: the same content in both parts."""
    return render("digest.html", **ctx), render("digest.txt", **ctx)


@dataclass(frozen=True)
class Planned:
    week: str
    recipient: str  # office | dept:<name>
    addresses: tuple[str, ...]
    subject: str
    open: int
    new: int
    status: str  # to-send | sent-already | sent | pending | dry-run
    error: str = ""


def _load(config: Config, store: Store):
    site = config.site.name
    history = store.status_history(site, limit=400)
    statuses = {h["id"]: store.item_statuses(h["id"]) for h in history}
    return history, statuses, store.findings(site)


def contexts_for_week(config: Config, store: Store, week: Week, today: dt.date) -> list[tuple[str, tuple, dict]]:
    """(recipient, addresses, context) for the office and every department with something to say."""
    checklist = load_checklist()
    history, statuses, findings = _load(config, store)
    entries = store.entries_dated(week.start.isoformat(), week.end.isoformat())
    out = []
    late = back_dated(config, store, week.start, week.end)  # entries that appeared this week with an older date
    office = digest_context(config, checklist, week, today, history, statuses, findings, entries)
    office["back_dated"] = late
    out.append((OFFICE, tuple(config.email.to) if config.email else (), office))
    for name, dept in config.departments.items():
        ctx = digest_context(config, checklist, week, today, history, statuses, findings, entries, department=name)
        ctx["back_dated"] = [b for b in late if b["department"] == name]
        if not dept.emails:
            continue
        if ctx["open"] or ctx["deadlines"] or ctx["resolved"] or dept.always:
            out.append((f"dept:{name}", dept.emails, ctx))
    return out


def write_digest_files(config: Config, week: Week, ctx: dict) -> tuple:
    html, text = render_digest(ctx)
    config.reports_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for suffix, content in ((".html", html), (".txt", text)):
        path = config.reports_dir / f"digest-{week.label}{suffix}"
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_text(content, encoding="utf-8")
        tmp.replace(path)
        paths.append(path)
    return tuple(paths)


@dataclass(frozen=True)
class DigestOutcome:
    week: Week
    files: tuple
    deliveries: tuple[Planned, ...]
    chat: tuple[tuple[str, str, str], ...] = ()  # (week, channel, sent | sent-already | pending)

    @property
    def failed(self) -> list[Planned]:
        return [d for d in self.deliveries if d.status == "pending"]


def _planned(week: Week, recipient: str, addresses, subject: str, ctx: dict, state: str, error: str = "") -> Planned:
    return Planned(week.label, recipient, addresses, subject, len(ctx["open"]), len(ctx["new"]), state, error)


def _retries(config: Config, store: Store, week: Week, today: dt.date) -> list[tuple[Week, str, tuple, dict]]:
    """Deliveries of earlier weeks still pending, rebuilt for their own week."""
    out = []
    for pending in store.deliveries(config.site.name, status="pending"):
        if pending.week != week.label:
            w = parse_week(pending.week)
            out += [
                (w, r, a, ctx) for r, a, ctx in contexts_for_week(config, store, w, today) if r == pending.recipient
            ]
    return out


def _deliver(config: Config, store: Store, job: tuple[Week, str, tuple, dict], now: dt.datetime) -> Planned:
    """Send one digest and record the delivery: sent, or pending with the error (retried next run)."""
    w, recipient, addresses, ctx = job
    subject = subject_for(ctx)
    html, text = render_digest(ctx)
    msg = build_message(config.email.sender, list(addresses), subject, text, html, now)
    try:
        send(config.email, msg)
    except MailError as exc:
        log.warning("digest %s to %s not sent: %s", w.label, recipient, exc)
        store.record_delivery(
            config.site.name, w.label, recipient, list(addresses), subject, False, str(exc), now, None
        )
        return _planned(w, recipient, addresses, subject, ctx, "pending", str(exc))
    message_id = msg["Message-ID"]
    store.record_delivery(config.site.name, w.label, recipient, list(addresses), subject, True, "", now, message_id)
    return _planned(w, recipient, addresses, subject, ctx, "sent")


def run_digest(
    config: Config, now: dt.datetime, week: Week | None = None, dry_run: bool = False, force: bool = False
) -> DigestOutcome:
    """Render the week's digest, write it to reports/, and deliver it (unless ``dry_run``).

    Pending deliveries of earlier weeks are retried first. Without ``force`` nothing already sent is sent again.
    """
    today = now.date()
    week = week or last_complete_week(today)
    with open_store(config.storage_path) as store:
        if not store.last_run(config.site.name):
            raise UsageError(
                f"no finished run for {config.site.name} in {config.storage_path}: run 'monitor check' first"
            )
        planned: list[Planned] = []
        to_send = [] if dry_run else _retries(config, store, week, today)
        contexts = contexts_for_week(config, store, week, today)
        files = write_digest_files(config, week, contexts[0][2])
        for recipient, addresses, ctx in contexts:
            already = store.delivery(config.site.name, week.label, recipient)
            if not addresses:
                continue
            if already and already.status == "sent" and not force:
                planned.append(_planned(week, recipient, addresses, already.subject, ctx, "sent-already"))
            elif dry_run:
                planned.append(_planned(week, recipient, addresses, subject_for(ctx), ctx, "dry-run"))
            else:
                to_send.append((week, recipient, addresses, ctx))
        if to_send and config.email is None:
            if not channels(config):
                raise UsageError(
                    f"{config.path}: email: no [email] section: add one to send the digest, or use --dry-run"
                )
            to_send = []  # chat only: the summary goes to the channels below
        planned += [_deliver(config, store, job, now) for job in to_send]
        chat = () if dry_run else _chat(config, store, week, contexts, today, now)
        return DigestOutcome(week, files, tuple(planned), chat)


def _chat(config: Config, store: Store, week: Week, contexts, today: dt.date, now) -> tuple:
    """The summary to the chat channels: this week's, and earlier weeks' still pending."""
    out = []
    earlier = {n["key"] for n in store.notifications(config.site.name, "pending") if n["kind"] == "digest"}
    for label in sorted(earlier - {week.label}):
        ctxs = contexts_for_week(config, store, parse_week(label), today)
        out += [(label, ch, state) for ch, state in notify_digest(config, store, label, ctxs, now).items()]
    out += [(week.label, ch, state) for ch, state in notify_digest(config, store, week.label, contexts, now).items()]
    return tuple(out)


def send_test(config: Config, now: dt.datetime) -> str:
    """Send a small sample message to the office to check the mail settings; returns the subject."""
    if config.email is None:
        raise UsageError(f"{config.path}: email: no [email] section to test")
    subject = f"【信息公开周报】{config.site.name} 邮件设置测试"
    text = f"这是一封测试邮件：xxgk-monitor 可以通过 {config.email.host}:{config.email.port} 发送周报。"
    html = render("mail_test.html", site=config.site.name, host=config.email.host, port=config.email.port)
    send(config.email, build_message(config.email.sender, list(config.email.to), subject, text, html, now))
    return subject


def delivery_summary(outcome: DigestOutcome) -> list[dict]:
    return [
        {
            "week": d.week,
            "recipient": d.recipient,
            "addresses": list(d.addresses),
            "subject": d.subject,
            "open": d.open,
            "new": d.new,
            "status": d.status,
            "error": d.error,
        }
        for d in outcome.deliveries
    ]
