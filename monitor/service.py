"""The library functions behind the CLI commands: config -> crawl -> store -> evaluate -> results.

Each function takes a loaded :class:`Config` and the current time (only the outermost caller reads
the clock), does one job and returns plain data; the CLI prints it.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import os
import threading
import time
import zoneinfo
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

import httpx
from filelock import FileLock, Timeout

from monitor.checklist import load_checklist
from monitor.config import Config
from monitor.crawl import Progress, crawl
from monitor.errors import LockError, StoreError, UsageError
from monitor.evaluate import ColumnView, Evaluation, evaluate
from monitor.notify import notify_urgent
from monitor.records import RunStatus
from monitor.report import check_document, render_report
from monitor.stats import compute as compute_stats
from monitor.stats import last_academic_year
from monitor.store import Finding, Run, Store, open_store

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class CheckResult:
    run: Run
    evaluation: Evaluation
    findings: tuple[Finding, ...]  # open findings after this check, with their history
    document: dict  # the ``check --format json`` contract
    today: dt.date
    report_path: Path | None = None

    @property
    def exit_code(self) -> int:
        """0 all applicable items ok; 1 findings exist; 3 the site could not be reached."""
        if self.run.status in RunStatus.unjudged():
            return 3
        if self.findings or self.evaluation.summary["failing"]:
            return 1
        return 0


def now_in(config: Config) -> dt.datetime:
    return now_in_zone(config.schedule.timezone)


def now_in_zone(timezone: str) -> dt.datetime:
    return dt.datetime.now(zoneinfo.ZoneInfo(timezone))


def running_clock(now: dt.datetime) -> Callable[[], dt.datetime]:
    """A clock that starts at ``now`` and runs in real time: run timestamps agree with ``now``
    (also when ``now`` is a rehearsal date given with --today)."""
    start = time.monotonic()
    return lambda: now + dt.timedelta(seconds=time.monotonic() - start)


def column_views(config: Config, store: Store, run_id: int) -> list[ColumnView]:
    checks = store.column_checks(run_id)
    views = []
    for col in config.columns:
        entries = tuple(store.entries(col.url, run_id))
        urls = [e.url for e in entries]
        views.append(
            ColumnView(
                col,
                checks.get(col.url),
                entries,
                store.links(urls, problems_only=True),
                tuple(store.attachments_of(urls, problems_only=True)),
                frozenset(store.read_pages(e.url for e in entries if not e.date)),
            )
        )
    return views


def evaluate_run(
    config: Config, store: Store, run: Run, today: dt.date, now: dt.datetime, record: bool = True
) -> Evaluation:
    """Evaluate a stored run and, with ``record``, store item statuses and the findings' lifecycle."""
    views = column_views(config, store, run.id)
    evaluation = evaluate(config, load_checklist(), run.status, views, today, config.crawl.check_links)
    if record:
        store.save_item_statuses(
            run.id,
            [(r.item.id, r.status, r.latest.isoformat() if r.latest else None, r.reason) for r in evaluation.items],
        )
        store.record_findings(config.site.name, run.id, evaluation.findings, now, evaluation.resolvable)
    return evaluation


def lock_path(config: Config) -> Path:
    return config.storage_path.with_name(config.storage_path.name + ".lock")


@contextmanager
def crawl_lock(config: Config, wait: bool = True, on_wait: Callable[[str], None] | None = None) -> Iterator[None]:
    """One crawl per site at a time, across processes. The OS drops the lock of a killed process."""
    path = lock_path(config)
    try:  # "cannot create the lock" is not "the lock is held": find out before waiting on it
        path.parent.mkdir(parents=True, exist_ok=True)
        os.close(os.open(path, os.O_RDWR | os.O_CREAT, 0o644))
    except OSError as exc:
        raise StoreError(
            f"cannot create the crawl lock {path}: {exc.strerror} (check storage.path in the config and that this "
            "user may write there)"
        ) from None
    lock = FileLock(str(path))
    try:
        lock.acquire(timeout=0)
    except Timeout:
        if not wait:
            raise LockError(
                f"another crawl of {config.site.name} is running (lock {path}): "
                "try again later, or run without --no-wait to wait for it"
            ) from None
        if on_wait:
            on_wait(f"另一个抓取正在进行，等待其完成 / waiting for the running crawl of {config.site.name} ({path})")
        lock.acquire()
    try:
        yield
    finally:
        lock.release()


def check(
    config: Config,
    now: dt.datetime,
    do_crawl: bool = True,
    progress: Progress | None = None,
    transport: httpx.AsyncBaseTransport | None = None,
    clock: Callable[[], dt.datetime] | None = None,
    report: bool = False,
    wait: bool = True,
    on_wait: Callable[[str], None] | None = None,
    stop: threading.Event | None = None,
    rehearsal: bool = False,
) -> CheckResult:
    """Crawl the site (unless ``do_crawl`` is false), evaluate, record findings, build the result.

    With ``report``, the HTML report is written too (``CheckResult.report_path``). A crawl takes the
    site's lock: with ``wait`` false a running crawl makes this raise :class:`LockError` at once.

    A ``rehearsal`` judges as of ``now`` (another day than today) and changes no history: the crawl is a real
    observation, stored with the real clock, but no finding is opened, touched or resolved and no item status is
    recorded.
    """
    if not do_crawl:
        return _check(config, now, False, progress, transport, clock, report, stop, rehearsal)
    with crawl_lock(config, wait, on_wait):
        return _check(config, now, True, progress, transport, clock, report, stop, rehearsal)


