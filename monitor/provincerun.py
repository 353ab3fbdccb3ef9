"""Province mode: every college of a province checked in one run (``monitor province check``).

Colleges are dealt round-robin into one shard per process (``[province] workers``, default one per core;
the first shard runs in the calling process); inside a process each college is checked as ``monitor check`` does (:func:`monitor.service.check_async`),
up to ``parallel / workers`` colleges at a time, all on the process's one event loop, each with its own
fetcher and database. A college's politeness is its own config's (delay, concurrency, robots, Retry-After): one
fetcher per college, so one slow or hostile host holds only its own thread. Every result goes to the
parent through a queue as soon as its college is done; a process that dies loses only its unfinished
colleges, which are reported as such.
"""

from __future__ import annotations

import asyncio
import csv
import datetime as dt
import json
import logging
import multiprocessing as mp
import os
import queue as queue_mod
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import urlsplit

from monitor import service
from monitor.configschema import show
from monitor.errors import ConfigError, MonitorError, UsageError
from monitor.province import College, Province, load_province
from monitor.provincereport import (
    CollegeInfo,
    college_row,
    college_week,
    province_digest_context,
    province_digest_subject,
    province_document,
    ranked,
    render_province_digest,
    render_province_report,
    to_csv,
)
from monitor.schedule import Service, check_schedule, last_fire, schedule_triggers

log = logging.getLogger(__name__)

Events = Callable[[str, object], None]


@dataclass(frozen=True)
class CollegeResult:
    index: int
    name: str
    url: str
    level: str
    exit_code: int  # as `monitor check` exits: 0 ok, 1 problems, 2 config, 3 unreachable
    check: dict | None  # the `monitor check --format json` document, None when no check could run
    error: str = ""
    report: str | None = None  # its HTML report
    discovered: bool = False  # its config was written by this run's discovery
    seconds: float = 0.0

    def document(self) -> dict:
        out = {"name": self.name, "url": self.url, "level": self.level, "exit_code": self.exit_code}
        out["check"] = self.check
        if self.report:
            out["report"] = self.report  # its HTML report (beside "check", which stays as `monitor check` prints it)
        if self.error:
            out["error"] = self.error
        return out


@dataclass(frozen=True)
class ProvinceOutcome:
    province: str
    colleges: tuple[CollegeResult, ...]

    @property
    def exit_code(self) -> int:
        """0 every college ok; 3 no college could be reached; 1 otherwise."""
        codes = [c.exit_code for c in self.colleges]
        if all(code == 3 for code in codes):
            return 3
        return 0 if all(code == 0 for code in codes) else 1

    def document(self) -> dict:
        return {"province": self.province, "colleges": [c.document() for c in self.colleges]}


# --- a college's config: its own, or discovered on its first run ---------------------------------------


def _header(college: College, note: str) -> str:
    parts = urlsplit(college.url)
    return "\n".join(
        [
            f"# {note}",
            "# Review it: fix columns, items and departments; it is re-used by every later run (delete it to discover again).",
            "",
            "[site]",
            f"name = {show(college.name)}",
            f'base_url = "{parts.scheme}://{parts.netloc}/"',
            f'level = "{college.level}"',
            "",
            "[storage]",
            'path = "monitor.db"',
            "",
            "[reports]",
            'dir = "reports"',
            "",
        ]
    )


def config_in_effect(province: Province, college: College) -> Path | None:
    """The config a college is checked with: its own or discovered one, else the probe of a site that was down."""
    for path in (province.config_path(college), province.config_path(college).with_name("unreachable.toml")):
        if path.is_file():
            return path
    return None


NOT_CHECKED = "尚未检查 / not checked yet"


def stored_config(province: Province, college: College):
    """(the Config of a college that has a database, "") or (None, why it has none): never creates a database."""
    path = config_in_effect(province, college)
    if path is None:
        return None, NOT_CHECKED
    try:
        config = province.college_config(college, path=path)
    except MonitorError as exc:
        return None, str(exc)
    return (config, "") if config.storage_path.exists() else (None, NOT_CHECKED)


