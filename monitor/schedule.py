"""The daemon (``monitor run``): APScheduler 3.x fires the crawl and digest jobs; the app owns the jobs.

- triggers from ``[schedule]``: cron expressions in the configured time zone (or intervals in seconds);
  ``max_instances=1``, ``coalesce=True`` and a misfire grace time, so a late or overlapping fire runs once;
- catch-up on start: a crawl whose scheduled time passed while the service was down runs at once, and
  so does a digest whose week was not sent (deliveries are recorded, so it is sent exactly once);
- SIGTERM/SIGINT: the stop event makes a running crawl end within one request timeout (its run is
  closed as ``aborted``), running jobs are waited for, and the process exits 0;
- a failing job is logged and the service goes on.
"""

from __future__ import annotations

import abc
import datetime as dt
import logging
import signal
import threading
import zoneinfo

from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.schedulers.blocking import BlockingScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.date import DateTrigger
from apscheduler.triggers.interval import IntervalTrigger

from monitor import service
from monitor.config import Config
from monitor.configschema import show
from monitor.digest import last_complete_week, run_digest
from monitor.errors import ConfigError, MonitorError
from monitor.store import open_store

log = logging.getLogger(__name__)
MISFIRE_GRACE = {"crawl": 3600, "digest": 6 * 3600}


def cron_problem(expr: str, timezone: str) -> str | None:
    """Why a crontab expression is not valid for APScheduler, or None when it is."""
    try:
        CronTrigger.from_crontab(expr, timezone=timezone)
    except ValueError as exc:
        return str(exc)
    return None


def check(config: Config) -> Config:
    """The config's cron lines are valid, or one ConfigError line names the key (exit 2). Returns the config."""
    check_schedule(config.path, config.schedule)
    return config


def check_schedule(path, s) -> None:
    """A [schedule] table's cron lines are valid, or one ConfigError line names the file and key (exit 2)."""
    for key, expr in (("crawl", s.crawl), ("digest", s.digest)):
        problem = cron_problem(expr, s.timezone)
        if problem:
            raise ConfigError(
                f"{path}: schedule.{key}: {show(expr)} is not a cron expression "
                f"(minute hour day month weekday): {problem}"
            )


def triggers(config: Config) -> dict:
    return schedule_triggers(config.schedule)


def schedule_triggers(s) -> dict:
    """The crawl and digest triggers of a [schedule] table (a config's or a province's)."""
    tz = zoneinfo.ZoneInfo(s.timezone)
    crawl = (
        IntervalTrigger(seconds=s.crawl_interval_seconds, timezone=tz)
        if s.crawl_interval_seconds
        else CronTrigger.from_crontab(s.crawl, timezone=tz)
    )
    digest = (
        IntervalTrigger(seconds=s.digest_interval_seconds, timezone=tz)
        if s.digest_interval_seconds
        else CronTrigger.from_crontab(s.digest, timezone=tz)
    )
    return {"crawl": crawl, "digest": digest}


def next_times(config: Config, now: dt.datetime) -> dict[str, str | None]:
    out = {}
    for name, trigger in triggers(config).items():
        t = trigger.get_next_fire_time(None, now)
        out[name] = t.isoformat() if t else None
    return out


def last_fire(trigger, now: dt.datetime, horizon: dt.timedelta = dt.timedelta(days=8)) -> dt.datetime | None:
    """The most recent scheduled time on or before ``now`` (within ``horizon``), for cron triggers."""
    if not isinstance(trigger, CronTrigger):
        return None
    last, t = None, trigger.get_next_fire_time(None, now - horizon)
    for _ in range(20_000):
        if t is None or t > now:
            break
        last = t
        t = trigger.get_next_fire_time(t, t + dt.timedelta(seconds=1))
    return last


def catch_up(config: Config, now: dt.datetime) -> list[str]:
    """Jobs whose scheduled time passed while the service was down."""
    due = []
    trig = triggers(config)
    with open_store(config.storage_path) as store:
        last_run = store.last_run(config.site.name)
        crawl_fire = last_fire(trig["crawl"], now)
        if crawl_fire and (last_run is None or dt.datetime.fromisoformat(last_run.started_at) < crawl_fire):
            due.append("crawl")
        digest_fire = last_fire(trig["digest"], now)
        if digest_fire and last_run is not None and config.email is not None:
            week = last_complete_week(now.date())  # the week the digest job sends for when it runs now
            sent = store.delivery(config.site.name, week.label, "office")
            if sent is None or sent.status != "sent":
                due.append("digest")
    return due