def _check(config, now, do_crawl, progress, transport, clock, report, stop, rehearsal=False) -> CheckResult:
    with open_store(config.storage_path) as store:
        if do_crawl:
            real = now_in(config) if rehearsal else now
            outcome = crawl(config, store, clock or running_clock(real), progress, transport, stop)
            run = store.run(outcome.run_id)
        else:
            run = store.last_run(config.site.name)
            if run is None:
                raise UsageError(
                    f"no finished run for {config.site.name} in {config.storage_path}: "
                    "run 'monitor check' without --no-crawl first"
                )
        return _judged(config, store, run, now, do_crawl and not rehearsal, report, rehearsal)


async def check_async(config: Config, now: dt.datetime, report: bool = False, stop=None) -> CheckResult:
    """:func:`check` with a crawl, as a coroutine: many colleges' checks share one event loop (province mode).
    Never waits for another crawl of the same site (:class:`LockError`). ``stop`` (anything with ``is_set``)
    ends the crawl as :func:`check`'s does."""
    from monitor.crawl import crawl_site

    with crawl_lock(config, wait=False), open_store(config.storage_path) as store:
        outcome = await crawl_site(config, store, running_clock(now), stop=stop)
        return _judged(config, store, store.run(outcome.run_id), now, True, report)


def _judged(config, store, run, now, crawled: bool, report: bool, rehearsal: bool = False) -> CheckResult:
    """Evaluate a stored run; a new crawl's judgement is recorded (item statuses, findings, urgent alerts)."""
    today = now.date()
    record = crawled and run.status != RunStatus.ABORTED
    evaluation = evaluate_run(config, store, run, today, now, record=record)
    if record:
        notify_urgent(config, store, now)  # what cannot wait for the digest, to the chat channels
    if record or not rehearsal:
        findings = tuple(store.open_findings(config.site.name))
    else:
        findings = projected_findings(store.open_findings(config.site.name), evaluation, now)
    document = check_document(config, run, evaluation, findings, now)
    result = CheckResult(run, evaluation, findings, document, today)
    if report:
        result = replace(result, report_path=_write_report(config, store, run, evaluation, findings, now))
    return result


def projected_findings(open_findings, evaluation, now: dt.datetime) -> tuple[Finding, ...]:
    """The findings a rehearsal would leave open, without recording them: those still seen keep their history,
    new ones start at ``now`` (id 0: not stored)."""
    known = {(f.kind, f.item, f.url): f for f in open_findings}
    stamp = now.isoformat()
    out = []
    for d in evaluation.findings:
        f = known.get((d.kind, d.item, d.url))
        if f is not None:
            out.append(replace(f, severity=d.severity, detail=d.detail, department=d.department, last_seen=stamp))
        else:
            out.append(Finding(0, "", d.kind, d.item, d.url, d.severity, d.detail, d.department, stamp, stamp, None))
    return tuple(out)


def _write_report(config: Config, store: Store, run: Run, evaluation: Evaluation, findings, now: dt.datetime) -> Path:
    start, end = last_academic_year(now.date())
    html = render_report(
        config,
        run,
        evaluation,
        findings,
        store.status_history(config.site.name),
        store.runs(config.site.name, limit=10),
        now,
        compute_stats(config, store, start, end),
    )
    config.reports_dir.mkdir(parents=True, exist_ok=True)
    path = config.reports_dir / f"report-{now.date().isoformat()}.html"
    tmp = path.with_suffix(".html.tmp")
    tmp.write_text(html, encoding="utf-8")
    tmp.replace(path)
    return path


def write_report(config: Config, now: dt.datetime) -> Path:
    """Render the HTML report of the last finished run (without crawling) into the reports folder."""
    with open_store(config.storage_path) as store:
        run = store.last_run(config.site.name)
        if run is None:
            raise UsageError(
                f"no finished run for {config.site.name} in {config.storage_path}: run 'monitor check' first"
            )
        evaluation = evaluate_run(config, store, run, now.date(), now, record=False)
        return _write_report(config, store, run, evaluation, tuple(store.open_findings(config.site.name)), now)


def stats(
    config: Config, start: dt.date, end: dt.date, backfill: bool = False, now: dt.datetime | None = None, progress=None
) -> dict:
    """Count a period's entries (``monitor stats``); with ``backfill``, first crawl every column to its last page."""
    if backfill:
        # every page of every column; link checks stay on: undated lists get their dates from the articles
        deep = replace(config, crawl=replace(config.crawl, max_pages_per_column=1_000_000, max_pages=10_000_000))
        check(deep, now or now_in(config), progress=progress)
    with open_store(config.storage_path) as store:
        return compute_stats(config, store, start, end)