async def ensure_config(province: Province, college: College) -> tuple[Path, bool]:
    """(the college's config, whether this call wrote it). Without a config, discovery proposes one from the
    college's URL and it is written; a site that answers nothing gets a probe-only config for this run and is
    discovered again next time. Raises nothing for a down site: its check reports it unreachable."""
    from monitor.discover import discover_async, to_toml

    path = province.config_path(college)
    if path.is_file():
        return path, False
    found = await discover_async(college.url, province.crawl, college.name, college.level, province.discover_pages, 2)
    await asyncio.sleep(province.crawl.delay)  # the check's fetcher starts afresh: keep the host's delay between them
    path.parent.mkdir(parents=True, exist_ok=True)
    if not found.answered:
        probe = path.with_name("unreachable.toml")
        probe.write_text(_header(college, f"{college.url} did not answer: discovery runs again next time"), "utf-8")
        return probe, False
    if not found.proposals:  # no config rather than one that would call all 50 items missing
        raise ConfigError(
            f"{college.url}: 未能自动发现信息公开栏目（读取 {found.pages} 页）：请检查网址，或在 province.toml 中为"
            f"该校指定 config / no disclosure column found: check the URL, or give the college a config"
        )
    note = f"written by `monitor province check` from `monitor discover {college.url}` ({len(found.proposals)} columns)"
    text = _header(college, note) + "\n" + to_toml(found)
    tmp = path.with_suffix(".toml.tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)
    path.with_name("unreachable.toml").unlink(missing_ok=True)
    return path, True


# --- one college ------------------------------------------------------------------------------------


async def check_college(
    province: Province, index: int, now: dt.datetime, annual: bool = True, stop=None
) -> CollegeResult:
    """Check one college as `monitor check --report` would; any failure is that college's result only."""
    college = province.colleges[index]
    started = time.monotonic()
    common = dict(index=index, name=college.name, url=college.url, level=college.level)
    try:
        path, discovered = await ensure_config(province, college)
        config = province.college_config(college, path=path)
        result = await service.check_async(config, now, report=True, stop=stop)
        stopped = stop is not None and stop.is_set()
        if annual and not stopped and result.exit_code != 3 and path == province.config_path(college):
            await asyncio.sleep(config.crawl.delay)  # the report may be on the host the crawl has just left
            await asyncio.to_thread(_annual, config, now)
        return CollegeResult(
            **common,
            exit_code=result.exit_code,
            check=result.document,
            report=str(result.report_path) if result.report_path else None,
            discovered=discovered,
            seconds=time.monotonic() - started,
        )
    except MonitorError as exc:
        return CollegeResult(**common, exit_code=exc.exit_code, check=None, error=str(exc))
    except Exception as exc:  # one college's bug never stops the province
        log.exception("college %s", college.name)
        return CollegeResult(**common, exit_code=1, check=None, error=f"内部错误 / internal error: {exc!r}")


def _annual(config, now: dt.datetime) -> None:
    """The last complete 学年's annual report judged (it records or resolves the college's annual findings)."""
    from monitor.annual import Year

    try:
        service.annual_check(config, Year.last_complete(now.date()))
    except MonitorError as exc:
        log.warning("annual check of %s: %s", config.site.name, exc)


# --- shards and processes ----------------------------------------------------------------------------


async def _shard(province: Province, indexes: list[int], now: dt.datetime, at_once: int, put, annual, stop) -> None:
    """A shard's colleges on one event loop, ``at_once`` at a time: a coroutine per college costs far less
    memory than a thread per college (no stack, no event loop, no malloc arena of its own)."""
    slots = asyncio.Semaphore(max(1, at_once))

    async def one(index: int) -> None:
        async with slots:
            put(("start", index))
            put(("done", await check_college(province, index, now, annual, stop)))

    await asyncio.gather(*(one(i) for i in indexes))


def _run_shard(province: Province, indexes: list[int], now: dt.datetime, at_once: int, put, annual, stop) -> None:
    asyncio.run(_shard(province, indexes, now, at_once, put, annual, stop))


def _shard_process(path: str, indexes: list[int], now: dt.datetime, at_once: int, q, annual: bool, stop) -> None:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    _run_shard(load_province(path), indexes, now, at_once, q.put, annual, stop)


def check_province(
    province: Province,
    now: dt.datetime,
    progress: Events | None = None,
    workers: int | None = None,
    annual: bool = True,
    stop: threading.Event | None = None,
) -> ProvinceOutcome:
    """Check every college; ``progress(event, value)`` sees ("start", index) and ("done", CollegeResult).
    Setting ``stop`` ends every college's crawl within a request timeout (their runs are closed ``aborted``)."""
    n = len(province.colleges)
    workers = max(1, min(workers or province.workers, n))
    at_once = -(-province.parallel // workers)
    shards = [list(range(i, n, workers)) for i in range(workers)]
    results: dict[int, CollegeResult] = {}

    def take(event) -> None:
        kind, value = event
        if kind == "done":
            results[value.index] = value
        if progress:
            progress(kind, value)

    if workers == 1:
        _run_shard(province, shards[0], now, at_once, take, annual, stop)
    else:
        _in_processes(province, shards, now, at_once, take, annual, stop)
    for index in range(n):  # a process that died leaves its unfinished colleges unchecked, said so
        if index not in results:
            c = province.colleges[index]
            results[index] = CollegeResult(index, c.name, c.url, c.level, 1, None, "检查进程异常退出 / worker died")
    return ProvinceOutcome(province.name, tuple(results[i] for i in range(n)))


def _in_processes(province: Province, shards, now, at_once: int, take, annual: bool, stop) -> None:
    """The first shard in this process (in a thread), the others each in a process of its own: one Python
    less to keep in memory than a pool of workers beside an idle parent."""
    ctx = mp.get_context("spawn")  # no fork of a parent that holds threads and locks
    q, stop_all = ctx.Queue(), ctx.Event()  # stop_all: ``stop`` as the other processes can see it
    path = str(province.path.resolve())
    procs = [
        ctx.Process(target=_shard_process, args=(path, s, now, at_once, q, annual, stop_all), daemon=True)
        for s in shards[1:]
    ]
    for p in procs:
        p.start()
    args = (province, shards[0], now, at_once, q.put, annual, stop_all)
    here = threading.Thread(target=_run_shard, args=args, daemon=True)
    here.start()
    expected, done = sum(len(s) for s in shards), 0
    try:
        while done < expected:
            if stop is not None and stop.is_set():
                stop_all.set()
            try:
                event = q.get(timeout=1.0)
            except queue_mod.Empty:
                if not here.is_alive() and not any(p.is_alive() for p in procs):
                    break
                continue
            done += event[0] == "done"
            take(event)
    finally:
        here.join(timeout=5)
        for p in procs:
            p.join(timeout=5)
            if p.is_alive():
                p.terminate()


# --- province init ------------------------------------------------------------------------------------


def init_province(csv_path: Path, out: Path, name: str, force: bool = False) -> tuple[Path, int]:
    """Write a province file from a CSV of name, URL, level (a header row is optional); (path, colleges)."""
    if out.exists() and not force:
        raise UsageError(f"{out} already exists: pass --force to overwrite it, or --province to write elsewhere")
    rows = _csv_rows(csv_path)
    lines = [
        "# xxgk-monitor province file: one [[colleges]] per college; the tables below apply to all of them.",
        "# A college without `config` gets one from discovery on its first run (colleges/<host>/config.toml).",
        "",
        "[province]",
        f"name = {show(name)}",
        "# workers = 0        # processes (0: one per CPU core)",
        "# parallel = 64      # colleges crawled at the same time",
        "",
        "[crawl]",
        "delay = 1.0          # seconds between requests to one host: each college's site is crawled this politely",
        "concurrency = 2",
        "# verify_tls = false # many college servers send incomplete certificate chains: false accepts them",
        "",
        "[storage]",
        'path = "colleges"    # one folder (config, database, reports) per college',
        "",
        "[reports]",
        'dir = "reports"',
        "",
    ]
    for college, url, level in rows:
        lines += ["[[colleges]]", f"name = {show(college)}", f"url = {show(url)}", f'level = "{level}"', ""]
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n".join(lines), encoding="utf-8")
    load_province(out)  # what was written is a valid province file, or this says why
    return out, len(rows)


def _csv_rows(path: Path) -> list[tuple[str, str, str]]:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        text = path.read_bytes().decode("gbk", errors="replace")  # Excel in China saves CSV as GBK
    except OSError as exc:
        raise UsageError(f"{path}: cannot be read: {exc.strerror}") from None
    rows = []
    for number, row in enumerate(csv.reader(text.splitlines()), start=1):
        cells = [c.strip() for c in row]
        if not any(cells) or (number == 1 and cells[2:3] not in (["本科"], ["高职"])):
            continue  # blank lines; a header row (名称,网址,层次)
        if len(cells) < 3 or not cells[1].startswith(("http://", "https://")) or cells[2] not in ("本科", "高职"):
            raise UsageError(f"{path}: line {number}: expected name, http(s) URL, 本科 or 高职; got {row!r}")
        rows.append((cells[0], cells[1], cells[2]))
    if not rows:
        raise UsageError(f"{path}: no colleges (expected lines of name, URL, level)")
    return rows


# --- province report ----------------------------------------------------------------------------------


def _own_report(config, reports_dir: Path) -> str | None:
    """The college's newest HTML report, as a link relative to the province report's folder."""
    reports = sorted(config.reports_dir.glob("report-*.html"))
    return os.path.relpath(reports[-1], reports_dir) if reports else None


def college_documents(province: Province, now: dt.datetime) -> list[tuple[CollegeInfo, dict | None]]:
    """Each college's last stored run evaluated as of ``now`` (nothing crawled, nothing recorded)."""
    out = []
    for college in province.colleges:
        info = CollegeInfo(college.name, college.url, college.level)
        config, why = stored_config(province, college)
        if config is None:
            out.append((replace(info, error=why), None))
            continue
        try:
            doc = service.check(config, now, do_crawl=False).document
            out.append((replace(info, report=_own_report(config, province.reports_dir)), doc))
        except MonitorError as exc:
            out.append((replace(info, error=str(exc)), None))
    return out


def province_report(province: Province, now: dt.datetime) -> tuple[list[Path], dict]:
    """Write the province report (HTML, CSV, JSON) into the province's reports folder; (paths, JSON document)."""
    from monitor.checklist import load_checklist

    rows = ranked([college_row(info, doc) for info, doc in college_documents(province, now)])
    html = render_province_report(province.name, rows, load_checklist(), now)
    doc = province_document(province.name, rows, now)
    stem = province.reports_dir / f"province-{now.date().isoformat()}"
    province.reports_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for suffix, text in ((".html", html), (".csv", to_csv(rows)), (".json", json.dumps(doc, ensure_ascii=False))):
        path = stem.with_suffix(suffix)
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(path)
        paths.append(path)
    return paths, doc


# --- province digest ----------------------------------------------------------------------------------


def _college_week(province: Province, college: College, week, today: dt.date) -> tuple[dict, object]:
    """(the college's week for the supervisor, its Config or None)."""
    from monitor.digest import contexts_for_week
    from monitor.store import open_store

    config, why = stored_config(province, college)
    if config is None:
        return college_week(college.name, college.url, None, why), None
    try:
        with open_store(config.storage_path) as store:
            if store.last_run(config.site.name) is None:
                return college_week(college.name, college.url, None, "尚未完成检查"), None
            ctx = contexts_for_week(config, store, week, today)[0][2]
    except MonitorError as exc:
        return college_week(college.name, college.url, None, str(exc)), None
    return college_week(college.name, college.url, ctx), config


def province_digest(
    province: Province, now: dt.datetime, week=None, dry_run: bool = False, force: bool = False
) -> dict:
    """The supervisor's weekly summary (written to reports/, mailed to the province's [email] to) and each
    college's own digest mailed to its office (``email`` in [[colleges]]). Deliveries are recorded: a run
    again sends nothing already sent (unless ``force``); a failed one is pending and tried again by the next
    run, for its own week."""
    from monitor import digest

    today = now.date()
    week = week or digest.last_complete_week(today)
    retried = []
    for label in [] if dry_run else _pending_weeks(province):
        if label != week.label:
            _ctx, _files, state, error = _supervisor_week(province, digest.parse_week(label), now, False, False)
            retried.append({"week": label, "status": state, "error": error})
    offices: list[dict] = []
    ctx, files, state, error = _supervisor_week(province, week, now, dry_run, force, offices)
    return {
        "province": province.name,
        "week": week.label,
        "files": [str(p) for p in files],
        "supervisor": {"to": list(province.email.to) if province.email else [], "status": state, "error": error},
        "retried": retried,
        "offices": offices,
        "totals": ctx["totals"],
    }


def _supervisor_week(province: Province, week, now, dry_run: bool, force: bool, offices: list | None = None):
    """One week's supervisor digest: (context, files, delivery status, error); with ``offices``, the colleges'
    own digests of that week are sent too and listed there."""
    from monitor import digest

    weeks = []
    for college in province.colleges:
        row, config = _college_week(province, college, week, now.date())
        weeks.append(row)
        if offices is not None and config is not None and config.email is not None and college.email:
            outcome = digest.run_digest(config, now, week, dry_run, force)
            states = sorted({d.status for d in outcome.deliveries if d.recipient == "office"})
            offices.append({"name": college.name, "to": college.email, "status": ",".join(states) or "none"})
    ctx = province_digest_context(province.name, week.label, week.zh, now.date(), weeks)
    html, text = render_province_digest(ctx)
    files = _write_pair(province.reports_dir / f"province-digest-{week.label}", html, text)
    state, error = _send_supervisor(province, week.label, ctx, html, text, now, dry_run, force)
    return ctx, files, state, error


def _pending_weeks(province: Province) -> list[str]:
    from monitor.store import open_store

    db = province.data_dir / "province.db"
    if province.email is None or not db.exists():
        return []
    with open_store(db) as store:
        return sorted({d.week for d in store.deliveries(f"province:{province.name}", status="pending")})


def _write_pair(stem: Path, html: str, text: str) -> list[Path]:
    stem.parent.mkdir(parents=True, exist_ok=True)
    out = []
    for suffix, content in ((".html", html), (".txt", text)):
        path = stem.with_name(stem.name + suffix)
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_text(content, encoding="utf-8")
        tmp.replace(path)
        out.append(path)
    return out


def _send_supervisor(province: Province, week: str, ctx, html: str, text: str, now, dry_run, force) -> tuple[str, str]:
    """Mail the summary once per week (recorded in <storage.path>/province.db); (status, error)."""
    from monitor.mail import build_message, send
    from monitor.store import open_store

    if province.email is None:
        return "no-email", ""
    subject = province_digest_subject(ctx)
    if dry_run:
        return "dry-run", ""
    site = f"province:{province.name}"
    province.data_dir.mkdir(parents=True, exist_ok=True)
    with open_store(province.data_dir / "province.db") as store:
        already = store.delivery(site, week, "supervisor")
        if already and already.status == "sent" and not force:
            return "sent-already", ""
        to = list(province.email.to)
        msg = build_message(province.email.sender, to, subject, text, html, now)
        try:
            send(province.email, msg)
        except MonitorError as exc:
            store.record_delivery(site, week, "supervisor", to, subject, False, str(exc), now, None)
            return "pending", str(exc)
        store.record_delivery(site, week, "supervisor", to, subject, True, "", now, msg["Message-ID"])
        return "sent", ""


# --- the province as a service ------------------------------------------------------------------------


class ProvinceService(Service):
    """``monitor province run``: every college checked and the province report written on ``[schedule] crawl``,
    the digests sent on ``[schedule] digest``, until SIGTERM/SIGINT (a running check stops within a request
    timeout, its colleges' runs closed as aborted)."""

    def __init__(self, province: Province):
        check_schedule(province.path, province.schedule)
        super().__init__(province.timezone, province.crawl.timeout + 10)
        self.province = province

    def jobs(self) -> dict:
        return {"crawl": self._crawl, "digest": self._digest}

    def triggers(self) -> dict:
        return schedule_triggers(self.province.schedule)

    def catch_up(self, now: dt.datetime) -> list[str]:
        """A province check whose time passed while the service was down (no college's run started since), and a
        supervisor digest not sent for the week it would send for now."""
        from monitor.digest import last_complete_week
        from monitor.store import open_store

        due, trig = [], self.triggers()
        crawl_fire, digest_fire = last_fire(trig["crawl"], now), last_fire(trig["digest"], now)
        if crawl_fire and not any(_started_since(self.province, c, crawl_fire) for c in self.province.colleges):
            due.append("crawl")
        if digest_fire and self.province.email is not None and (self.province.data_dir / "province.db").exists():
            week = last_complete_week(now.date()).label  # the week the digest job sends for when it runs now
            with open_store(self.province.data_dir / "province.db") as store:
                sent = store.delivery(f"province:{self.province.name}", week, "supervisor")
            if sent is None or sent.status != "sent":
                due.append("digest")
        return due

    def _crawl(self) -> None:
        outcome = check_province(self.province, self.now(), stop=self.stop)
        codes = [c.exit_code for c in outcome.colleges]
        log.info(
            "province check: %d colleges, %d ok, %d with problems, %d unreachable",
            len(codes),
            codes.count(0),
            sum(c not in (0, 3) for c in codes),
            codes.count(3),
        )
        if not self.stop.is_set():
            paths, _doc = province_report(self.province, self.now())
            log.info("province report: %s", paths[0])

    def _digest(self) -> None:
        doc = province_digest(self.province, self.now())
        log.info(
            "province digest %s: supervisor %s, %d offices",
            doc["week"],
            doc["supervisor"]["status"],
            len(doc["offices"]),
        )


def _started_since(province: Province, college: College, when: dt.datetime) -> bool:
    from monitor.store import open_store

    config, _why = stored_config(province, college)
    if config is None:
        return False
    with open_store(config.storage_path) as store:
        run = store.last_run(config.site.name)
    return run is not None and dt.datetime.fromisoformat(run.started_at) >= when