class Service(abc.ABC):
    """Jobs on triggers until SIGTERM/SIGINT (APScheduler). Subclasses say which jobs, when, what a start
    catches up, and how long a running job may take to stop."""

    def __init__(self, timezone: str, grace: float):
        self.timezone = timezone
        self.grace = grace
        self.stop = threading.Event()
        self._active = 0
        self._idle = threading.Condition()
        self.scheduler = BlockingScheduler(
            timezone=zoneinfo.ZoneInfo(timezone),
            executors={"default": ThreadPoolExecutor(2)},
            job_defaults={"max_instances": 1, "coalesce": True},
        )

    @abc.abstractmethod
    def jobs(self) -> dict:
        """Job name -> the function it runs (names as in MISFIRE_GRACE)."""

    @abc.abstractmethod
    def triggers(self) -> dict:
        """Job name -> its APScheduler trigger."""

    def catch_up(self, now: dt.datetime) -> list[str]:
        return []

    def now(self) -> dt.datetime:
        return service.now_in_zone(self.timezone)

    def _tracked(self, name: str, fn) -> None:
        with self._idle:
            self._active += 1
        try:
            if not self.stop.is_set():
                fn()
        except MonitorError as exc:
            log.error("%s job failed: %s", name, exc)
        except Exception:  # the service must outlive any one job; the traceback goes to the log
            log.exception("%s job crashed", name)
        finally:
            with self._idle:
                self._active -= 1
                self._idle.notify_all()

    def _job(self, name: str):
        fn = self.jobs()[name]
        return lambda: self._tracked(name, fn)

    def _watch_stop(self) -> None:
        if self.stop.is_set() and self.scheduler.running:
            self.scheduler.shutdown(wait=False)

    def _on_signal(self, signum, _frame) -> None:
        log.info("received %s: stopping", signal.Signals(signum).name)
        self.stop.set()
        if self.scheduler.running:
            self.scheduler.shutdown(wait=False)

    def run(self, grace: float | None = None) -> int:
        """Schedule the jobs, catch up, run until SIGTERM/SIGINT; returns the exit code."""
        signal.signal(signal.SIGTERM, self._on_signal)
        signal.signal(signal.SIGINT, self._on_signal)
        now = self.now()
        for name, trigger in self.triggers().items():
            self.scheduler.add_job(self._job(name), trigger, id=name, name=name, misfire_grace_time=MISFIRE_GRACE[name])
            fire = trigger.get_next_fire_time(None, now)
            log.info("next %s: %s", name, fire.isoformat() if fire else None)
        for name in self.catch_up(now):
            log.info("catching up: the %s scheduled while the service was down runs now", name)
            self.scheduler.add_job(self._job(name), DateTrigger(now), id=f"catch-up-{name}", misfire_grace_time=None)
        # a signal that lands after this line but before the scheduler runs only sets the flag: this watcher
        # sees it within a second
        self.scheduler.add_job(self._watch_stop, IntervalTrigger(seconds=1), id="stop-watch")
        if self.stop.is_set():
            return 0
        self.scheduler.start()  # blocks until a signal shuts it down
        limit = grace if grace is not None else self.grace
        with self._idle:
            finished = self._idle.wait_for(lambda: self._active == 0, timeout=limit)
        if not finished:
            log.warning(
                "a job was still running after %.0fs; exiting anyway (its run stays 'running' and is "
                "marked aborted by the next run)",
                limit,
            )
            return 1
        log.info("stopped cleanly")
        return 0


class Daemon(Service):
    """The long-running service of one config (``monitor run``)."""

    def __init__(self, config: Config):
        super().__init__(config.schedule.timezone, config.crawl.timeout + 5)
        self.config = config

    def jobs(self) -> dict:
        return {"crawl": self._crawl, "digest": self._digest}

    def triggers(self) -> dict:
        return triggers(self.config)

    def catch_up(self, now: dt.datetime) -> list[str]:
        return catch_up(self.config, now)

    def _crawl(self) -> None:
        started = service.now_in(self.config)
        result = service.check(self.config, started, stop=self.stop, on_wait=log.info)
        seconds = (service.now_in(self.config) - started).total_seconds()
        s = result.evaluation.summary
        log.info(
            "crawl: run #%d %s in %.1fs, %d pages, %d errors; items ok %d, failing %d, unknown %d; open findings %d",
            result.run.id,
            result.run.status,
            seconds,
            result.run.pages,
            result.run.errors,
            s["ok"],
            s["failing"],
            s["unknown"],
            len(result.findings),
        )

    def _digest(self) -> None:
        outcome = run_digest(self.config, service.now_in(self.config))
        counts = {}
        for d in outcome.deliveries:
            counts[d.status] = counts.get(d.status, 0) + 1
        log.info(
            "digest %s: %s",
            outcome.week.label,
            ", ".join(f"{k} {v}" for k, v in sorted(counts.items())) or "nothing to send",
        )


def status(config: Config, now: dt.datetime) -> dict:
    """What ``monitor status`` shows: last runs, next times, open findings by kind, pending mail, db size."""
    with open_store(config.storage_path) as store:
        runs = []
        for r in store.runs(config.site.name, limit=10):
            duration = None
            if r.finished_at:
                duration = round(
                    (
                        dt.datetime.fromisoformat(r.finished_at) - dt.datetime.fromisoformat(r.started_at)
                    ).total_seconds(),
                    1,
                )
            runs.append(
                {
                    "id": r.id,
                    "status": r.status,
                    "started_at": r.started_at,
                    "finished_at": r.finished_at,
                    "duration_s": duration,
                    "pages": r.pages,
                    "errors": r.errors,
                    "detail": r.detail,
                }
            )
        by_kind: dict[str, int] = {}
        for f in store.open_findings(config.site.name):
            by_kind[f.kind] = by_kind.get(f.kind, 0) + 1
        pending = [
            {"week": d.week, "recipient": d.recipient, "attempts": d.attempts, "error": d.last_error}
            for d in store.deliveries(config.site.name, status="pending")
        ]
        sent = store.deliveries(config.site.name, status="sent")
    size = sum(
        p.stat().st_size
        for p in config.storage_path.parent.glob(config.storage_path.name + "*")
        if p.suffix != ".lock" and p.is_file()
    )
    return {
        "site": config.site.name,
        "now": now.replace(microsecond=0).isoformat(),
        "database": {"path": str(config.storage_path), "bytes": size},
        "runs": runs,
        "next": next_times(config, now),
        "open_findings": dict(sorted(by_kind.items())),
        "pending_deliveries": pending,
        "last_delivery": sent[-1].sent_at if sent else None,
    }