def _report_source(config: Config, year, url: str | None, file: Path | None) -> tuple[str, bytes, str, str] | None:
    """(where, bytes, kind, final URL) of the report: the given file or URL, else the newest entry evidencing
    checklist item 6 for that 学年 in the stored crawl. None when there is none or it cannot be fetched."""
    from monitor.documents import document_kind

    if file is not None:
        kind = "txt" if file.suffix.lower() == ".txt" else document_kind(str(file)) or "html"
        return str(file), file.read_bytes(), kind, ""
    if url is None:
        url = _find_report(config, year)
        if url is None:
            return None

    async def fetch() -> tuple[bytes, str, str]:
        from monitor.fetch import Fetcher
        from monitor.urls import host_of, normalise_url

        hosts = config.hosts | {host_of(normalise_url(url))}  # a URL given by hand may be on the college's file server
        async with Fetcher(config.crawl, hosts, config.site.contact, domains=config.domains) as fetcher:
            resp = await fetcher.get(url)
        if not resp.ok:
            log.warning("annual report %s: %s", url, resp.error or resp.status)
            return b"", "unreadable", resp.final_url
        return resp.body, document_kind(resp.final_url, resp.headers.get("content-type", "")) or "html", resp.final_url

    return (url, *asyncio.run(fetch()))


def _find_report(config: Config, year) -> str | None:
    from monitor.evaluate import edition_matches

    item = load_checklist().get(6)
    with open_store(config.storage_path) as store:
        entries = [
            e
            for col in config.columns
            if 6 in col.items
            for e in store.entries_between(col.url, year.start.isoformat(), year.deadline.isoformat())
        ]
    dated = [
        e for e in entries if e.date and edition_matches(item, e.title, dt.date.fromisoformat(e.date), year.deadline)
    ]
    return max(dated, key=lambda e: e.date).url if dated else None


def annual_check(config: Config, year, url: str | None = None, file: Path | None = None) -> tuple[dict, int]:
    """``monitor annual check``: the college's annual report for ``year`` judged; (document, exit code)."""
    from monitor import annual
    from monitor.documents import document_text
    from monitor.parse import page_lines, parse_article

    items = [i for i in load_checklist() if config.applicable(i)]
    source = _report_source(config, year, url, file)
    text, published = None, None
    if source is not None:
        _where, body, kind, final = source
        if kind == "unreadable":
            text = None
        elif kind in ("pdf", "docx", "doc"):
            text = document_text(body, kind)
        elif kind == "txt":
            text = body.decode("utf-8", errors="replace")
        else:
            text = page_lines(body)
            published = parse_article(body, final or "http://localhost/").published
    if not text or not text.strip():
        why = "未找到该学年的信息公开年度报告" if source is None else "无法读取报告内容"
        return {
            "year": year.label,
            "source": source[0] if source else None,
            "problems": [{"kind": "unreadable", "reason": why}],
        }, 3
    with open_store(config.storage_path) as store:
        own = {c["name"]: c["count"] for c in compute_stats(config, store, year.start, year.end)["columns"]}
    doc = {"source": source[0], **annual.judge(text, year, published or annual.signed_date(text), items, own)}
    _record_annual_findings(config, year, doc)
    return doc, 1 if doc["problems"] else 0


def _record_annual_findings(config: Config, year, doc: dict) -> None:
    """Each problem of the report is an ``annual_report`` finding routed to the office (department ""): it shows in
    check's JSON, the report and the digest, and is resolved when a later check no longer finds it."""
    from monitor.evaluate import FindingDraft
    from monitor.records import FindingKind

    url = doc["source"] if str(doc["source"]).startswith(("http://", "https://")) else ""
    drafts = [  # one finding per kind of problem (per missing part): the anchor keeps their identities apart
        FindingDraft(
            FindingKind.ANNUAL_REPORT,
            6,
            f"{url}#{p['kind']}" + (f"-{p['part']}" if "part" in p else ""),
            "high" if p["kind"] in ("late", "undated", "unreadable") else "medium",
            f"{year.label} 学年年度报告：{p['reason']}",
            "",
        )
        for p in doc["problems"]
    ]
    with open_store(config.storage_path) as store:
        run = store.last_run(config.site.name)
        if run is None:
            return  # findings belong to a run: before the first crawl there is none to attach them to
        now = now_in(config)
        store.record_findings(config.site.name, run.id, drafts, now, lambda f: f.kind == FindingKind.ANNUAL_REPORT)


def annual_draft(config: Config, year, fmt: str = "docx", out: Path | None = None) -> tuple[Path, dict]:
    """``monitor annual draft``: the annual report's skeleton with the parts the monitor can fill, written to
    ``out`` (default ``reports/annual-YYYY-YYYY-draft.<fmt>``)."""
    from monitor import annualdraft

    with open_store(config.storage_path) as store:
        data = annualdraft.draft_data(config, store, year)
    path = out or config.reports_dir / f"annual-{year.label}-draft.{fmt}"
    path.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "docx":
        path.write_bytes(annualdraft.to_docx(data))
    else:
        text = annualdraft.to_html(data) if fmt == "html" else annualdraft.to_markdown(data)
        path.write_text(text, encoding="utf-8")
    return path, data
